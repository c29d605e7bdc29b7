"""Partners' opening hours: "24/7" or "mon-fri 08:00-17:00" (days optional, Dushanbe time, UTC+5)."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
import re

DUSHANBE = timezone(timedelta(hours=5), "Asia/Dushanbe")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PATTERN = re.compile(r"^(?:(?P<days>daily|[a-z]{3}(?:-[a-z]{3})?)\s+)?(?P<open>\d{2}:\d{2})-(?P<close>\d{2}:\d{2})$")


@dataclass(frozen=True)
class Hours:
    days: frozenset[int]
    opens: time | None  # None: always open
    closes: time | None

    def open_at(self, moment: datetime) -> bool:
        local = moment.astimezone(DUSHANBE)
        if self.opens is None:
            return True
        return local.weekday() in self.days and self.opens <= local.time() < self.closes


def parse_hours(text: str) -> Hours:
    """Parse, or raise ValueError saying what a valid value looks like."""
    value = (text or "").strip().lower()
    if value in ("24/7", "always"):
        return Hours(frozenset(range(7)), None, None)
    match = PATTERN.match(value)
    if not match:
        raise ValueError(f"hours '{text}' must be '24/7' or like 'mon-fri 08:00-17:00'")
    try:
        opens, closes = time.fromisoformat(match["open"]), time.fromisoformat(match["close"])
    except ValueError:
        raise ValueError(f"hours '{text}': not a valid time of day") from None
    if opens >= closes:
        raise ValueError(f"hours '{text}': opening must be before closing")
    return Hours(_days(match["days"] or "daily", text), opens, closes)


def _days(spec: str, text: str) -> frozenset[int]:
    if spec == "daily":
        return frozenset(range(7))
    first, _, last = spec.partition("-")
    last = last or first
    if first not in DAYS or last not in DAYS:
        raise ValueError(f"hours '{text}': days must be like mon-fri (mon, tue, wed, thu, fri, sat, sun)")
    start, end = DAYS.index(first), DAYS.index(last)
    return frozenset(range(start, end + 1)) if start <= end else frozenset([*range(start, 7), *range(0, end + 1)])


def is_open(text: str, moment: datetime) -> bool:
    try:
        return parse_hours(text).open_at(moment)
    except ValueError:
        return True  # unreadable hours never hide a partner
