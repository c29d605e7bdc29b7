"""Referrals: created for a call (by a counselor, the critical alert or an escalation), each with a short code,
sent by a job after the commit and watched by an escalation timer."""

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from hotline.calls.models import Call
from hotline.db import add_unique, utcnow
from hotline.jobs import enqueue_after_commit
from hotline.referrals import partners as directory
from hotline.referrals.models import Partner, Referral, ReferralEvent
from hotline.referrals.rules import best_rule, load_rules
from hotline.settings import get_settings

CODE_ALPHABET = "ACDEFHJKMNPRTVWXY3479"  # no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B: easy to read and type back
CODE_LENGTH = 6
SEND_JOB = "workers.referrals.send_referral"
ESCALATE_JOB = "workers.referrals.escalate_referral"
OPEN = ("pending", "sent", "acknowledged", "on_scene")


class ReferralError(ValueError):
    """A referral that cannot be made as asked; the message says why."""


def new_code(db_session: Session) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not db_session.scalar(select(Referral.id).where(Referral.code == code)):
            return code


def get(*, db_session: Session, referral_id: int) -> Referral | None:
    return db_session.get(Referral, referral_id)


def by_code(*, db_session: Session, code: str) -> Referral | None:
    return db_session.scalar(select(Referral).where(Referral.code == code))


def for_call(*, db_session: Session, call_id: int) -> list[Referral]:
    query = (select(Referral).where(Referral.call_id == call_id).options(selectinload(Referral.partner))
             .order_by(Referral.id))
    return list(db_session.scalars(query))


def for_calls(*, db_session: Session, call_ids: list[int]) -> list[Referral]:
    if not call_ids:
        return []
    query = (select(Referral).where(Referral.call_id.in_(call_ids)).options(selectinload(Referral.partner))
             .order_by(Referral.id))
    return list(db_session.scalars(query))


def create(*, db_session: Session, call: Call, partner_type: str, partner: Partner | None, source: str,
           phone: str | None = None, created_by: int | None = None, escalated_from: Referral | None = None,
           dedupe_key: str | None = None) -> Referral:
    """A referral to this partner (or phone) for this call; sent and timed once the transaction commits.

    With a dedupe_key, a second attempt finds the first referral instead of making another.
    """
    if dedupe_key:
        existing = db_session.scalar(select(Referral).where(Referral.dedupe_key == dedupe_key))
        if existing:
            return existing
    referral = Referral(code=new_code(db_session), call_id=call.id, partner=partner, partner_type=partner_type,
                        region=partner.region if partner else call.region, phone=partner.phone if partner else phone,
                        urgency=call.urgency, category=call.category, status="pending", source=source,
                        created_by=created_by, dedupe_key=dedupe_key,
                        escalated_from_id=escalated_from.id if escalated_from else None)
    if not add_unique(db_session, referral):  # the same dedupe key made at the same moment elsewhere
        return db_session.scalar(select(Referral).where(Referral.dedupe_key == dedupe_key))
    log(db_session=db_session, referral=referral, kind="created", dedupe_key="created",
        detail={"source": source, "partner_id": partner.id if partner else None})
    _schedule(db_session, referral)
    return referral


def _schedule(db_session: Session, referral: Referral) -> None:
    enqueue_after_commit(db_session, "dispatch", SEND_JOB, referral.id, 1, job_id=f"referral-send-{referral.id}-1")
    delay = escalation_delay_s(referral.urgency)
    if delay is not None:
        enqueue_after_commit(db_session, "dispatch", ESCALATE_JOB, referral.id,
                             job_id=f"referral-escalate-{referral.id}", delay_s=delay)


def escalation_delay_s(urgency: str | None) -> int | None:
    settings = get_settings()
    return {"critical": settings.referral_escalation_critical_s,
            "high": settings.referral_escalation_high_s}.get(urgency or "")


def refer(*, db_session: Session, call: Call, partner_type: str | None = None, partner_id: int | None = None,
          created_by: int | None = None) -> Referral:
    """A counselor's referral: to one partner, or to the best partner of a type in the call's region.

    An open referral of the call to the same partner or type is kept rather than sent twice.
    """
    partner = _asked_partner(db_session, partner_id) if partner_id else directory.choose(
        db_session=db_session, partner_type=partner_type, region=call.region, language=call.language)
    partner_type = partner.type if partner else partner_type
    for existing in for_call(db_session=db_session, call_id=call.id):
        if existing.status in OPEN and (existing.partner_id == partner_id if partner_id
                                        else existing.partner_type == partner_type):
            return existing
    if partner is None:
        raise ReferralError(f"no active {partner_type} partner serves the region {call.region or '(unknown)'}")
    return create(db_session=db_session, call=call, partner_type=partner_type, partner=partner, source="counselor",
                  created_by=created_by)


def _asked_partner(db_session: Session, partner_id: int) -> Partner:
    partner = directory.get(db_session=db_session, partner_id=partner_id)
    if partner is None or not partner.active:
        raise ReferralError(f"no active partner {partner_id}")
    return partner


def suggest(*, db_session: Session, call: Call, category: str | None = None,
            region: str | None = None) -> list[tuple[str, Partner | None, str | None]]:
    """What the rules propose for this call: (partner type, the partner it would go to, rule name)."""
    category, region = category or call.category, region or call.region
    rule = best_rule(load_rules(), category=category, urgency=call.urgency or "medium", region=region)
    if rule is None:
        return []
    return [(partner_type, directory.choose(db_session=db_session, partner_type=partner_type, region=region,
                                            language=call.language), rule.name)
            for partner_type in rule.partners]


def log(*, db_session: Session, referral: Referral, kind: str, dedupe_key: str | None = None,
        detail: dict | None = None) -> bool:
    """Append a step to the referral's log; False when this one was logged already (nothing happens twice)."""
    if dedupe_key and db_session.scalar(select(ReferralEvent.id).where(
            ReferralEvent.referral_id == referral.id, ReferralEvent.dedupe_key == dedupe_key)):
        return False
    event = ReferralEvent(referral_id=referral.id, kind=kind, detail=detail or {}, dedupe_key=dedupe_key)
    return add_unique(db_session, event)


def mark(*, referral: Referral, status: str) -> None:
    referral.status = status
    if status == "sent":
        referral.sent_at = referral.sent_at or utcnow()
    elif status in ("acknowledged", "on_scene", "completed", "declined"):
        referral.answered_at = referral.answered_at or utcnow()
