"""Overflow: when to offer a waiting caller a call back that keeps their place.

The expected wait is a simple estimate, documented here because supervisors will ask: the calls served before
this one (ahead of it in the priority order, on its line) are answered one after another by the counselors
on shift, each taking the line's mean handle time, and this caller waits on average half a call more:

    expected wait = (calls ahead + 0.5) × mean handle time ÷ counselors on shift

With staff for the line but nobody on shift the wait has no end (infinite); with no staff accounts at all one
counselor is assumed. A call back is offered when the caller has waited `hold_callback_offer_s`, or when the
expected wait reaches `overflow_offer_s` for the call's urgency (untriaged counts as medium). A critical
caller is never offered one: they stay on the line and are answered first.
"""

from redis.exceptions import RedisError
from sqlalchemy.orm import Session

from hotline.calls.models import Call
from hotline.operations import staffing
from hotline.queue import service as waiting
from hotline.queue.policy import UNTRIAGED
from hotline.settings import get_settings

INFINITE = float("inf")


def calls_ahead(call_sid: str, line: str, position: int) -> int:
    """Calls on the line served before this one, by the priority order; Twilio's FIFO place if Redis is down."""
    try:
        order = [entry.call_sid for entry in waiting.waiting_calls() if entry.line == line]
    except (RedisError, OSError):
        order = []
    if call_sid in order:
        return order.index(call_sid)
    return max(position - 1, 0)


def expected_wait_s(*, db_session: Session, line: str, ahead: int) -> float:
    counselors = staffing.on_shift(db_session=db_session, line=line)
    if counselors == 0:
        return INFINITE
    handle = staffing.handle_time_s(db_session=db_session, line=line)
    return (ahead + 0.5) * handle / (counselors or 1)


def offer_callback(*, db_session: Session, call: Call | None, call_sid: str, line: str,
                   waited_s: int, position: int) -> bool:
    """Whether the hold loop offers (and the hold key accepts) a call back that keeps the caller's place."""
    urgency = call.urgency if call is not None and call.urgency else UNTRIAGED
    if urgency == "critical":
        return False
    settings = get_settings()
    if waited_s >= settings.hold_callback_offer_s:
        return True
    threshold = settings.overflow_offer_s.get(urgency)
    if threshold is None:
        return False
    ahead = calls_ahead(call_sid, line, position)
    return expected_wait_s(db_session=db_session, line=line, ahead=ahead) >= threshold
