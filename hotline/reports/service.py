"""The manager's summary of a period: the call KPIs with overrides, callbacks, repeat callers and referrals."""

from datetime import timedelta

from sqlalchemy.orm import Session

from hotline.reports import kpis, periods, related, rows
from hotline.reports.periods import Period
from hotline.reports.schemas import ReportFilters

DEFAULT_DAYS = 7
DEFINITIONS = {
    "answered": "calls that reached a counselor (connected_at set)",
    "abandoned": "calls whose caller hung up while waiting (status abandoned)",
    "abandonment_rate": "abandoned / (answered + abandoned)",
    "answer_time": "connected_at - queued_at (created_at when the call never queued)",
    "service_level_15s": "share of answered calls with an answer time of at most 15 s (target 90 %)",
    "service_level_20s": "share of answered calls with an answer time of at most 20 s (target 95 %)",
    "handle_time": "ended_at - connected_at",
    "repeat_calls_24h": "calls from a number (hashed) that called within the 24 h before",
    "hours": "local time, report_timezone",
}


def period_of(filters: ReportFilters) -> Period:
    """The filters' range; without `from`, the 7 days before `to` (or the last 7 local days)."""
    if filters.to is None and filters.from_ is None:
        return periods.last_days(DEFAULT_DAYS)
    if filters.from_ is None:
        return Period(filters.to - timedelta(days=DEFAULT_DAYS), filters.to)
    if filters.to is None:
        return Period(filters.from_, filters.from_ + timedelta(days=DEFAULT_DAYS))
    return Period(filters.from_, filters.to)


def summary(*, db_session: Session, filters: ReportFilters) -> dict:
    """Every KPI of the calls created in the period that match the filters."""
    period = period_of(filters)
    found = rows.load(db_session=db_session, filters=filters, period=period)
    ids = rows.call_ids(filters=filters, period=period)
    return {
        "from": period.start, "to": period.end, "timezone": periods.zone().key,
        **kpis.summarize(found),
        "overrides": related.overrides(db_session=db_session, call_ids=ids),
        "callbacks": related.callbacks(db_session=db_session, call_ids=ids),
        "repeat_callers": related.repeat_callers(db_session=db_session, rows=found),
        "referrals": related.referrals(db_session=db_session, call_ids=ids),
        "follow_ups": related.follow_ups(db_session=db_session, call_ids=ids),
        "definitions": DEFINITIONS,
    }
