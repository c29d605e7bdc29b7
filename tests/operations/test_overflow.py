"""Overflow: a call back that keeps the caller's place, offered once the expected wait reaches the threshold."""

import pytest

from hotline.operations import staffing
from hotline.queue import service as waiting
from tests.conftest import configure
from tests.operations.helpers import heard, new_caller
from tests.queue.helpers import queued_call, staff
from tests.telephony.helpers import gather_action, load_call, parse

OFFER = "call you back"


@pytest.fixture
def floor(hotline_env, monkeypatch):
    """One counselor on shift for 123, a handle time of ten minutes, offers at 15 minutes for medium calls."""
    configure(monkeypatch, overflow_offer_s='{"low": 600, "medium": 900, "high": 1200}',
              overflow_default_handle_s=600)
    staffing.forget()
    user, _headers = staff("counselor", lines=["123"], presence="busy")
    yield user
    staffing.forget()


def on_hold(twilio, keys=("5", "5", "1")):
    """An English caller on 123 (by default an older person: medium) reaching the queue; their hold TwiML."""
    caller = new_caller(twilio)
    caller.dial()
    root = caller.keys(*keys)
    hold = parse(twilio.post(root.find("Enqueue").get("waitUrl"), caller.params(QueuePosition="1", QueueTime="10")))
    return caller, root, hold


def test_the_offer_appears_when_the_expected_wait_reaches_the_threshold(twilio, floor):
    caller, _root, hold = on_hold(twilio)  # nobody ahead: (0 + 0.5) × 600 s = 300 s
    assert OFFER not in heard(hold).lower()
    queued_call(urgency="high", line="123")  # one call ahead now: (1 + 0.5) × 600 s = 900 s, the threshold
    hold = parse(twilio.post(caller.root.find("Enqueue").get("waitUrl"), caller.params(QueuePosition="2", QueueTime="12")))
    assert OFFER in heard(hold).lower()
    left = parse(twilio.post(gather_action(hold), caller.params(Digits="2", QueueTime="14")))
    assert left.find("Leave") is not None
    assert load_call(caller.sid).answers["callback"] == "requested"
    caller.status("completed", sequence=5)
    assert caller.sid in [w.call_sid for w in waiting.waiting_calls()]  # the place is kept


def test_calls_ahead_on_the_other_line_and_more_counselors_shorten_the_wait(twilio, floor):
    queued_call(urgency="high", line="1480")
    _caller, _root, hold = on_hold(twilio)
    assert OFFER not in heard(hold).lower()
    queued_call(urgency="high", line="123")
    staff("counselor", lines=["123"], presence="available")  # two on shift: 1.5 × 600 ÷ 2 = 450 s
    _caller, _root, hold = on_hold(twilio)
    assert OFFER not in heard(hold).lower()


def test_a_critical_caller_is_never_offered_a_call_back(twilio, floor, hotline_env):
    for _ in range(5):
        queued_call(urgency="critical", line="123")
    caller, root, hold = on_hold(twilio, keys=("5", "1", ""))  # someone in danger now
    assert load_call(caller.sid).urgency == "critical"
    late = str(hotline_env.hold_callback_offer_s + 60)
    hold = parse(twilio.post(root.find("Enqueue").get("waitUrl"), caller.params(QueuePosition="6", QueueTime=late)))
    assert OFFER not in heard(hold).lower()
    pressed = parse(twilio.post(gather_action(hold), caller.params(Digits="2", QueueTime=late)))
    assert pressed.find("Leave") is None and pressed.find("Redirect") is not None


def test_nobody_left_on_shift_offers_a_call_back_to_everyone_waiting_but_critical(twilio, floor):
    from hotline.counselors import service as counselors

    caller, root, hold = on_hold(twilio)
    assert OFFER not in heard(hold).lower()
    counselors.set_presence(user_id=floor.id, presence="offline")  # the shift ends with callers waiting
    hold = parse(twilio.post(root.find("Enqueue").get("waitUrl"), caller.params(QueuePosition="1", QueueTime="20")))
    assert OFFER in heard(hold).lower()
