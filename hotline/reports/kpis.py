"""The KPIs of a set of calls, as pure functions of the rows.

Definitions (also in the API's docs):
- answered: the call reached a counselor (connected_at set); abandoned: hung up while waiting (status
  `abandoned`); offered = answered + abandoned; abandonment_rate = abandoned / offered.
- answer time = connected_at − queued_at (created_at when the call never queued, e.g. a caller put straight
  through); average_speed_of_answer_s is its mean over answered calls.
- service_level_15s / _20s: the share of answered calls whose answer time is at most 15 / 20 s (targets
  90 % and 95 %, the emergency-call answering standard).
- handle time = ended_at − connected_at, over answered calls that have ended.
- hours and weekdays are on the hotline's local clock (settings.report_timezone).
Shares are fractions (0..1) rounded to 4 places; None when there is nothing to divide by.
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from statistics import mean, median

from hotline.reports.periods import local
from hotline.reports.rows import CallRow

UNKNOWN = "unknown"
SERVICE_LEVEL_TARGETS = {"15s": 0.90, "20s": 0.95}
# Answer targets per urgency (TRIAGE.md): critical at once (the supervisor is rung after 30 s), high 60 s,
# medium 5 min, low 15 min.
ANSWER_TARGET_S = {"critical": 30, "high": 60, "medium": 300, "low": 900}


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def average(values: Iterable[float]) -> float | None:
    values = list(values)
    return round(mean(values), 1) if values else None


def within(rows: list[CallRow], seconds: float) -> int:
    return sum(1 for row in rows if row.answer_s is not None and row.answer_s <= seconds)


def count_by(rows: Iterable[CallRow], key: Callable[[CallRow], str | None]) -> dict[str, int]:
    counts = Counter(key(row) or UNKNOWN for row in rows)
    return dict(sorted(counts.items()))


def headline(rows: list[CallRow]) -> dict:
    """Volume, answered, abandoned, abandonment rate, service levels, speed of answer, handle time."""
    answered = [row for row in rows if row.answered]
    abandoned = sum(1 for row in rows if row.abandoned)
    handle = [row.handle_s for row in answered if row.handle_s is not None]
    return {
        "calls": len(rows), "answered": len(answered), "abandoned": abandoned,
        "offered": len(answered) + abandoned, "abandonment_rate": share(abandoned, len(answered) + abandoned),
        "service_level_15s": share(within(answered, 15), len(answered)),
        "service_level_20s": share(within(answered, 20), len(answered)),
        "service_level_targets": SERVICE_LEVEL_TARGETS,
        "average_speed_of_answer_s": average(row.answer_s for row in answered),
        "longest_answer_s": max((row.answer_s for row in answered), default=None),
        "average_handle_s": average(handle),
        "median_handle_s": round(median(handle), 1) if handle else None,
    }


def splits(rows: list[CallRow]) -> dict:
    """Calls by line, urgency, category, region, language, status, outcome and local hour of day."""
    by_hour = Counter(local(row.created_at).hour for row in rows)
    return {
        "by_line": count_by(rows, lambda row: row.line),
        "by_urgency": count_by(rows, lambda row: row.urgency),
        "by_category": count_by(rows, lambda row: row.category),
        "by_region": count_by(rows, lambda row: row.region),
        "by_language": count_by(rows, lambda row: row.language),
        "by_status": count_by(rows, lambda row: row.status),
        "by_outcome": count_by(rows, lambda row: row.outcome),
        "by_hour": {str(hour): by_hour.get(hour, 0) for hour in range(24)},
    }


def by_counselor(rows: list[CallRow]) -> dict[str, dict]:
    """Per counselor who answered calls: how many, their speed of answer and handle time."""
    groups: dict[str, list[CallRow]] = defaultdict(list)
    for row in rows:
        if row.answered:
            groups[row.counselor or UNKNOWN].append(row)
    return {name: {"answered": len(found),
                   "average_speed_of_answer_s": average(row.answer_s for row in found),
                   "average_handle_s": average(row.handle_s for row in found if row.handle_s is not None)}
            for name, found in sorted(groups.items())}


def answer_time_by_urgency(rows: list[CallRow]) -> dict[str, dict]:
    """For each urgency: answered calls, the target, how many met it, and their speed of answer."""
    result = {}
    for urgency, target in ANSWER_TARGET_S.items():
        answered = [row for row in rows if row.answered and row.urgency == urgency]
        met = within(answered, target)
        result[urgency] = {"target_s": target, "answered": len(answered), "within_target": met,
                           "share_within_target": share(met, len(answered)),
                           "average_speed_of_answer_s": average(row.answer_s for row in answered)}
    return result


def weekday_hour(rows: list[CallRow]) -> list[list[int]]:
    """Calls by local weekday (0 Monday .. 6 Sunday) and hour (0..23): the heat map's grid."""
    grid = [[0] * 24 for _ in range(7)]
    for row in rows:
        moment = local(row.created_at)
        grid[moment.weekday()][moment.hour] += 1
    return grid


def by_day(rows: list[CallRow]) -> list[dict]:
    """Per local day: calls, answered, abandoned and the service level, for the trend chart."""
    days: dict[str, list[CallRow]] = defaultdict(list)
    for row in rows:
        days[local(row.created_at).date().isoformat()].append(row)
    result = []
    for day, found in sorted(days.items()):
        answered = [row for row in found if row.answered]
        result.append({"date": day, "calls": len(found), "answered": len(answered),
                       "abandoned": sum(1 for row in found if row.abandoned),
                       "service_level_15s": share(within(answered, 15), len(answered)),
                       "service_level_20s": share(within(answered, 20), len(answered))})
    return result


def categories_by_region(rows: list[CallRow]) -> dict[str, dict[str, int]]:
    grid: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        grid[row.region or UNKNOWN][row.category or UNKNOWN] += 1
    return {region: dict(sorted(counts.items())) for region, counts in sorted(grid.items())}


def summarize(rows: list[CallRow]) -> dict:
    """Every figure computed from the calls themselves."""
    return {**headline(rows), **splits(rows), "by_counselor": by_counselor(rows),
            "answer_time_by_urgency": answer_time_by_urgency(rows), "by_weekday_hour": weekday_hour(rows),
            "by_day": by_day(rows), "categories_by_region": categories_by_region(rows)}
