"""Outside hours, or with nobody on shift: anyone in danger rings the on-call phone, others leave a voicemail."""

import pytest
from sqlalchemy import select

from hotline.calls.models import Callback
from hotline.db import transaction
from hotline.queue import service as waiting
from tests.operations.helpers import ALWAYS_CLOSED, flows_with_hours, heard, new_caller, prompt
from tests.queue.helpers import staff
from tests.telephony.helpers import load_call, parse

ON_CALL = "+992372000777"


@pytest.fixture
def closed(hotline_env, monkeypatch, tmp_path):
    return flows_with_hours(monkeypatch, tmp_path, ALWAYS_CLOSED, on_call_number=ON_CALL)


def callback_of(call_sid: str) -> Callback | None:
    call = load_call(call_sid)
    with transaction() as db_session:
        return db_session.scalar(select(Callback).where(Callback.call_id == call.id))


def test_outside_hours_on_1480_the_hours_then_a_voicemail_that_becomes_a_call_back(twilio, closed):
    caller = new_caller(twilio, line="1480")
    caller.dial()
    root = caller.keys("2", "2", "1")  # Russian, stress, Dushanbe
    words = heard(root)
    assert prompt("hours_1480", "ru") in words and prompt("closed_hours", "ru") in words
    assert prompt("connecting_counselor", "ru") not in words
    record = root.find("Record")
    assert root.find("Enqueue") is None and record is not None
    bye = parse(twilio.post(record.get("action"), caller.params(RecordingUrl="https://api.twilio.com/rec/RE7")))
    assert bye.find("Hangup") is not None
    assert callback_of(caller.sid).reason == "voicemail"
    assert load_call(caller.sid).status == "ivr" and waiting.waiting_calls() == []


def test_a_silent_caller_at_the_voicemail_reaches_a_human(twilio, closed):
    caller = new_caller(twilio, line="1480")
    caller.dial()
    root = caller.keys("2", "2", "1")
    children = [child.tag for child in root]
    after = root.find("Dial")  # Twilio goes on past an empty <Record>
    assert children.index("Dial") == children.index("Record") + 1
    assert after.find("Number").text == ON_CALL
    unanswered = parse(twilio.post(after.get("action"), caller.params(DialCallStatus="no-answer")))
    assert unanswered.find("Enqueue").text == "hotline-1480"


def test_outside_hours_someone_in_danger_on_123_rings_the_on_call_phone_then_the_queue(twilio, closed):
    caller = new_caller(twilio, line="123")
    caller.dial()
    root = caller.keys("2", "1", "")  # Russian, someone in danger now, says nothing
    dial = root.find("Dial")
    assert dial.find("Number").text == ON_CALL and root.find("Record") is None
    assert load_call(caller.sid).urgency == "critical"
    unanswered = parse(twilio.post(dial.get("action"), caller.params(DialCallStatus="no-answer")))
    assert unanswered.find("Enqueue").text == "hotline-123"
    assert load_call(caller.sid).status == "queued"


@pytest.mark.parametrize("line, keys", [
    ("123", ("2", "0")),  # 0 for a counselor
    ("123", ("2", "3", "1")),  # violence, someone is hurt: yes
    ("1480", ("2", "1", "1")),  # suicide, thinking of it now: yes
    ("1480", ("2", "", "")),  # silence twice: straight to a counselor
])
def test_outside_hours_every_danger_answer_reaches_the_on_call_phone(twilio, closed, line, keys):
    caller = new_caller(twilio, line=line)
    caller.dial()
    root = caller.keys(*keys)
    assert root.find("Dial").find("Number").text == ON_CALL, keys


def test_without_an_on_call_number_danger_goes_to_the_queue(twilio, hotline_env, monkeypatch, tmp_path):
    flows_with_hours(monkeypatch, tmp_path, ALWAYS_CLOSED)
    caller = new_caller(twilio, line="123")
    caller.dial()
    assert caller.keys("2", "0").find("Enqueue").text == "hotline-123"


def test_nobody_on_shift_on_the_always_open_line_is_handled_the_same(twilio, hotline_env, monkeypatch):
    from tests.conftest import configure

    configure(monkeypatch, on_call_number=ON_CALL)
    staff("counselor", lines=["123"], presence="offline")
    staff("counselor", lines=["1480"], presence="available")  # on shift, but for the other line
    danger = new_caller(twilio, line="123")
    danger.dial()
    assert danger.keys("2", "1", "").find("Dial").find("Number").text == ON_CALL
    other = new_caller(twilio, line="123")
    other.dial()
    root = other.keys("2", "5", "1")  # Russian, an older person, Dushanbe
    assert root.find("Record") is not None
    assert heard(root) == prompt("closed_hours", "ru")  # within hours: no hours to announce, nobody "connecting"


def test_a_counselor_on_shift_changes_nothing(twilio, hotline_env):
    staff("counselor", lines=["123"], presence="busy")
    caller = new_caller(twilio, line="123")
    caller.dial()
    assert caller.keys("2", "5", "1").find("Enqueue").text == "hotline-123"


def test_with_no_staff_accounts_at_all_callers_queue_as_before(twilio, hotline_env):
    caller = new_caller(twilio, line="1480")
    caller.dial()
    assert caller.keys("2", "2", "1").find("Enqueue").text == "hotline-1480"


def test_presence_lost_from_redis_is_not_taken_for_an_empty_floor(twilio, hotline_env):
    from redis import Redis

    staff("counselor", lines=["123"], presence="available")
    Redis.from_url(hotline_env.redis_url).flushdb()  # a Redis restart: every presence gone
    caller = new_caller(twilio, line="123")
    caller.dial()
    assert caller.keys("2", "5", "1").find("Enqueue") is not None
