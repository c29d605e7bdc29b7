"""The waiting calls as the rest of the hotline sees them: put, raise, remove, list; Redis errors surface as False."""

import logging
import time

from redis.exceptions import RedisError

from hotline.calls import service as calls
from hotline.counselors import service as counselors
from hotline.db import transaction
from hotline.jobs import enqueue
from hotline.queue import alerts, store
from hotline.queue.policy import Waiting
from hotline.redis_conn import get_redis
from hotline.settings import get_settings

log = logging.getLogger(__name__)
ESCALATE_JOB = "workers.escalation.escalate_critical"


def loaded_redis():
    """Redis, with the queue rebuilt from the database first if Redis has lost it."""
    redis = get_redis()
    if not redis.exists(store.LOADED_KEY):
        with transaction() as db_session:
            restored = store.ensure_loaded(redis, db_session)
        if restored:
            log.warning("queue rebuilt from the database: %d waiting calls restored", restored)
    return redis


def put_waiting(entry: Waiting) -> bool:
    try:
        store.add(loaded_redis(), entry)
        return True
    except (RedisError, OSError):
        log.warning("queue unavailable: call %s is waiting in the database only", entry.call_sid)
        return False


def raise_waiting(call_sid: str, urgency: str) -> bool:
    try:
        return store.set_urgency(loaded_redis(), call_sid, urgency)
    except (RedisError, OSError):
        return False


def take_out(call_sid: str) -> bool:
    try:
        return store.remove(get_redis(), call_sid)
    except (RedisError, OSError):
        return False


def waiting_calls() -> list[Waiting]:
    return store.waiting(loaded_redis())


def waiting_items(*, db_session, now: float | None = None) -> list:
    """The waiting calls in serving order, as the API and the consoles show them (raises on a Redis failure)."""
    from sqlalchemy import select

    from hotline.calls.models import Call
    from hotline.queue.schemas import QueueItem

    entries = waiting_calls()
    found = {c.call_sid: c for c in db_session.scalars(
        select(Call).where(Call.call_sid.in_([e.call_sid for e in entries])))} if entries else {}
    now = time.time() if now is None else now
    return [QueueItem.of(e, found[e.call_sid], now) for e in entries
            if e.call_sid in found and found[e.call_sid].status == "queued" and not found[e.call_sid].training]


def reorder(call_sid: str, urgency: str) -> bool:
    """Set a waiting call's urgency, up or down (an override); False when it is not waiting."""
    return raise_waiting(call_sid, urgency)


def rebuild() -> tuple[int, int]:
    """Bring the Redis queue back in line with the database (the sweep): (calls added, entries dropped)."""
    with transaction() as db_session:
        return store.reconcile(get_redis(), db_session)


def on_critical(call_sid: str) -> bool:
    """A waiting call just became critical: alert every available counselor once and start the escalation timer.

    Call it after the transaction that made the call critical has committed (it opens its own).
    """
    with transaction() as db_session:
        call = calls.get(db_session=db_session, call_sid=call_sid)
        if call is None or call.status != "queued" or call.urgency != "critical" or call.training:
            return False  # a training call never alerts the floor
        available = [c.user.id for c in counselors.available(db_session=db_session)]
        if not calls.log_event(db_session=db_session, call=call, kind="alert", dedupe_key="critical-alert",
                               input="critical", detail={"counselors": available}):
            return False  # alerted already: the hold key, the IVR and the triage job may all say so
        alert = {"kind": "critical", "call_sid": call_sid, "line": call.line, "language": call.language,
                 "category": call.category, "reasons": list(call.reasons or [])[-3:],
                 "counselors": available, "at": time.time()}
    try:
        alerts.publish(get_redis(), alert)
    except (RedisError, OSError):
        log.warning("could not publish the critical alert for %s", call_sid)
    delay = get_settings().critical_escalation_s
    enqueue("default", ESCALATE_JOB, call_sid, job_id=f"escalate-{call_sid}", delay_s=delay)
    return True


def recent_alerts(limit: int = 20) -> list[dict]:
    try:
        return alerts.recent(get_redis(), limit)
    except (RedisError, OSError):
        return []
