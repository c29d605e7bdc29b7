"""Claiming the next call against the real Redis and both databases: order, skills, presence, races, bridging."""

from concurrent.futures import ThreadPoolExecutor
import threading

from hotline.counselors import service as counselors
from hotline.queue import claim, service as waiting
from tests.queue.helpers import QUEUE_SID, actions, events, load_call, queued_call, staff


def test_the_queue_lists_calls_in_serve_order_with_targets(api):
    _, headers = staff()
    low = queued_call(urgency="low", waited_s=120)
    medium = queued_call(urgency="medium", waited_s=400, category="mental_health")
    critical = queued_call(urgency="critical", waited_s=2)
    untriaged = queued_call(waited_s=5)
    response = api.get("/api/queue", headers=headers)
    assert response.status_code == 200
    items = response.json()
    assert [item["call_sid"] for item in items] == [critical, medium, untriaged, low]
    first, second = items[0], items[1]
    assert first["urgency"] == "critical" and first["target_seconds"] == 0 and first["overdue"] is True
    assert second["category"] == "mental_health" and second["target_seconds"] == 300
    assert second["overdue"] is True and 399 <= second["waiting_seconds"] <= 402
    assert items[2]["urgency"] is None and items[2]["target_seconds"] == 300 and items[2]["overdue"] is False
    assert set(first) >= {"call_sid", "urgency", "category", "language", "line", "waiting_seconds",
                          "target_seconds", "overdue", "reasons"}


def test_the_queue_needs_a_token(api):
    assert api.get("/api/queue").status_code == 401
    assert api.post("/api/queue/next").status_code == 401


def test_next_gives_the_most_urgent_call_connects_it_and_records_the_bridge(api):
    user, headers = staff()
    queued_call(urgency="medium", waited_s=30)
    critical = queued_call(urgency="critical", language="ru")
    response = api.post("/api/queue/next", headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["call_sid"] == critical and body["status"] == "connected" and body["urgency"] == "critical"
    call = load_call(critical)
    assert call.status == "connected" and call.counselor_id == user.id and call.connected_at
    assert counselors.get_presence(user_id=user.id).presence == "busy"
    [redirect] = actions("redirect")
    assert redirect.status == "recorded" and redirect.provider_sid is None
    assert redirect.detail["call_sid"] == critical and redirect.detail["queue"] == "hotline-123"
    assert redirect.detail["url"].startswith(f"http://testserver/twilio/bridge?call={critical}&counselor={user.id}")
    assert [e.input for e in events(critical, "claim")] == [user.username]
    assert critical not in [e.call_sid for e in waiting.waiting_calls()]


def test_next_answers_204_when_nothing_fits_and_409_when_offline(api):
    _, headers = staff()
    assert api.post("/api/queue/next", headers=headers).status_code == 204
    _, offline = staff(presence="offline")
    queued_call(urgency="high")
    response = api.post("/api/queue/next", headers=offline)
    assert response.status_code == 409 and "offline" in response.json()["detail"]
    _, never_set = staff(presence=None)
    assert api.post("/api/queue/next", headers=never_set).status_code == 409


def test_a_manager_cannot_claim_calls(api):
    _, headers = staff("manager")
    assert api.post("/api/queue/next", headers=headers).status_code == 403


def test_skills_filter_languages_and_lines(api):
    _, russian_on_1480 = staff(languages=["ru"], lines=["1480"])
    tajik = queued_call(urgency="critical", language="tg", line="1480")
    wrong_line = queued_call(urgency="critical", language="ru", line="123")
    russian = queued_call(urgency="low", language="ru", line="1480")
    response = api.post("/api/queue/next", headers=russian_on_1480)
    assert response.json()["call_sid"] == russian
    assert api.post("/api/queue/next", headers=russian_on_1480).status_code == 204
    assert {e.call_sid for e in waiting.waiting_calls()} == {tajik, wrong_line}


def test_a_caller_who_hung_up_is_skipped(api):
    _, headers = staff()
    gone = queued_call(urgency="critical", status="abandoned")
    waiting_call = queued_call(urgency="low")
    assert api.post("/api/queue/next", headers=headers).json()["call_sid"] == waiting_call
    assert gone not in [e.call_sid for e in waiting.waiting_calls()]
    assert load_call(gone).status == "abandoned"


def test_counselors_claiming_at_the_same_moment_never_get_the_same_call(hotline_env):
    sids = {queued_call(urgency=u) for u in ["critical", "high", "medium", "low"] * 5}
    users = [staff()[0] for _ in range(8)]
    start = threading.Barrier(len(users))

    def claim_all(user) -> list[str]:
        start.wait()
        taken = []
        while (claimed := claim.claim_next(user=user)) is not None:
            taken.append(claimed.call.call_sid)
        return taken

    with ThreadPoolExecutor(len(users)) as pool:
        results = list(pool.map(claim_all, users))
    taken = [sid for result in results for sid in result]
    assert len(taken) == len(set(taken)) == len(sids)
    assert set(taken) == sids
    assert len(actions("redirect")) == len(sids)


def test_with_an_account_the_caller_is_redirected_through_the_queue_member_resource(api, fake_twilio):
    user, headers = staff()
    sid = queued_call(urgency="high")
    assert api.post("/api/queue/next", headers=headers).status_code == 200
    listing, redirect = fake_twilio.requests
    account = "AC" + "0" * 32
    assert listing["method"] == "GET"
    assert listing["url"] == f"https://api.twilio.com/2010-04-01/Accounts/{account}/Queues.json"
    assert redirect["method"] == "POST"
    assert redirect["url"] == f"https://api.twilio.com/2010-04-01/Accounts/{account}/Queues/{QUEUE_SID}/Members/{sid}.json"
    assert redirect["data"] == {"Url": f"http://testserver/twilio/bridge?call={sid}&counselor={user.id}&line=123&lang=tg",
                                "Method": "POST"}
    [action] = actions("redirect")
    assert action.status == "sent" and action.provider_sid == sid


def test_when_twilio_fails_the_call_goes_back_to_the_queue(api, fake_twilio):
    user, headers = staff()
    fake_twilio.fail = True
    sid = queued_call(urgency="high", waited_s=50)
    response = api.post("/api/queue/next", headers=headers)
    assert response.status_code == 502 and "back in the queue" in response.json()["detail"]
    assert load_call(sid).status == "queued" and load_call(sid).counselor_id is None
    [entry] = waiting.waiting_calls()
    assert entry.call_sid == sid and entry.waited(__import__("time").time()) >= 50
    assert actions("redirect")[0].status == "failed"
    assert counselors.get_presence(user_id=user.id).presence == "available"
