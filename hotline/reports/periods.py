"""Report periods: half-open UTC ranges [start, end), and the local clock (Asia/Dushanbe) managers read them in."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from hotline.settings import get_settings


@dataclass(frozen=True)
class Period:
    start: datetime
    end: datetime

    @property
    def days(self) -> float:
        return (self.end - self.start).total_seconds() / 86400


@lru_cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def zone() -> ZoneInfo:
    return _zone(get_settings().report_timezone)


def local(moment: datetime) -> datetime:
    """The moment on the hotline's local clock."""
    return moment.astimezone(zone())


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone()).astimezone(UTC)


def between_days(first: date, last: date) -> Period:
    """From the local start of `first` to the local end of `last`, both days included."""
    return Period(local_midnight(first), local_midnight(last + timedelta(days=1)))


def month(year: int, month_number: int) -> Period:
    first = date(year, month_number, 1)
    following = date(year + month_number // 12, month_number % 12 + 1, 1)
    return Period(local_midnight(first), local_midnight(following))


def parse_month(text: str) -> tuple[int, int]:
    """'2025-03' as (2025, 3); ValueError otherwise."""
    year, month_number = (int(part) for part in text.split("-"))
    if not 1 <= month_number <= 12 or not 2000 <= year <= 2100:
        raise ValueError(f"month must be YYYY-MM, not '{text}'")
    return year, month_number


def previous_month(year: int, month_number: int) -> tuple[int, int]:
    return (year - 1, 12) if month_number == 1 else (year, month_number - 1)


def last_days(count: int, *, now: datetime | None = None) -> Period:
    """The last `count` local days, today included."""
    today = local(now or datetime.now(UTC)).date()
    return between_days(today - timedelta(days=count - 1), today)


def utcnow() -> datetime:
    return datetime.now(UTC)


def utc(moment: datetime | None) -> datetime | None:
    """A time without an offset is read as UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment
