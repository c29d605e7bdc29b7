"""The counselor's work lists: callbacks due, their open cases, and their follow-ups due."""

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hotline.auth.models import User
from hotline.calls.models import Call
from hotline.cases import callbacks
from hotline.cases import service as cases
from hotline.cases.models import CaseFile, ContactRecord
from hotline.db import utcnow

SHOWN = 20
FOLLOW_UP_HORIZON = timedelta(days=1)


def callbacks_due(*, db_session: Session) -> list[dict]:
    """Callers owed a call back, in the callback list's order, with the attempts made so far."""
    found = [c for c in callbacks.waiting_list(db_session=db_session, limit=SHOWN) if not c.call.training]
    tried = callbacks.attempts(db_session=db_session, callback_ids=[c.id for c in found])
    return [{"id": c.id, "call_sid": c.call.call_sid, "reason": c.reason, "status": c.status,
             "urgency": c.call.urgency, "line": c.call.line, "language": c.call.language,
             "created_at": c.created_at, "attempts": tried.get(c.id, 0)} for c in found]


def my_cases(*, db_session: Session, user: User) -> list[dict]:
    """The open case files this counselor recorded a contact in, most recently updated first, each with a call."""
    query = (select(CaseFile, func.max(Call.call_sid))
             .join(ContactRecord, ContactRecord.case_id == CaseFile.id).join(Call, Call.id == ContactRecord.call_id)
             .where(ContactRecord.counselor_id == user.id, CaseFile.status != "closed")
             .group_by(CaseFile.id).order_by(CaseFile.updated_at.desc()).limit(SHOWN))
    return [{"case": case, "call_sid": call_sid} for case, call_sid in db_session.execute(query)]


def follow_ups_due(*, db_session: Session, user: User) -> list:
    """Open follow-ups assigned to this user, due within a day (overdue ones first)."""
    due = cases.follow_ups(db_session=db_session, due_before=utcnow() + FOLLOW_UP_HORIZON, assigned_to=user.id)
    return due[:SHOWN]
