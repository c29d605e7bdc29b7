"""The sweep: triage calls that never were (they arrived while Redis was down) and rebuild the queue if lost.

Run periodically by `python -m workers.sweep` (a Procfile `clock` process: RQ's cron scheduler, every 10 s).
"""

from datetime import timedelta
import logging

from redis.exceptions import RedisError
from rq.exceptions import NoSuchJobError
from rq.job import Job
from sqlalchemy import func, select

from hotline.calls.models import Call
from hotline.db import transaction, utcnow
from hotline.jobs import enqueue
from hotline.queue import service as waiting
from hotline.redis_conn import get_redis

log = logging.getLogger(__name__)
UNTRIAGED_AFTER_S = 10
INTERVAL_S = 10
LIVE = ("queued", "started", "scheduled", "deferred")


def sweep() -> dict[str, int]:
    """One pass; safe to run at any time and from several places."""
    added, dropped = waiting.rebuild()
    retriaged = retriage_untriaged()
    if added or dropped or retriaged:
        log.warning("sweep: %d calls back in the queue, %d stale entries dropped, %d re-triaged",
                    added, dropped, retriaged)
    return {"added": added, "dropped": dropped, "retriaged": retriaged}


def retriage_untriaged(older_than_s: float = UNTRIAGED_AFTER_S) -> int:
    """Enqueue triage for waiting calls never triaged, unless their job is still alive."""
    cutoff = utcnow() - timedelta(seconds=older_than_s)
    with transaction() as db_session:
        sids = list(db_session.scalars(select(Call.call_sid).where(
            Call.status == "queued", Call.triaged_at.is_(None),
            func.coalesce(Call.queued_at, Call.created_at) <= cutoff)))
    count = 0
    for call_sid in sids:
        job_id = f"triage-{call_sid}"
        if not _alive(job_id) and enqueue("triage", "workers.triage.triage_call", call_sid, job_id=job_id):
            count += 1
    return count


def _alive(job_id: str) -> bool:
    try:
        return Job.fetch(job_id, connection=get_redis()).get_status(refresh=False) in LIVE
    except (NoSuchJobError, RedisError, OSError):
        return False


def run_clock() -> None:
    """The clock process: RQ's cron scheduler enqueues the sweep every INTERVAL_S seconds."""
    from redis import Redis
    from rq.cron import CronScheduler

    from hotline.settings import get_settings

    connection = Redis.from_url(get_settings().redis_url)
    scheduler = CronScheduler(connection=connection)
    scheduler.register(sweep, "default", interval=INTERVAL_S, job_timeout=60)
    from hotline.privacy.redaction import install as install_log_redaction
    from hotline.security import watchdog
    from workers import retention

    install_log_redaction()
    retention.register(scheduler)  # daily: notes, transcripts and recordings of old closed calls
    watchdog.start()  # no worker alive, triage behind, jobs of dead workers: in this process, not as a job
    scheduler.start()
