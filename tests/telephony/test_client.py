"""The REST client, mocked only at Twilio's HTTP layer: the exact requests, and what is recorded."""

from tests.queue.helpers import QUEUE_SID, actions
from hotline.telephony import client

ACCOUNT = "AC" + "0" * 32
API = f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT}"
CALL = "CA" + "a" * 32


def test_a_redirect_moves_one_queue_member_by_callsid(fake_twilio):
    action = client.redirect_call(call_sid=CALL, line="123", url="https://hotline.example/twilio/bridge?call=x")
    assert [(r["method"], r["url"]) for r in fake_twilio.requests] == [
        ("GET", f"{API}/Queues.json"), ("POST", f"{API}/Queues/{QUEUE_SID}/Members/{CALL}.json")]
    assert fake_twilio.requests[1]["data"] == {"Url": "https://hotline.example/twilio/bridge?call=x", "Method": "POST"}
    assert action.kind == "redirect" and action.status == "sent" and action.provider_sid == CALL
    client.redirect_call(call_sid=CALL, line="123", url="https://hotline.example/x")
    assert len(fake_twilio.requests) == 3, "the QueueSid is looked up once"


def test_a_caller_not_in_a_known_queue_is_redirected_through_the_call_resource(fake_twilio):
    client.redirect_call(call_sid=CALL, line="1480", url="https://hotline.example/x")
    assert (fake_twilio.requests[-1]["method"], fake_twilio.requests[-1]["url"]) == ("POST", f"{API}/Calls/{CALL}.json")
    assert fake_twilio.requests[-1]["data"] == {"Url": "https://hotline.example/x", "Method": "POST"}


def test_an_sms_is_posted_once_per_dedupe_key(fake_twilio):
    action = client.send_sms(to="+992900000777", body="Referral R-12: child at risk", dedupe_key="sms-r12")
    [request] = fake_twilio.requests
    assert request["method"] == "POST" and request["url"] == f"{API}/Messages.json"
    assert request["data"] == {"To": "+992900000777", "From": "+992372000123", "Body": "Referral R-12: child at risk"}
    assert action.status == "sent" and action.provider_sid == "SM" + "2" * 32
    again = client.send_sms(to="+992900000777", body="Referral R-12: child at risk", dedupe_key="sms-r12")
    assert again.id == action.id and len(fake_twilio.requests) == 1


def test_a_call_is_placed_from_the_hotline_number(fake_twilio):
    client.place_call(to="+992900000999", url="https://hotline.example/twilio/bridge/escalation?call=x")
    [request] = fake_twilio.requests
    assert request["url"] == f"{API}/Calls.json"
    assert request["data"] == {"To": "+992900000999", "From": "+992372000123",
                               "Url": "https://hotline.example/twilio/bridge/escalation?call=x", "Method": "POST"}


def test_twilio_errors_are_recorded_never_raised(fake_twilio):
    fake_twilio.fail = True
    action = client.send_sms(to="+992900000777", body="hello")
    assert action.status == "failed" and "500" in action.detail["error"]


def test_without_an_account_nothing_is_sent_and_the_action_is_recorded(hotline_env):
    recording = []
    client.use_http_client(type("Never", (), {"request": lambda *a, **k: recording.append(a)})())
    try:
        action = client.send_sms(to="+992900000777", body="hello", dedupe_key="k1")
        client.redirect_call(call_sid=CALL, line="123", url="https://hotline.example/x")
    finally:
        client.use_http_client(None)
    assert recording == []
    assert action.status == "recorded" and action.provider_sid is None and action.to == "+992900000777"
    assert [a.kind for a in actions()] == ["sms", "redirect"]
