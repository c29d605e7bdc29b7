"""Critical calls: every available counselor alerted once, and the supervisor rung once if nobody takes it."""

import json
import time

from redis import Redis
from rq.registry import ScheduledJobRegistry

from hotline.queue import service as waiting
from hotline.redis_conn import get_redis
from tests.conftest import configure
from tests.queue.helpers import actions, events, queued_call, run_worker, staff
from workers.escalation import escalate_critical


def test_a_critical_call_alerts_available_counselors_and_schedules_escalation(api, hotline_env):
    available, headers = staff()
    staff(presence="offline")
    pubsub = get_redis().pubsub(ignore_subscribe_messages=True)
    pubsub.subscribe("hotline:alerts")
    sid = queued_call(urgency="critical")
    assert waiting.on_critical(sid) is True
    assert waiting.on_critical(sid) is False, "alerted once"
    alert = json.loads(next_message(pubsub)["data"])
    assert alert["call_sid"] == sid and alert["counselors"] == [available.id]
    assert [a["call_sid"] for a in api.get("/api/alerts", headers=headers).json()] == [sid]
    registry = ScheduledJobRegistry("default", connection=get_redis())
    assert registry.get_job_ids() == [f"escalate-{sid}"]
    due = registry.get_scheduled_time(f"escalate-{sid}").timestamp()
    assert abs(due - (time.time() + hotline_env.critical_escalation_s)) < 5


def next_message(pubsub, wait_s: float = 3.0) -> dict:
    deadline = time.time() + wait_s
    while time.time() < deadline:
        message = pubsub.get_message(timeout=0.2)
        if message:
            return message
    raise AssertionError("no alert published")


def test_alerts_need_a_token(api):
    assert api.get("/api/alerts").status_code == 401


def test_the_timer_rings_the_supervisor_once_when_nobody_took_the_call(hotline_env, monkeypatch):
    configure(monkeypatch, critical_escalation_s=2, supervisor_number="+992900000999")
    sid = queued_call(urgency="critical")
    started = time.time()
    assert waiting.on_critical(sid)
    run_worker()
    assert actions("call") == [], "not before the delay"
    while not actions("call") and time.time() - started < 8:
        time.sleep(0.3)
        run_worker()
    [dial] = actions("call")
    assert dial.created_at.timestamp() - started >= 1.0
    assert dial.to == "+992900000999" and dial.status == "recorded" and dial.dedupe_key == f"escalate-{sid}"
    assert dial.detail["url"] == f"http://testserver/twilio/bridge/escalation?call={sid}&line=123"
    assert len(events(sid, "escalation")) == 1
    assert escalate_critical(sid) is False
    Redis.from_url(hotline_env.redis_url).delete("hotline:alerts:recent")
    run_worker()
    assert len(actions("call")) == 1, "never dials twice"


def test_no_ring_when_a_counselor_took_the_call_in_time(api, monkeypatch):
    configure(monkeypatch, supervisor_number="+992900000999")
    _, headers = staff()
    sid = queued_call(urgency="critical")
    waiting.on_critical(sid)
    assert api.post("/api/queue/next", headers=headers).json()["call_sid"] == sid
    assert escalate_critical(sid) is False
    assert actions("call") == [] and not events(sid, "escalation")


def test_without_a_number_the_escalation_is_logged_but_nothing_dialled(hotline_env):
    sid = queued_call(urgency="critical")
    assert escalate_critical(sid) is False
    assert events(sid, "escalation")[0].input == "no number" and actions("call") == []
