"""The callback list: abandoned calls first, then by urgency; the call back is placed through Twilio (or
recorded without an account) and its result logged."""

from hotline.calls import service as calls
from hotline.db import transaction
from tests.auth.helpers import login
from tests.queue.helpers import actions
from tests.referrals.helpers import make_call


def owed(*, reason: str, urgency: str, caller: str = "+992931119999") -> int:
    sid = make_call(urgency=urgency, caller=caller, status="abandoned")
    with transaction() as db_session:
        call = calls.get(db_session=db_session, call_sid=sid)
        callback = calls.add_callback(db_session=db_session, call=call, reason=reason)
        db_session.flush()
        return callback.id


def test_abandoned_calls_first_then_by_urgency(api, hotline_env):
    requested_critical = owed(reason="requested_on_hold", urgency="critical")
    abandoned_low = owed(reason="abandoned", urgency="low")
    abandoned_high = owed(reason="abandoned", urgency="high")
    voicemail_medium = owed(reason="voicemail", urgency="medium")
    _, headers = login(api, "counselor")
    listed = api.get("/api/callbacks", headers=headers).json()
    assert [c["id"] for c in listed] == [abandoned_high, abandoned_low, requested_critical, voicemail_medium]
    assert "caller" not in str(listed).lower().replace("call_sid", "")


def test_the_call_back_is_placed_and_its_result_logged(api, hotline_env):
    callback_id = owed(reason="abandoned", urgency="high", caller="+992931117777")
    _, headers = login(api, "counselor")
    placed = api.post(f"/api/callbacks/{callback_id}/call", headers=headers)
    assert placed.status_code == 200 and placed.json()["status"] == "calling"
    [action] = actions("call")
    assert action.to == "+992931117777" and action.status == "recorded" and "/twilio/bridge" in action.detail["url"]
    assert api.post(f"/api/callbacks/{callback_id}/call", headers=headers).status_code == 409, "one at a time"
    result = api.post(f"/api/callbacks/{callback_id}/result", json={"result": "no_answer"}, headers=headers)
    assert result.json()["status"] == "pending" and result.json()["result"] == "no_answer"
    api.post(f"/api/callbacks/{callback_id}/call", headers=headers)
    assert len(actions("call")) == 2, "a second attempt is a second call"
    done = api.post(f"/api/callbacks/{callback_id}/result", json={"result": "reached", "note": "ok now"}, headers=headers)
    assert done.json()["status"] == "done"
    assert api.get("/api/callbacks", headers=headers).json() == []


def test_after_the_last_attempt_the_callback_fails(api, hotline_env):
    callback_id = owed(reason="abandoned", urgency="medium")
    _, headers = login(api, "counselor")
    for _ in range(hotline_env.callback_max_attempts):
        api.post(f"/api/callbacks/{callback_id}/call", headers=headers)
        last = api.post(f"/api/callbacks/{callback_id}/result", json={"result": "busy"}, headers=headers).json()
    assert last["status"] == "failed"


def test_the_call_back_goes_through_twilio_with_an_account(api, fake_twilio):
    callback_id = owed(reason="abandoned", urgency="high", caller="+992931116666")
    _, headers = login(api, "counselor")
    api.post(f"/api/callbacks/{callback_id}/call", headers=headers)
    [request] = [r for r in fake_twilio.requests if r["url"].endswith("/Calls.json")]
    assert request["data"]["To"] == "+992931116666"
    assert actions("call")[0].status == "sent"


def test_roles_and_bad_results(api, hotline_env):
    callback_id = owed(reason="abandoned", urgency="high")
    _, manager = login(api, "manager")
    _, counselor = login(api, "counselor")
    assert api.get("/api/callbacks").status_code == 401
    assert api.get("/api/callbacks", headers=manager).status_code == 200
    assert api.post(f"/api/callbacks/{callback_id}/call", headers=manager).status_code == 403
    assert api.post(f"/api/callbacks/{callback_id}/result", json={"result": "no_answer"},
                    headers=counselor).status_code == 409, "nothing placed yet"
    bad = api.post(f"/api/callbacks/{callback_id}/result", json={"result": "maybe"}, headers=counselor)
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "result"
    assert api.post("/api/callbacks/999999/call", headers=counselor).status_code == 404
