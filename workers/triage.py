"""The triage job: classify a call by its CallSid, write the result, and reorder the queue. Idempotent."""

from datetime import timedelta
import logging

from sqlalchemy import select

from hotline.calls import service as calls
from hotline.calls.models import Call
from hotline.db import transaction, utcnow
from hotline.queue import service as waiting
from hotline.referrals.escalation import on_critical_triage
from hotline.triage import PriorCall, classify

log = logging.getLogger(__name__)
HISTORY_DAYS = 30


def triage_call(call_sid: str) -> str | None:
    with transaction() as db_session:
        call = calls.get(db_session=db_session, call_sid=call_sid)
        if call is None:
            log.warning("triage: no call %s", call_sid)
            return None
        result = classify(answers=call.answers, text=call.transcript or "", language=call.language,
                          line=call.line, history=_history(db_session, call), now=utcnow())
        calls.raise_urgency(call=call, urgency=result.urgency)
        call.category = result.category
        call.reasons = list(dict.fromkeys([*call.reasons, *result.reasons]))
        call.triaged_at = utcnow()
        calls.log_event(db_session=db_session, call=call, kind="triage", input=call.urgency,
                        detail={"urgency": result.urgency, "category": result.category,
                                "confidence": result.confidence, "reasons": result.reasons})
        urgency, queued = call.urgency, call.status == "queued"
    if urgency == "critical":
        on_critical_triage(call_sid)  # the region's emergency partner is alerted by a job, once per call
    if queued:
        waiting.raise_waiting(call_sid, urgency)
        if urgency == "critical":
            waiting.on_critical(call_sid)  # alerts the floor and starts the escalation timer, once per call
    return urgency


def _history(db_session, call: Call) -> list[PriorCall]:
    """Earlier calls of the same hashed number: a caller back soon after a serious call is not a time-waster."""
    if not call.caller_hash:
        return []
    since = utcnow() - timedelta(days=HISTORY_DAYS)
    rows = db_session.execute(
        select(Call.created_at, Call.urgency)
        .where(Call.caller_hash == call.caller_hash, Call.id != call.id, Call.created_at >= since)
    ).all()
    return [PriorCall(created_at=row.created_at, urgency=row.urgency) for row in rows]
