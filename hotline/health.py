"""Liveness and readiness: the process answers; the database, Redis and a worker are all alive."""

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from redis.exceptions import RedisError
from rq import Worker
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from hotline.db import get_engine
from hotline.redis_conn import get_redis

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
def readyz() -> JSONResponse:
    checks = {"database": _database_alive(), "redis": _redis_alive()}
    checks["worker"] = checks["redis"] and _worker_alive()
    down = [name for name, alive in checks.items() if not alive]
    body = {"status": "ready" if not down else "not ready", "down": down, "checks": checks}
    return JSONResponse(status_code=503 if down else 200, content=body)


def _database_alive() -> bool:
    try:
        with get_engine().connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError:
        return False


def _redis_alive() -> bool:
    try:
        return bool(get_redis().ping())
    except (RedisError, OSError):
        return False


def _worker_alive() -> bool:
    try:
        return bool(Worker.all(connection=get_redis()))
    except (RedisError, OSError):
        return False
