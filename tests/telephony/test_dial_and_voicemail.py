"""The dial and voicemail nodes, in a flow an operator changed: a phone rings, and a message becomes a call back."""

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from hotline.calls.models import Callback
from hotline.db import transaction
from tests.conftest import configure
from tests.telephony.helpers import Caller, load_call, parse

SHIPPED = Path(__file__).resolve().parents[2] / "ivr_flows"
CHANGES = {
    '      "5": {value: other, next: region}': '      "5": {value: other, next: leave_message}',
    "counselor: to_counselor": "counselor: ring_on_call",
}
EXTRA_NODES = """
  ring_on_call:
    type: dial
    number: on_call
    fallback: to_counselor

  leave_message:
    type: voicemail
    prompt: closed_hours
"""


@pytest.fixture
def changed_flows(hotline_env, monkeypatch, tmp_path):
    flows = tmp_path / "flows"
    shutil.copytree(SHIPPED, flows)
    text = (flows / "1480.yaml").read_text(encoding="utf-8")
    for old, new in CHANGES.items():
        assert old in text
        text = text.replace(old, new)
    text = text.replace("\nprompts:", EXTRA_NODES + "\nprompts:", 1)
    (flows / "1480.yaml").write_text(text, encoding="utf-8")
    configure(monkeypatch, flows_dir=flows, on_call_number="+992372000999")
    return flows


def test_zero_rings_the_on_call_phone_and_no_answer_falls_back_to_the_queue(twilio, changed_flows):
    caller = Caller(twilio, line="1480")
    caller.dial()
    root = caller.keys("2", "0")
    dial = root.find("Dial")
    assert dial.find("Number").text == "+992372000999"
    unanswered = parse(twilio.post(dial.get("action"), caller.params(DialCallStatus="no-answer")))
    assert unanswered.find("Enqueue").text == "hotline-1480"
    assert load_call(caller.sid).status == "queued"


def test_an_answered_on_call_phone_connects_the_call(twilio, changed_flows):
    caller = Caller(twilio, line="1480")
    caller.dial()
    dial = caller.keys("2", "0").find("Dial")
    parse(twilio.post(dial.get("action"), caller.params(DialCallStatus="completed")))
    caller.status("completed", sequence=3)
    assert load_call(caller.sid).status == "completed"


def test_a_voicemail_becomes_a_call_back(twilio, changed_flows):
    caller = Caller(twilio, line="1480")
    caller.dial()
    root = caller.keys("2", "5")
    record = root.find("Record")
    assert record is not None
    bye = parse(twilio.post(record.get("action"), caller.params(RecordingUrl="https://api.twilio.com/rec/RE1")))
    assert bye.find("Hangup") is not None
    call = load_call(caller.sid)
    with transaction() as db_session:
        callback = db_session.scalar(select(Callback).where(Callback.call_id == call.id))
    assert callback.reason == "voicemail" and callback.recording_url.endswith("RE1")
