"""Status callbacks: applied in SequenceNumber order, once each, closing the call when it ends."""

from datetime import datetime, UTC
from email.utils import parsedate_to_datetime

from hotline.calls import service as calls
from hotline.db import transaction
from hotline.queue import service as waiting
from hotline.telephony.voice import line_of

FINAL = ("completed", "busy", "failed", "no-answer", "canceled")


def call_status(form: dict[str, str]) -> None:
    status = form.get("CallStatus", "")
    sequence = _sequence(form.get("SequenceNumber"))
    with transaction() as db_session:
        call = calls.get_or_create(db_session=db_session, call_sid=form["CallSid"], line=line_of(form),
                                   caller=form.get("From"))
        if not calls.log_event(db_session=db_session, call=call, kind="status", input=status,
                               dedupe_key=f"status:{status}:{sequence}", detail={"sequence": sequence}):
            return
        if sequence is not None:
            if sequence <= call.status_sequence:
                return  # an older event arriving late changes nothing
            call.status_sequence = sequence
        if status not in FINAL:
            return
        ended = calls.end(db_session=db_session, call=call, at=_timestamp(form.get("Timestamp")))
        keep_place = call.answers.get("callback") == "requested"
    if ended == "abandoned" and not keep_place:
        waiting.take_out(form["CallSid"])


def _sequence(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def _timestamp(value: str | None) -> datetime | None:
    try:
        return parsedate_to_datetime(value).astimezone(UTC) if value else None
    except (TypeError, ValueError):
        return None
