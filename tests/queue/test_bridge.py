"""The signed bridge webhooks: the claimed caller rings the counselor, and goes back in line if unanswered."""

from urllib.parse import urlencode
import xml.etree.ElementTree as ET

from hotline.counselors import service as counselors
from hotline.queue import service as waiting
from tests.conftest import Twilio
from tests.queue.helpers import actions, load_call, queued_call, staff


def twiml(response) -> ET.Element:
    assert response.status_code == 200, response.text
    return ET.fromstring(response.text)


def claimed(api) -> tuple:
    user, headers = staff()
    api.put("/api/counselors/me/presence", headers=headers, json={"presence": "available", "phone": "+992900000111"})
    sid = queued_call(urgency="high", language="ru", waited_s=40)
    assert api.post("/api/queue/next", headers=headers).status_code == 200
    return user, sid, actions("redirect")[0].detail["url"]


def test_the_bridge_dials_the_counselors_phone(api):
    user, sid, url = claimed(api)
    root = twiml(Twilio(api).post(url, {"CallSid": sid}))
    dial = root.find("Dial")
    assert dial.find("Number").text == "+992900000111"
    assert dial.get("action").startswith(f"http://testserver/twilio/bridge/result?call={sid}&counselor={user.id}")


def test_without_a_phone_the_counselors_app_is_dialled(api):
    user, headers = staff()
    sid = queued_call(urgency="high")
    api.post("/api/queue/next", headers=headers)
    root = twiml(Twilio(api).post(actions("redirect")[0].detail["url"], {"CallSid": sid}))
    assert root.find("Dial/Client").text == f"counselor-{user.id}"


def test_an_unanswered_counselor_sends_the_caller_back_in_their_place(api):
    user, sid, _ = claimed(api)
    query = urlencode({"call": sid, "counselor": user.id, "line": "123", "lang": "ru"})
    root = twiml(Twilio(api).post(f"/twilio/bridge/result?{query}", {"CallSid": sid, "DialCallStatus": "no-answer"}))
    assert root.find("Enqueue").text == "hotline-123"
    assert load_call(sid).status == "queued"
    [entry] = waiting.waiting_calls()
    assert entry.call_sid == sid and entry.urgency == "high"
    assert counselors.get_presence(user_id=user.id).presence == "available"


def test_a_finished_conversation_puts_the_counselor_in_wrap_up(api):
    user, sid, _ = claimed(api)
    query = urlencode({"call": sid, "counselor": user.id, "line": "123", "lang": "ru"})
    root = twiml(Twilio(api).post(f"/twilio/bridge/result?{query}", {"CallSid": sid, "DialCallStatus": "completed"}))
    assert list(root) == []
    assert counselors.get_presence(user_id=user.id).presence == "wrap-up"
    assert load_call(sid).status == "connected"


def test_the_supervisor_answering_takes_the_call_unless_someone_did(api):
    sid = queued_call(urgency="critical")
    root = twiml(Twilio(api).post(f"/twilio/bridge/escalation?call={sid}&line=123", {"CallSid": "CA" + "9" * 32}))
    assert root.find("Dial/Conference").text == f"escalate-{sid}"
    assert load_call(sid).status == "connected" and waiting.waiting_calls() == []
    again = twiml(Twilio(api).post(f"/twilio/bridge/escalation?call={sid}&line=123", {"CallSid": "CA" + "8" * 32}))
    assert again.find("Hangup") is not None


def test_unsigned_bridge_requests_are_refused(api):
    sid = queued_call(urgency="high")
    assert api.post(f"/twilio/bridge?call={sid}&counselor=1", data={"CallSid": sid}).status_code == 403
