"""What the call screen shows: the call, its IVR answers, triage, the caller's history, referrals and the directory."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline.audit import service as audit
from hotline.auth.models import User
from hotline.calls import queries
from hotline.calls.models import LANGUAGES, LINES, REGIONS, Call
from hotline.calls.phone import decrypt_phone
from hotline.calls.schemas import public_answers, redact
from hotline.cases import service as cases
from hotline.cases.models import CALLER_TYPES, OUTCOMES, VULNERABLE_GROUPS
from hotline.referrals import partners as directory
from hotline.referrals import service as referrals
from hotline.referrals.models import PARTNER_TYPES
from hotline.referrals.rules import RulesError
from hotline.triage.scale import CATEGORIES, URGENCIES

PHONE_ROLES = ("supervisor", "admin")  # who sees a caller's number on the call screen (each look audited)
REVIEWERS = ("supervisor", "admin")
HISTORY_SHOWN = 10
DIRECTORY_SHOWN = 30


class NotYours(Exception):
    """A counselor opened a call they did not take."""


@dataclass(frozen=True)
class Access:
    """What this user may do with this call: work on it (the counselor who took it) or only read it."""

    can_work: bool
    sees_phone: bool


def access(user: User, call: Call) -> Access:
    """The counselor who took the call works on it; supervisors read every call (and work on those they took)."""
    mine = call.counselor_id == user.id
    if not mine and user.role not in REVIEWERS:
        raise NotYours(call.call_sid)
    return Access(can_work=mine and not (call.training and call.status == "completed"),
                  sees_phone=user.role in PHONE_ROLES and not call.training)


def load(*, db_session: Session, call_sid: str) -> Call | None:
    return queries.get_call(db_session=db_session, call_sid=call_sid)


def screen(*, db_session: Session, call: Call, user: User, search: dict) -> dict:
    """Everything the call screen draws; the read is audited (and the look at the number, when shown)."""
    allowed = access(user, call)
    audit.record(db_session=db_session, action="call.read", target=f"call:{call.call_sid}",
                 detail={"page": "console"})
    phone = _phone(db_session, call) if allowed.sees_phone else None
    contact = cases.contact_for_call(db_session=db_session, call_id=call.id)
    return {"call": call, "access": allowed, "answers": public_answers(call.answers), "phone": phone,
            "transcript": redact(call.transcript) if call.transcript else None,
            "history": history(db_session=db_session, call=call), "contact": contact,
            "referrals": referrals.for_call(db_session=db_session, call_id=call.id),
            "suggestions": suggestions(db_session=db_session, call=call, region=search.get("region") or None),
            "directory": search_directory(db_session=db_session, **search), "search": search, "choices": CHOICES}


def _phone(db_session: Session, call: Call) -> str | None:
    number = decrypt_phone(call.caller_encrypted)
    if number:
        audit.record(db_session=db_session, action="call.phone.read", target=f"call:{call.call_sid}")
    return number


def history(*, db_session: Session, call: Call) -> list[Call]:
    """Earlier real calls of the same caller (by the keyed hash of their number), newest first."""
    if not call.caller_hash:
        return []
    query = (select(Call).where(Call.caller_hash == call.caller_hash, Call.id != call.id,
                                Call.training.is_(False))
             .order_by(Call.created_at.desc()).limit(HISTORY_SHOWN))
    return list(db_session.scalars(query))


def suggestions(*, db_session: Session, call: Call, region: str | None = None) -> list[dict]:
    """The dispatch rules' proposal for this call (in the region searched, else the call's); empty without rules."""
    try:
        found = referrals.suggest(db_session=db_session, call=call, region=region)
    except RulesError:
        return []
    return [{"partner_type": kind, "partner": partner, "rule": rule} for kind, partner, rule in found]


def search_directory(*, db_session: Session, q: str = "", type: str = "", region: str = "") -> list:
    """Active partners of a type and region whose name, district or key holds the words searched."""
    if not (q or type or region):
        return []
    found = directory.list_partners(db_session=db_session, type=type or None, region=region or None)
    words = q.casefold().split()
    return [p for p in found if all(w in f"{p.name} {p.district or ''} {p.key}".casefold() for w in words)
            ][:DIRECTORY_SHOWN]


CHOICES = {"category": CATEGORIES, "region": REGIONS, "urgency": URGENCIES, "partner_type": PARTNER_TYPES,
           "outcome": OUTCOMES, "caller_type": CALLER_TYPES, "vulnerable_groups": VULNERABLE_GROUPS,
           "language": LANGUAGES, "line": LINES}
