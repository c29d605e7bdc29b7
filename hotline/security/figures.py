"""Figures for /metrics read fresh at each scrape: triage latency and referral acknowledgment time from the
database (the last day), failed jobs per queue from RQ's failed-job registries."""

from datetime import timedelta

from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily
from redis.exceptions import RedisError
from rq.registry import FailedJobRegistry
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from hotline.calls.models import Call
from hotline.db import transaction, utcnow
from hotline.jobs import QUEUES, queue
from hotline.schema import metadata

WINDOW = timedelta(days=1)
TRIAGE_BUCKETS = (0.5, 1, 2, 5, 10, 30, 60, 120, 300)
ACK_BUCKETS = (30, 60, 120, 300, 600, 1800, 3600, 7200, 21600)


def _histogram(name: str, doc: str, durations: list[float], buckets: tuple[float, ...]) -> HistogramMetricFamily:
    cumulative = [(str(float(edge)), sum(1 for d in durations if d <= edge)) for edge in buckets]
    cumulative.append(("+Inf", len(durations)))
    return HistogramMetricFamily(name, doc, buckets=cumulative, sum_value=sum(durations))


def _seconds(pairs) -> list[float]:
    return [max(0.0, (end - start).total_seconds()) for start, end in pairs if start and end]


def triage_latency() -> HistogramMetricFamily:
    since = utcnow() - WINDOW
    with transaction() as db_session:
        pairs = db_session.execute(select(Call.queued_at, Call.triaged_at).where(
            Call.triaged_at.is_not(None), Call.queued_at >= since)).all()
    return _histogram("hotline_triage_latency_seconds", "From queued to triaged, calls queued in the last day",
                      _seconds(pairs), TRIAGE_BUCKETS)


def referral_ack_time() -> HistogramMetricFamily | None:
    referrals = metadata.tables.get("referrals")
    if referrals is None or "answered_at" not in referrals.c:
        return None
    since = utcnow() - WINDOW
    with transaction() as db_session:
        pairs = db_session.execute(select(referrals.c.sent_at, referrals.c.answered_at).where(
            referrals.c.answered_at.is_not(None), referrals.c.sent_at >= since)).all()
    return _histogram("hotline_referral_ack_seconds", "From sent to the partner's answer, referrals of the last day",
                      _seconds(pairs), ACK_BUCKETS)


def failed_jobs() -> GaugeMetricFamily:
    gauge = GaugeMetricFamily("hotline_failed_jobs", "Jobs in RQ's failed-job registry", labels=["queue"])
    for name in QUEUES:
        gauge.add_metric([name], FailedJobRegistry(queue=queue(name)).count)
    return gauge


class OperationsCollector:
    def collect(self):
        for figure in (triage_latency, referral_ack_time, failed_jobs):
            try:
                metric = figure()
            except (SQLAlchemyError, RedisError, OSError):
                continue
            if metric is not None:
                yield metric
