"""Failed jobs with a retry, the new figures on /metrics, and the watchdog's alerts to supervisors."""

from datetime import timedelta

from rq import Queue, SimpleWorker

from hotline.db import transaction, utcnow
from hotline.jobs import QUEUES
from hotline.redis_conn import get_redis
from hotline.security import watchdog
from tests.auth.helpers import login
from tests.conftest import configure
from tests.queue.helpers import actions, load_call, queued_call

FAILING = "tests.security.jobs_for_tests.always_fails"


def _fail_one(call_sid: str) -> str:
    job = Queue("triage", connection=get_redis()).enqueue(FAILING, call_sid, job_id=f"triage-{call_sid}")
    SimpleWorker([Queue(n, connection=get_redis()) for n in QUEUES], connection=get_redis()).work(burst=True)
    return job.id


def test_supervisors_see_failed_jobs_and_retry_them(api):
    _, supervisor = login(api, "supervisor")
    _, counselor = login(api, "counselor")
    sid = queued_call()
    job_id = _fail_one(sid)
    [failed] = api.get("/api/jobs/failed", headers=supervisor).json()
    assert (failed["id"], failed["queue"], failed["args"]) == (job_id, "triage", [sid])
    assert "triage store unavailable" in failed["error"]
    assert api.get("/api/jobs/failed", headers=counselor).status_code == 403
    assert api.post(f"/api/jobs/{job_id}/retry", headers=supervisor).status_code == 200
    assert api.get("/api/jobs/failed", headers=supervisor).json() == []
    assert Queue("triage", connection=get_redis()).job_ids == [job_id]
    assert api.post("/api/jobs/nope/retry", headers=supervisor).status_code == 404
    assert load_call(sid).status == "queued"  # the call is never lost with its job


def test_metrics_show_triage_latency_failed_jobs_and_referral_ack_time(api):
    sid = queued_call(waited_s=10)
    with transaction() as db_session:
        from hotline.calls.service import get

        get(db_session=db_session, call_sid=sid).triaged_at = utcnow() - timedelta(seconds=7)
    _fail_one(queued_call())
    text = api.get("/metrics").text
    assert 'hotline_triage_latency_seconds_bucket{le="5.0"} 1.0' in text
    assert "hotline_triage_latency_seconds_count 1.0" in text
    assert 'hotline_failed_jobs{queue="triage"} 1.0' in text
    assert "hotline_referral_ack_seconds_count 0.0" in text


def test_no_worker_alerts_the_floor_and_the_supervisor_once(fake_twilio, monkeypatch):
    configure(monkeypatch, supervisor_number="+992900000009")
    first, second = watchdog.check(), watchdog.check()
    assert first["workers"] == 0 and second["workers"] == 0
    from hotline.queue.alerts import recent

    assert [a["kind"] for a in recent(get_redis())] == ["no-worker"]
    [sms] = actions("sms")
    assert sms.to == "+992900000009" and "no triage worker" in sms.body


def test_triage_falling_behind_alerts(fake_twilio, monkeypatch):
    configure(monkeypatch, supervisor_number="+992900000009", triage_behind_s=60)
    queued_call(waited_s=30)
    assert watchdog.check()["oldest_untriaged_s"] >= 29
    assert not [a for a in actions("sms") if "behind" in (a.body or "")]
    queued_call(waited_s=90)
    watchdog.check()
    assert len([a for a in actions("sms") if "triage is behind" in a.body]) == 1
