"""Drill: a worker killed (kill -9) in the middle of a triage job. The watchdog puts the job back, another worker
runs it, and the call is triaged once: urgency set, one triage step logged."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from rq import Queue

from hotline.redis_conn import get_redis
from hotline.security import watchdog
from tests.queue.helpers import events, load_call, queued_call

ROOT = Path(__file__).resolve().parents[2]
HOTLINE = Path(sys.executable).parent / "hotline"


def start_worker(settings) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOTLINE_ENV": "development",
           "HOTLINE_DATABASE_URL": settings.database_url, "HOTLINE_REDIS_URL": settings.redis_url,
           "HOTLINE_TWILIO_AUTH_TOKEN": settings.twilio_auth_token or "", "HOTLINE_TRIAGE_TEST_DELAY_S": "120"}
    return subprocess.Popen([str(HOTLINE), "worker"], cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for(condition, timeout: float = 30, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
    process.wait(timeout=30)  # reaped: a zombie would still look alive to the watchdog


def test_a_worker_killed_mid_triage_is_replaced_and_the_call_is_triaged_once(hotline_env, tmp_path):
    sid = queued_call(transcript="my father beats me and I am afraid to go home")
    marker = tmp_path / "started"
    Queue("triage", connection=get_redis()).enqueue("tests.drills.slow_jobs.slow_triage", sid, str(marker),
                                                     job_id=f"triage-{sid}")
    first = start_worker(hotline_env)
    try:
        wait_for(marker.exists, timeout=90, what="the first worker to start the job")
        stop(first, signal.SIGKILL)
    finally:
        stop(first, signal.SIGKILL)
    assert load_call(sid).triaged_at is None  # killed before it wrote anything

    second = start_worker(hotline_env)
    try:
        assert watchdog.recover_orphaned_jobs(older_than_s=0) == [f"triage-{sid}"]
        wait_for(lambda: load_call(sid).triaged_at is not None, timeout=90, what="the second worker to triage the call")
    finally:
        stop(second)
    call = load_call(sid)
    assert call.urgency in ("high", "critical") and call.category
    assert len(events(sid, "triage")) == 1
    assert watchdog.recover_orphaned_jobs(older_than_s=0) == []
