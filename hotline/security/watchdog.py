"""The watchdog: alerts supervisors (console and SMS, once per period) when no worker is alive or triage falls
behind, and puts back on their queue the jobs of a worker that died in the middle of them.

It runs in the clock process (`hotline clock`), not as a job: a job cannot notice that no worker is left.
"""

import logging
import os
import socket
import threading
import time
from datetime import timedelta

from redis.exceptions import RedisError
from rq import Queue, Worker
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from rq.registry import StartedJobRegistry
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from hotline.calls.models import Call
from hotline.db import transaction, utcnow
from hotline.jobs import QUEUES
from hotline.queue import alerts
from hotline.redis_conn import get_redis
from hotline.settings import get_settings

log = logging.getLogger(__name__)
DEDUPE_PREFIX = "hotline:watchdog:alerted"


def oldest_untriaged_s() -> float:
    """How long the oldest waiting call that has no triage yet has waited (0 when none)."""
    with transaction() as db_session:
        oldest = db_session.scalar(select(func.min(func.coalesce(Call.queued_at, Call.created_at))).where(
            Call.status == "queued", Call.triaged_at.is_(None)))
    if oldest is None:
        return 0.0
    if oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=utcnow().tzinfo)
    return max(0.0, (utcnow() - oldest).total_seconds())


def workers_alive() -> int:
    return sum(1 for worker in Worker.all(connection=get_redis()) if not _dead(worker))


def _dead(worker: Worker | None) -> bool:
    """A worker on this host whose process is gone (a kill -9 leaves its registration behind)."""
    if worker is None:
        return True
    if worker.hostname != socket.gethostname() or not worker.pid:
        return False
    try:
        os.kill(worker.pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def recover_orphaned_jobs(older_than_s: float | None = None) -> list[str]:
    """Requeue started jobs whose worker has died, so a killed worker's triage runs again at once."""
    older_than_s = get_settings().job_orphaned_after_s if older_than_s is None else older_than_s
    connection, requeued = get_redis(), []
    for name in QUEUES:
        queue = Queue(name, connection=connection)
        registry = StartedJobRegistry(queue=queue)
        for job_id in registry.get_job_ids(cleanup=False):
            job = _orphan(job_id, older_than_s)
            if job is not None:
                registry.remove_executions(job)
                queue.enqueue_job(job, at_front=True)
                requeued.append(job.id)
    if requeued:
        log.warning("watchdog: requeued %d jobs of dead workers: %s", len(requeued), ", ".join(requeued))
    return requeued


def _orphan(job_id: str, older_than_s: float) -> Job | None:
    try:
        job = Job.fetch(job_id, connection=get_redis())
    except NoSuchJobError:
        return None
    if job.get_status(refresh=False) != JobStatus.STARTED or not job.started_at:
        return None
    if (utcnow() - job.started_at.replace(tzinfo=utcnow().tzinfo)) < timedelta(seconds=older_than_s):
        return None
    worker = Worker.find_by_key(Worker.redis_worker_namespace_prefix + job.worker_name, connection=get_redis()) \
        if job.worker_name else None
    return job if _dead(worker) else None


def alert(kind: str, message: str) -> bool:
    """Tell the floor and the on-call supervisor, at most once per alert_repeat_s for each kind."""
    settings = get_settings()
    period = int(time.time() // settings.alert_repeat_s)
    try:
        if not get_redis().set(f"{DEDUPE_PREFIX}:{kind}", period, nx=True, ex=settings.alert_repeat_s):
            return False
        alerts.publish(get_redis(), {"kind": kind, "message": message, "at": time.time()})
    except (RedisError, OSError):
        pass  # Redis down: the SMS below is still deduplicated by the database
    log.warning("watchdog alert: %s", message)
    if settings.supervisor_number:
        from hotline.telephony.client import send_sms

        send_sms(to=settings.supervisor_number, body=f"Hotline: {message}", dedupe_key=f"watchdog:{kind}:{period}")
    return True


def check() -> dict[str, object]:
    """One look at the service; returns what it found and did."""
    found: dict[str, object] = {}
    try:
        found["workers"] = workers_alive()
        found["requeued"] = recover_orphaned_jobs()
    except (RedisError, OSError):
        found["workers"] = 0
    if not found["workers"]:
        alert("no-worker", "no triage worker is alive: calls are not being triaged")
    try:
        behind = found["oldest_untriaged_s"] = oldest_untriaged_s()
    except SQLAlchemyError:
        behind = 0.0
    if behind > get_settings().triage_behind_s:
        alert("triage-behind", f"triage is behind: a waiting call has had no triage for {int(behind)} s")
    return found


def run_forever(stop: threading.Event | None = None) -> None:
    stop = stop or threading.Event()
    while not stop.is_set():
        try:
            check()
        except Exception:  # the watchdog must outlive whatever it watches
            log.exception("watchdog check failed")
        stop.wait(get_settings().watchdog_interval_s)


def start() -> threading.Thread:
    """The watchdog as a daemon thread of the clock process."""
    thread = threading.Thread(target=run_forever, name="hotline-watchdog", daemon=True)
    thread.start()
    return thread
