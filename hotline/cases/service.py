"""Case files: one per person (their caller hash), gathering contacts and referrals; status moves only along
the allowed transitions, each logged with who and why; follow-ups with due dates."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from hotline.calls.models import Call
from hotline.cases.models import TRANSITIONS, CaseEvent, CaseFile, ContactRecord, FollowUp
from hotline.db import utcnow


class TransitionError(ValueError):
    """A status change the case's current status does not allow."""


def get(*, db_session: Session, case_id: int) -> CaseFile | None:
    return db_session.scalar(select(CaseFile).where(CaseFile.id == case_id).options(
        selectinload(CaseFile.contacts), selectinload(CaseFile.events), selectinload(CaseFile.follow_ups)))


def list_cases(*, db_session: Session, status: str | None = None, limit: int = 50, offset: int = 0) -> list[CaseFile]:
    query = select(CaseFile).order_by(CaseFile.updated_at.desc(), CaseFile.id.desc()).limit(limit).offset(offset)
    if status:
        query = query.where(CaseFile.status == status)
    return list(db_session.scalars(query))


def case_for_call(*, db_session: Session, call: Call, user_id: int | None) -> CaseFile:
    """The file of this caller: their latest one (reopened if closed), or a new one."""
    case = None
    if call.caller_hash:
        case = db_session.scalar(select(CaseFile).where(CaseFile.caller_hash == call.caller_hash)
                                 .order_by(CaseFile.id.desc()).limit(1))
    if case is None:
        case = CaseFile(caller_hash=call.caller_hash, status="open")
        db_session.add(case)
        db_session.flush()
        _log(db_session, case, "opened", None, "open", user_id, None)
    elif case.status == "closed":
        change_status(db_session=db_session, case=case, status="open", user_id=user_id, note="new contact")
    return case


def change_status(*, db_session: Session, case: CaseFile, status: str, user_id: int | None,
                  note: str | None = None) -> CaseFile:
    """Move the case to a status its current one allows; TransitionError otherwise."""
    if status == case.status:
        return case
    if status not in TRANSITIONS.get(case.status, ()):
        allowed = ", ".join(TRANSITIONS.get(case.status, ())) or "none"
        raise TransitionError(f"a case that is {case.status} cannot become {status} (allowed: {allowed})")
    _log(db_session, case, "reopened" if case.status == "closed" else "status", case.status, status, user_id, note)
    case.status = status
    case.closed_at = utcnow() if status == "closed" else None
    case.updated_at = utcnow()
    return case


def _log(db_session: Session, case: CaseFile, kind: str, old: str | None, new: str | None, user_id: int | None,
         note: str | None, detail: dict | None = None) -> None:
    db_session.add(CaseEvent(case_id=case.id, kind=kind, from_status=old, to_status=new, user_id=user_id,
                             note=note, detail=detail or {}))


def record_contact(*, db_session: Session, call: Call, counselor_id: int | None, fields: dict) -> ContactRecord:
    """The call's contact record, created or corrected, in the caller's case file."""
    contact = db_session.scalar(select(ContactRecord).where(ContactRecord.call_id == call.id))
    if contact is None:
        case = case_for_call(db_session=db_session, call=call, user_id=counselor_id)
        contact = ContactRecord(call_id=call.id, case_id=case.id, counselor_id=counselor_id, **fields)
        db_session.add(contact)
        db_session.flush()
        _log(db_session, case, "contact", None, None, counselor_id, None, {"call_sid": call.call_sid})
    else:
        for name, value in fields.items():
            setattr(contact, name, value)
        contact.counselor_id = counselor_id or contact.counselor_id
    case = db_session.get(CaseFile, contact.case_id)
    case.category, case.region, case.updated_at = fields.get("category"), fields.get("region"), utcnow()
    return contact


def contact_for_call(*, db_session: Session, call_id: int) -> ContactRecord | None:
    return db_session.scalar(select(ContactRecord).where(ContactRecord.call_id == call_id))


def call_ids(*, db_session: Session, case: CaseFile) -> list[int]:
    return [contact.call_id for contact in case.contacts]


def add_follow_up(*, db_session: Session, case: CaseFile, due_at: datetime, note: str, user_id: int | None,
                  call_id: int | None = None, assigned_to: int | None = None) -> FollowUp:
    follow_up = FollowUp(case_id=case.id, call_id=call_id, due_at=due_at, note=note, status="open",
                         assigned_to=assigned_to or user_id)
    db_session.add(follow_up)
    db_session.flush()
    _log(db_session, case, "follow_up", None, None, user_id, note, {"follow_up_id": follow_up.id})
    return follow_up


def complete_follow_up(*, db_session: Session, follow_up: FollowUp, status: str, result: str | None,
                       user_id: int) -> FollowUp:
    if follow_up.status != "open":
        raise TransitionError(f"the follow-up is {follow_up.status} already")
    follow_up.status, follow_up.result, follow_up.done_by, follow_up.done_at = status, result, user_id, utcnow()
    case = db_session.get(CaseFile, follow_up.case_id)
    _log(db_session, case, f"follow_up_{status}", None, None, user_id, result, {"follow_up_id": follow_up.id})
    return follow_up


def follow_ups(*, db_session: Session, status: str = "open", due_before: datetime | None = None,
               assigned_to: int | None = None) -> list[FollowUp]:
    query = select(FollowUp).where(FollowUp.status == status).order_by(FollowUp.due_at, FollowUp.id)
    if due_before is not None:
        query = query.where(FollowUp.due_at <= due_before)
    if assigned_to is not None:
        query = query.where(FollowUp.assigned_to == assigned_to)
    return list(db_session.scalars(query))


def counselor_ids(*, case: CaseFile) -> set[int]:
    return {contact.counselor_id for contact in case.contacts if contact.counselor_id}
