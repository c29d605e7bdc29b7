"""GET /metrics: Prometheus text, hotline_* names; call counts and queue figures are read fresh at each scrape."""

import time

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from redis.exceptions import RedisError
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from hotline.calls.models import Call
from hotline.db import transaction
from hotline.queue import service as waiting
from hotline.security.figures import OperationsCollector

router = APIRouter(include_in_schema=False)
registry = CollectorRegistry()
WEBHOOK_SECONDS = Histogram("hotline_webhook_seconds", "Time to answer a Twilio webhook", ["path"],
                            registry=registry, buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15))


class LiveCollector:
    """Calls by line and status from the database; waiting calls and the oldest wait by urgency from Redis."""

    def collect(self):
        calls = GaugeMetricFamily("hotline_calls", "Calls by line and status", labels=["line", "status"])
        try:
            with transaction() as db_session:
                rows = db_session.execute(select(Call.line, Call.status, func.count()).where(Call.training.is_(False))
                                         .group_by(Call.line, Call.status))
                for line, status, count in rows:
                    calls.add_metric([line, status], count)
        except SQLAlchemyError:
            pass
        yield calls
        yield from _queue_metrics()


def _queue_metrics():
    count = GaugeMetricFamily("hotline_waiting_calls", "Calls waiting for a counselor", labels=["urgency"])
    oldest = GaugeMetricFamily("hotline_oldest_wait_seconds", "Longest current wait", labels=["urgency"])
    try:
        entries = waiting.waiting_calls()
    except (RedisError, OSError, SQLAlchemyError):
        entries = []
    now = time.time()
    for urgency in ("critical", "high", "medium", "low"):
        mine = [e for e in entries if e.level == urgency]
        count.add_metric([urgency], len(mine))
        oldest.add_metric([urgency], max((e.waited(now) for e in mine), default=0))
    yield count
    yield oldest


registry.register(LiveCollector())
registry.register(OperationsCollector())  # triage latency, referral acknowledgment time, failed jobs


@router.get("/metrics")
def metrics() -> Response:
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


class WebhookTimer:
    """ASGI middleware timing every webhook as Twilio sees it (plain ASGI: no per-request task overhead)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith("/twilio/"):
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        try:
            await self.app(scope, receive, send)
        finally:
            WEBHOOK_SECONDS.labels(path=path).observe(time.perf_counter() - started)
