"""Plain functions over calls: create once per CallSid, log each step once, move the status forward only."""

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline.calls.models import Call, CallEvent, Callback
from hotline.calls.phone import encrypt_phone, hash_phone
from hotline.db import add_unique, utcnow

URGENCY_ORDER = ("low", "medium", "high", "critical")
ENDED = ("completed", "abandoned")


def get(*, db_session: Session, call_sid: str) -> Call | None:
    return db_session.scalar(select(Call).where(Call.call_sid == call_sid))


def get_or_create(*, db_session: Session, call_sid: str, line: str, caller: str | None) -> Call:
    """The call of this CallSid, created on its first webhook; a repeated delivery finds the same row."""
    call = get(db_session=db_session, call_sid=call_sid)
    if call:
        return call
    call = Call(call_sid=call_sid, line=line, status="ivr", answers={}, reasons=[],
                caller_hash=hash_phone(caller), caller_encrypted=encrypt_phone(caller))
    if not add_unique(db_session, call):  # the same CallSid delivered twice at once
        call = get(db_session=db_session, call_sid=call_sid)
    return call


def log_event(*, db_session: Session, call: Call, kind: str, dedupe_key: str | None = None,
              node: str | None = None, input: str | None = None, detail: dict[str, Any] | None = None) -> bool:
    """Append a step to the call's log; False when this delivery was logged already (nothing changes twice)."""
    if dedupe_key and db_session.scalar(
        select(CallEvent.id).where(CallEvent.call_id == call.id, CallEvent.dedupe_key == dedupe_key)
    ):
        return False
    event = CallEvent(call_id=call.id, kind=kind, node=node, input=input, detail=detail or {}, dedupe_key=dedupe_key)
    return add_unique(db_session, event)


def raise_urgency(*, call: Call, urgency: str | None, reason: str | None = None) -> bool:
    """Raise, never lower, a call's urgency: the highest signal wins."""
    if urgency not in URGENCY_ORDER:
        return False
    if call.urgency in URGENCY_ORDER and URGENCY_ORDER.index(call.urgency) >= URGENCY_ORDER.index(urgency):
        return False
    call.urgency = urgency
    if reason:
        call.reasons = [*call.reasons, reason]
    return True


def record_answers(*, call: Call, answers: dict[str, str], language: str | None, category: str | None) -> None:
    if language:
        call.language = language
    if answers:
        call.answers = {**call.answers, **answers}
        call.region = answers.get("region", call.region)
        if answers.get("description"):
            call.transcript = "\n".join(filter(None, [call.transcript, answers["description"]]))
    if category and not call.category:
        call.category = category


def mark_queued(*, call: Call, skill: str) -> bool:
    if call.status != "ivr":
        return False
    call.status, call.queued_at = "queued", utcnow()
    call.answers = {**call.answers, "skill": skill}
    return True


def mark_connected(*, call: Call, counselor_id: int | None = None) -> None:
    call.status, call.connected_at = "connected", call.connected_at or utcnow()
    call.counselor_id = counselor_id or call.counselor_id


def mark_answered(*, call: Call) -> None:
    """A counselor took the call from Twilio's queue: whatever arrived first, it was answered, not abandoned."""
    if call.status == "abandoned":
        call.status = "completed"
    elif call.status in ("ivr", "queued"):
        mark_connected(call=call)


def end(*, db_session: Session, call: Call, at: datetime | None = None) -> str:
    """Close a call: completed if a human answered, abandoned (and owed a call back) if not."""
    if call.status in ENDED:
        return call.status
    call.ended_at = at or utcnow()
    if call.status == "connected":
        call.status = "completed"
    else:
        call.status = "abandoned"
        add_callback(db_session=db_session, call=call, reason="abandoned")
    return call.status


def add_callback(*, db_session: Session, call: Call, reason: str, recording_url: str | None = None) -> Callback:
    existing = db_session.scalar(select(Callback).where(Callback.call_id == call.id))
    if existing:
        existing.recording_url = recording_url or existing.recording_url
        return existing
    callback = Callback(call_id=call.id, reason=reason, recording_url=recording_url)
    db_session.add(callback)
    return callback
