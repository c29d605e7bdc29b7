"""Overrides: who may, what is refused, how it reads in the reasons, and the queue reordered."""

import pytest

from hotline.queue import service as waiting
from tests.queue.helpers import events, load_call, queued_call, staff


def test_a_supervisor_overrides_a_waiting_call_and_it_moves_up(api):
    _, headers = staff("supervisor")
    first = queued_call(urgency="high", waited_s=30)
    sid = queued_call(urgency="medium", waited_s=5, category="mental_health")
    response = api.post(f"/api/calls/{sid}/override", headers=headers,
                        json={"urgency": "critical", "category": "suicide_self_harm", "reason": " has pills in hand "})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["urgency"] == "critical" and body["category"] == "suicide_self_harm"
    username = events(sid, "override")[0].input
    assert body["reasons"][-1] == (f"override by {username}: urgency medium → critical, "
                                   "category mental_health → suicide_self_harm: has pills in hand")
    [event] = events(sid, "override")
    assert event.detail["reason"] == "has pills in hand" and event.detail["before"]["urgency"] == "medium"
    assert [e.call_sid for e in waiting.waiting_calls()] == [sid, first]
    assert events(sid, "alert"), "a call made critical alerts the floor"


def test_the_counselor_who_took_the_call_may_lower_it(api):
    user, headers = staff()
    sid = queued_call(urgency="high")
    assert api.post("/api/queue/next", headers=headers).status_code == 200
    response = api.post(f"/api/calls/{sid}/override", headers=headers, json={"urgency": "medium", "reason": "caller is safe"})
    assert response.status_code == 200
    assert load_call(sid).reasons[-1] == f"override by {user.username}: urgency high → medium: caller is safe"


def test_another_counselor_is_refused(api):
    _, taker = staff()
    _, other = staff()
    sid = queued_call(urgency="high")
    api.post("/api/queue/next", headers=taker)
    response = api.post(f"/api/calls/{sid}/override", headers=other, json={"urgency": "low", "reason": "x"})
    assert response.status_code == 403
    assert load_call(sid).urgency == "high" and not events(sid, "override")


@pytest.mark.parametrize("body", [
    {"urgency": "urgent", "reason": "x"},
    {"category": "suicide", "reason": "x"},
    {"urgency": "high"},
    {"urgency": "high", "reason": "   "},
    {"reason": "nothing to change"},
])
def test_bad_overrides_are_refused_with_422(api, body):
    _, headers = staff("supervisor")
    sid = queued_call(urgency="medium")
    assert api.post(f"/api/calls/{sid}/override", headers=headers, json=body).status_code == 422
    assert load_call(sid).urgency == "medium"


def test_unknown_call_and_no_token(api):
    _, headers = staff("supervisor")
    assert api.post("/api/calls/CAnone/override", headers=headers, json={"urgency": "low", "reason": "x"}).status_code == 404
    assert api.post("/api/calls/CAnone/override", json={"urgency": "low", "reason": "x"}).status_code == 401
