"""Named RQ queues, and jobs enqueued by id once the transaction that asks for them has committed."""

from datetime import timedelta
import logging

from redis.exceptions import RedisError
from rq import Queue, Retry
from sqlalchemy.orm import Session

from hotline.db import after_commit
from hotline.redis_conn import get_redis

log = logging.getLogger(__name__)
QUEUES = ("triage", "dispatch", "default")
RETRY = Retry(max=3, interval=[10, 30, 60])


def queue(name: str) -> Queue:
    return Queue(name, connection=get_redis())


def enqueue(queue_name: str, func: str, *args, job_id: str, delay_s: float | None = None) -> bool:
    """Enqueue now; False when Redis is down (a sweeper re-enqueues what was missed)."""
    try:
        q = queue(queue_name)
        if delay_s:
            q.enqueue_in(timedelta(seconds=delay_s), func, *args, job_id=job_id, retry=RETRY)
        else:
            q.enqueue(func, *args, job_id=job_id, retry=RETRY)
        return True
    except (RedisError, OSError):
        log.warning("could not enqueue %s: Redis is unavailable", job_id)
        return False


def enqueue_after_commit(db_session: Session, queue_name: str, func: str, *args, job_id: str,
                         delay_s: float | None = None) -> None:
    after_commit(db_session, lambda: enqueue(queue_name, func, *args, job_id=job_id, delay_s=delay_s))
