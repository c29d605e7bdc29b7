"""`/api/jobs`: failed jobs of every queue, for supervisors, with a retry. The call behind a job is never lost:
it stays in the database, and the sweep triages any waiting call that never was."""

from datetime import datetime

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel
from redis.exceptions import RedisError
from rq.exceptions import InvalidJobOperation, NoSuchJobError
from rq.job import Job
from rq.registry import FailedJobRegistry

from hotline.audit import service as audit
from hotline.auth.dependencies import Supervisor
from hotline.db import DbSession
from hotline.jobs import QUEUES, queue
from hotline.redis_conn import get_redis

router = APIRouter(prefix="/api/jobs", tags=["jobs"])
LIMIT = 200


class FailedJobOut(BaseModel):
    id: str
    queue: str
    func: str | None
    args: list[str]
    failed_at: datetime | None
    error: str | None  # the exception's last line; never the traceback's local values


def failed_jobs(limit: int = LIMIT) -> list[FailedJobOut]:
    """Failed jobs, newest first within each queue."""
    found = []
    for name in QUEUES:
        registry = FailedJobRegistry(queue=queue(name))
        for job in Job.fetch_many(registry.get_job_ids(0, limit - 1, desc=True), connection=get_redis()):
            if job is not None:
                found.append(_out(job, name))
    return found[:limit]


def _out(job: Job, queue_name: str) -> FailedJobOut:
    error = (job.latest_result().exc_string if job.latest_result() else None) or ""
    return FailedJobOut(id=job.id, queue=queue_name, func=job.func_name, args=[str(a) for a in job.args],
                        failed_at=job.ended_at, error=error.strip().splitlines()[-1][:300] if error else None)


def retry(job_id: str) -> FailedJobOut:
    """Put a failed job back on its queue; raises NoSuchJobError if it is not a failed job."""
    job = Job.fetch(job_id, connection=get_redis())
    registry = FailedJobRegistry(queue=queue(job.origin))
    try:
        registry.requeue(job, at_front=True)
    except InvalidJobOperation as exc:
        raise NoSuchJobError(job_id) from exc
    return _out(job, job.origin)


@router.get("/failed")
def list_failed(user: Supervisor) -> list[FailedJobOut]:
    try:
        return failed_jobs()
    except (RedisError, OSError) as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail="Redis is unavailable") from exc


@router.post("/{job_id}/retry")
def retry_failed(job_id: str, db_session: DbSession, user: Supervisor) -> FailedJobOut:
    try:
        out = retry(job_id)
    except NoSuchJobError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no failed job {job_id}") from exc
    except (RedisError, OSError) as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail="Redis is unavailable") from exc
    audit.record(db_session=db_session, action="job.retry", target=f"job:{job_id}")
    return out
