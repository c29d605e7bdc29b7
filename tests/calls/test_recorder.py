"""New calls are written by the writer process: every one, once, and by the web process if the writer is gone."""

from sqlalchemy import func, select

from hotline.calls.models import Call, CallEvent
from hotline.calls.phone import hash_phone
from hotline.calls.recorder import recorder
from hotline.db import transaction
from tests.telephony.helpers import Caller


def _counts() -> tuple[int, int]:
    recorder.flush()
    with transaction() as db_session:
        return (db_session.scalar(select(func.count()).select_from(Call)),
                db_session.scalar(select(func.count()).select_from(CallEvent)))


def test_a_burst_of_new_calls_is_recorded_once_each(twilio):
    callers = [Caller(twilio, caller=f"+99290{n:07d}") for n in range(60)]
    for caller in callers:
        caller.dial()
    callers[0].dial()  # Twilio delivers one twice
    assert _counts() == (60, 60)
    with transaction() as db_session:
        call = db_session.scalar(select(Call).where(Call.call_sid == callers[7].sid))
    assert call.caller_hash == hash_phone("+992900000007") and call.status == "ivr"


def test_with_the_writer_gone_the_web_process_records_the_call(twilio):
    recorder.stop()
    recorder._process = None  # as if the writer had died: the next start is refused below
    original_start = recorder.start
    recorder.start = lambda: None
    try:
        caller = Caller(twilio)
        caller.dial()
        assert _counts() == (1, 1)
    finally:
        recorder.start = original_start
        recorder.start()
