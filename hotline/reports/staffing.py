"""The staffing plan: from the volume by hour of recent weeks and the handle time, counselors needed per hour."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hotline.auth.models import User
from hotline.reports import erlang, kpis, periods, rows
from hotline.reports.periods import Period
from hotline.reports.schemas import ReportFilters
from hotline.settings import get_settings


def window(*, weeks: int, end: datetime | None = None) -> Period:
    """The last `weeks` × 7 whole local days ending at the local midnight before `end` (default now)."""
    last = periods.local(end or datetime.now(UTC)).date() - timedelta(days=1)
    return periods.between_days(last - timedelta(days=7 * weeks - 1), last)


def plan(*, db_session: Session, end: datetime | None = None, weeks: int | None = None) -> dict:
    """Counselors needed in each local hour of the day and in each weekday × hour, beside the counselor accounts."""
    settings = get_settings()
    weeks = weeks or settings.staffing_weeks
    period = window(weeks=weeks, end=end)
    found = rows.load(db_session=db_session, filters=ReportFilters(), period=period)
    handle = [row.handle_s for row in found if row.handle_s is not None]
    handle_s = kpis.average(handle) or float(settings.staffing_default_handle_s)
    grid = kpis.weekday_hour(found)
    by_hour = [sum(day[hour] for day in grid) / (7 * weeks) for hour in range(24)]
    need = _needed(handle_s)
    return {
        "from": period.start, "to": period.end, "weeks": weeks, "timezone": periods.zone().key,
        "handle_s": handle_s, "handle_time_measured": bool(handle),
        "target": {"service_level": settings.staffing_service_level, "answer_s": settings.staffing_answer_s},
        "by_hour": [{"hour": hour, "calls_per_hour": round(volume, 2), "counselors_needed": need(volume)}
                    for hour, volume in enumerate(by_hour)],
        "by_weekday_hour": [[need(day[hour] / weeks) for hour in range(24)] for day in grid],
        "counselor_accounts": _counselor_accounts(db_session),
    }


def _needed(handle_s: float):
    settings = get_settings()

    def need(calls_per_hour: float) -> int:
        return erlang.agents_needed(calls_per_hour=calls_per_hour, handle_s=handle_s,
                                    answer_s=settings.staffing_answer_s, target=settings.staffing_service_level)

    return need


def _counselor_accounts(db_session: Session) -> int:
    """Active counselor accounts: the nearest thing to a roster the hotline keeps so far."""
    return db_session.scalar(select(func.count()).select_from(User).where(
        User.role == "counselor", User.active.is_(True))) or 0
