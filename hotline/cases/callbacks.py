"""The callback list: callers owed a call back, abandoned calls first and then by urgency; each call back is
placed through the telephony client (recorded without an account) and its result logged."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from hotline.auth.models import User
from hotline.calls import service as calls
from hotline.calls.models import Callback
from hotline.calls.phone import decrypt_phone
from hotline.cases.models import CallbackAttempt
from hotline.db import utcnow
from hotline.settings import get_settings
from hotline.telephony import bridge, client

URGENCY_RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}
WAITING = ("pending", "calling")
DONE_RESULTS = ("reached", "wrong_number")


class CallbackError(ValueError):
    """A call back that cannot be placed or logged now; the message says why."""


def get(*, db_session: Session, callback_id: int) -> Callback | None:
    return db_session.get(Callback, callback_id)


def waiting_list(*, db_session: Session, limit: int = 100) -> list[Callback]:
    """Pending callbacks: abandoned calls first, then the most urgent, then the longest waiting."""
    found = db_session.scalars(select(Callback).where(Callback.status.in_(WAITING))
                               .options(selectinload(Callback.call)))
    ordered = sorted(found, key=lambda c: (c.reason != "abandoned", URGENCY_RANK.get(c.call.urgency or "", 4),
                                           c.created_at, c.id))
    return ordered[:limit]


def attempts(*, db_session: Session, callback_ids: list[int]) -> dict[int, int]:
    if not callback_ids:
        return {}
    rows = db_session.execute(select(CallbackAttempt.callback_id, func.count(CallbackAttempt.id))
                              .where(CallbackAttempt.callback_id.in_(callback_ids))
                              .group_by(CallbackAttempt.callback_id))
    return dict(rows.all())


def place(*, db_session: Session, callback: Callback, user: User) -> CallbackAttempt:
    """Ring the caller back; when they answer, Twilio fetches the TwiML that rings this counselor."""
    if callback.status not in WAITING:
        raise CallbackError(f"this callback is {callback.status}")
    if _open_attempt(db_session, callback) is not None:
        raise CallbackError("a call back is already being placed: log its result first")
    number = decrypt_phone(callback.call.caller_encrypted)
    if not number:
        raise CallbackError("the caller's number is not known (withheld or unreadable)")
    number_done = attempts(db_session=db_session, callback_ids=[callback.id]).get(callback.id, 0) + 1
    call = callback.call
    url = bridge.bridge_url(call_sid=call.call_sid, counselor_id=user.id, line=call.line, language=call.language)
    action = client.place_call(to=number, url=url, dedupe_key=f"callback-{callback.id}-{number_done}",
                               db_session=db_session)
    attempt = CallbackAttempt(callback_id=callback.id, counselor_id=user.id, action_id=action.id)
    db_session.add(attempt)
    callback.status = "calling"
    calls.log_event(db_session=db_session, call=call, kind="callback", input="placed",
                    dedupe_key=f"callback-placed-{number_done}", detail={"counselor_id": user.id})
    db_session.flush()
    return attempt


def log_result(*, db_session: Session, callback: Callback, result: str, note: str | None,
               user: User) -> CallbackAttempt:
    """What came of the call back: done when the caller was reached; pending again (or failed) otherwise."""
    attempt = _open_attempt(db_session, callback)
    if attempt is None:
        raise CallbackError("no call back has been placed for this callback")
    attempt.result, attempt.note, attempt.result_at = result, note, utcnow()
    tried = attempts(db_session=db_session, callback_ids=[callback.id]).get(callback.id, 0)
    if result in DONE_RESULTS:
        callback.status = "done"
    else:
        callback.status = "failed" if tried >= get_settings().callback_max_attempts else "pending"
    calls.log_event(db_session=db_session, call=callback.call, kind="callback", input=result,
                    dedupe_key=f"callback-result-{attempt.id}", detail={"counselor_id": user.id, "status": callback.status})
    return attempt


def _open_attempt(db_session: Session, callback: Callback) -> CallbackAttempt | None:
    return db_session.scalar(select(CallbackAttempt).where(CallbackAttempt.callback_id == callback.id,
                                                           CallbackAttempt.result.is_(None))
                             .order_by(CallbackAttempt.id.desc()).limit(1))
