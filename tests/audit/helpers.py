"""Calls with a caller and their words, as the webhooks would have left them."""

from datetime import timedelta
from itertools import count

from hotline.calls import service as calls
from hotline.calls.models import Call
from hotline.db import transaction, utcnow

_sids = count(1)


def make_call(*, caller: str = "+992931234567", status: str = "completed", days_ago: float = 0,
              transcript: str | None = "my name is Zarina, my husband beats me", counselor_id: int | None = None) -> Call:
    sid = f"CA{next(_sids):032d}"
    with transaction() as db_session:
        call = calls.get_or_create(db_session=db_session, call_sid=sid, line="123", caller=caller)
        call.status, call.urgency, call.language = status, "high", "tg"
        call.transcript = transcript
        call.answers = {"topic": "3", "description": transcript} if transcript else {"topic": "3"}
        call.counselor_id = counselor_id
        when = utcnow() - timedelta(days=days_ago)
        call.created_at = call.queued_at = when
        call.ended_at = when + timedelta(minutes=10) if status in ("completed", "abandoned") else None
        if status == "abandoned":
            calls.add_callback(db_session=db_session, call=call, reason="voicemail",
                               recording_url="https://api.twilio.com/recordings/RE1")
    return call
