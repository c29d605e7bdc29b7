"""Opening hours per line and the holiday calendar, as data (ivr_flows/hours.yaml), in the lines' time zone.

A line is open `always` (day and night, holidays included: the emergency line) or by weekly hours, e.g.
`mon-fri: "08:00-20:00"`, `sat: ["09:00-13:00", "14:00-18:00"]`, `sun: closed`. A holiday (`date: "03-21"`
every year, or `date: "2026-03-20"` once) closes every line with weekly hours, or only its `lines`, for the
whole day unless it gives shorter `hours`. No hours.yaml, or a line it does not name: open day and night.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, UTC
from functools import lru_cache
from pathlib import Path
import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from hotline.ivr.flows import HOURS_FILE, FlowError

ALWAYS = "always"
CLOSED = "closed"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RANGE = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")

Span = tuple[time, time | None]  # None as the end: until midnight (written 24:00)


@dataclass(frozen=True)
class LineHours:
    line: str
    always: bool
    week: dict[int, tuple[Span, ...]] = field(default_factory=dict)  # weekday (0 = Monday) -> open spans
    announcement: str | None = None  # the prompt that tells callers these hours


@dataclass(frozen=True)
class Holiday:
    name: str
    month: int
    day: int
    year: int | None = None  # None: every year
    lines: tuple[str, ...] = ()  # empty: every line with weekly hours
    spans: tuple[Span, ...] = ()  # empty: closed all day

    def falls_on(self, day: date) -> bool:
        return (day.month, day.day) == (self.month, self.day) and self.year in (None, day.year)


@dataclass(frozen=True)
class Hours:
    timezone: ZoneInfo
    lines: dict[str, LineHours]
    holidays: tuple[Holiday, ...] = ()

    def is_open(self, line: str, at: datetime | None = None) -> bool:
        """Whether the line is within its hours at `at` (now by default)."""
        hours = self.lines.get(line)
        if hours is None or hours.always:
            return True
        local = (at or datetime.now(UTC)).astimezone(self.timezone)
        holiday = self.holiday(line, local.date())
        spans = holiday.spans if holiday else hours.week.get(local.weekday(), ())
        return any(_within(span, local.time()) for span in spans)

    def holiday(self, line: str, day: date) -> Holiday | None:
        return next((h for h in self.holidays if h.falls_on(day) and (not h.lines or line in h.lines)), None)

    def announcement(self, line: str) -> str | None:
        hours = self.lines.get(line)
        return hours.announcement if hours else None


def _within(span: Span, moment: time) -> bool:
    start, end = span
    return start <= moment and (end is None or moment < end)


ALWAYS_OPEN = Hours(timezone=ZoneInfo("Asia/Dushanbe"), lines={})


@lru_cache
def _load_cached(directory: Path, mtime: float) -> Hours:
    return load_hours(directory)


def get_hours() -> Hours:
    """The hours of the configured flow directory, reloaded when hours.yaml changes."""
    from hotline.settings import get_settings

    directory = get_settings().flows_dir
    path = Path(directory) / HOURS_FILE
    mtime = path.stat().st_mtime if path.is_file() else 0.0
    return _load_cached(Path(directory), mtime)


def load_hours(directory: Path) -> Hours:
    """Parse and validate hours.yaml; raise FlowError naming the file, the line or holiday, and the fault."""
    path = Path(directory) / HOURS_FILE
    if not path.is_file():
        return ALWAYS_OPEN
    data = _read(path)
    zone = _timezone(data.get("timezone", "Asia/Dushanbe"))
    lines = data.get("lines") or {}
    if not isinstance(lines, dict):
        raise FlowError(HOURS_FILE, None, "'lines' must be a mapping from line to its hours")
    parsed = {str(line): _line_hours(str(line), spec) for line, spec in lines.items()}
    holidays = data.get("holidays") or []
    if not isinstance(holidays, list):
        raise FlowError(HOURS_FILE, None, "'holidays' must be a list")
    return Hours(timezone=zone, lines=parsed, holidays=tuple(_holiday(spec, parsed) for spec in holidays))


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise FlowError(HOURS_FILE, None, f"not valid YAML{f' at line {mark.line + 1}' if mark else ''}") from None
    if not isinstance(data, dict):
        raise FlowError(HOURS_FILE, None, "must be a mapping at the top level")
    return data


def _timezone(name: Any) -> ZoneInfo:
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        raise FlowError(HOURS_FILE, None, f"unknown time zone '{name}'") from None


def _line_hours(line: str, spec: Any) -> LineHours:
    where = f"line {line}"
    if line not in ("123", "1480"):
        raise FlowError(HOURS_FILE, where, "is not a line of the hotline (123 or 1480)")
    if not isinstance(spec, dict) or "hours" not in spec:
        raise FlowError(HOURS_FILE, where, f"needs 'hours': '{ALWAYS}' or the hours of each day")
    announcement = spec.get("announcement")
    if spec["hours"] == ALWAYS:
        return LineHours(line=line, always=True, announcement=announcement)
    if not isinstance(spec["hours"], dict):
        raise FlowError(HOURS_FILE, where, f"'hours' must be '{ALWAYS}' or a mapping of days, e.g. mon-fri: \"08:00-20:00\"")
    if not announcement:
        raise FlowError(HOURS_FILE, where, "a line with hours needs an 'announcement' prompt that tells callers the hours")
    week: dict[int, tuple[Span, ...]] = {}
    for days, ranges in spec["hours"].items():
        for weekday in _days(where, str(days)):
            if weekday in week:
                raise FlowError(HOURS_FILE, where, f"{DAYS[weekday]} is given twice")
            week[weekday] = _spans(where, ranges)
    return LineHours(line=line, always=False, week=week, announcement=str(announcement))


def _days(where: str, days: str) -> list[int]:
    names = days.lower().split("-")
    if any(name not in DAYS for name in names) or len(names) > 2:
        raise FlowError(HOURS_FILE, where, f"'{days}' is not a day or a range of days ({', '.join(DAYS)}, e.g. mon-fri)")
    first, last = DAYS.index(names[0]), DAYS.index(names[-1])
    if last < first:
        raise FlowError(HOURS_FILE, where, f"'{days}' runs backwards: write the days from Monday to Sunday")
    return list(range(first, last + 1))


def _spans(where: str, ranges: Any) -> tuple[Span, ...]:
    if ranges == CLOSED:
        return ()
    items = ranges if isinstance(ranges, list) else [ranges]
    return tuple(_span(where, str(item)) for item in items)


def _span(where: str, text: str) -> Span:
    match = _RANGE.match(text.strip())
    if not match:
        raise FlowError(HOURS_FILE, where, f"'{text}' is not a time range like \"08:00-20:00\" (or '{CLOSED}')")
    sh, sm, eh, em = (int(part) for part in match.groups())
    if sh > 23 or sm > 59 or em > 59 or eh > 24 or (eh == 24 and em):
        raise FlowError(HOURS_FILE, where, f"'{text}' has a time that does not exist")
    start, end = time(sh, sm), (None if eh == 24 else time(eh, em))
    if end is not None and end <= start:
        raise FlowError(HOURS_FILE, where, f"'{text}' ends before it starts (after midnight, split it at 24:00)")
    return start, end


def _holiday(spec: Any, lines: dict[str, LineHours]) -> Holiday:
    if not isinstance(spec, dict) or "date" not in spec:
        raise FlowError(HOURS_FILE, "holidays", f"each holiday needs a 'date' (MM-DD or YYYY-MM-DD), not {spec!r}")
    text = str(spec["date"])
    where = f"holiday {text}"
    year, month, day = _date(where, text)
    for line in spec.get("lines") or []:
        if str(line) not in ("123", "1480"):
            raise FlowError(HOURS_FILE, where, f"line '{line}' is not a line of the hotline (123 or 1480)")
    hours = spec.get("hours", CLOSED)
    return Holiday(name=str(spec.get("name", text)), month=month, day=day, year=year,
                   lines=tuple(str(line) for line in spec.get("lines") or ()), spans=_spans(where, hours))


def _date(where: str, text: str) -> tuple[int | None, int, int]:
    parts = text.split("-")
    try:
        if len(parts) == 2:
            day = date(2024, int(parts[0]), int(parts[1]))  # a leap year, so 02-29 is a date
            return None, day.month, day.day
        day = date.fromisoformat(text)
        return day.year, day.month, day.day
    except ValueError:
        raise FlowError(HOURS_FILE, where, "is not a date (MM-DD every year, or YYYY-MM-DD)") from None
