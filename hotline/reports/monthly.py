"""The monthly report of the model implementation to its partners: reach, referrals, follow-up, service level, trends.

People reached = distinct callers (by their number's hash; a call without a number counts as one person)
whose call reached a counselor. By vulnerable group as the counselor recorded it on the contact; by region
of the call.
"""

from collections import defaultdict

from sqlalchemy.orm import Session

from hotline.reports import kpis, periods, related, rows
from hotline.reports.rows import CallRow
from hotline.reports.schemas import ReportFilters
from hotline.reports.tables import Table

TREND_MONTHS = 6
NOT_RECORDED = "not_recorded"


def people(found: list[CallRow]) -> set[str]:
    return {row.caller_hash or f"call-{row.id}" for row in found}


def reach(found: list[CallRow]) -> dict:
    """People reached in all, by vulnerable group and by region."""
    answered = [row for row in found if row.answered]
    by_group: dict[str, list[CallRow]] = defaultdict(list)
    by_region: dict[str, list[CallRow]] = defaultdict(list)
    for row in answered:
        for group in row.vulnerable_groups or (NOT_RECORDED,):
            by_group[group].append(row)
        by_region[row.region or kpis.UNKNOWN].append(row)
    return {"people_reached": len(people(answered)),
            "by_vulnerable_group": {g: len(people(r)) for g, r in sorted(by_group.items())},
            "by_region": {g: len(people(r)) for g, r in sorted(by_region.items())}}


def month_figures(*, db_session: Session, year: int, month: int) -> dict:
    """The headline figures of one month."""
    period, filters = periods.month(year, month), ReportFilters()
    found = rows.load(db_session=db_session, filters=filters, period=period)
    ids = rows.call_ids(filters=filters, period=period)
    return {"month": f"{year:04d}-{month:02d}", "from": period.start, "to": period.end,
            **kpis.headline(found), "by_line": kpis.splits(found)["by_line"],
            "by_category": kpis.splits(found)["by_category"], **reach(found),
            "referrals": related.referrals(db_session=db_session, call_ids=ids),
            "follow_ups": related.follow_ups(db_session=db_session, call_ids=ids)}


def trend(*, db_session: Session, year: int, month: int, months: int = TREND_MONTHS) -> list[dict]:
    """The last `months` months up to this one, oldest first: volume, answered, service level, referrals."""
    found, cursor = [], (year, month)
    for _ in range(months):
        figures = month_figures(db_session=db_session, year=cursor[0], month=cursor[1])
        found.append({"month": figures["month"], "calls": figures["calls"], "answered": figures["answered"],
                      "abandonment_rate": figures["abandonment_rate"],
                      "service_level_15s": figures["service_level_15s"],
                      "people_reached": figures["people_reached"],
                      "referrals_completed": figures["referrals"]["completed"]})
        cursor = periods.previous_month(*cursor)
    return found[::-1]


def report(*, db_session: Session, year: int, month: int) -> dict:
    """The month's indicators and their trend."""
    return {**month_figures(db_session=db_session, year=year, month=month),
            "trend": trend(db_session=db_session, year=year, month=month),
            "timezone": periods.zone().key}


def _pairs(columns: list[str], mapping: dict) -> Table:
    return Table(columns, [[key, value] for key, value in mapping.items()])


def sections(figures: dict) -> list[tuple[str, Table]]:
    """The report as titled tables: the same content in the HTML page and the PDF."""
    headline = {name: figures[name] for name in (
        "calls", "answered", "abandoned", "abandonment_rate", "service_level_15s", "service_level_20s",
        "average_speed_of_answer_s", "average_handle_s", "people_reached")}
    referrals, follow = figures["referrals"], figures["follow_ups"]
    outcomes = {"referrals": referrals["referrals"], "referrals sent": referrals["sent"],
                "referrals acknowledged": referrals["acknowledged"], "referrals completed": referrals["completed"],
                "average time to acknowledge (s)": referrals["average_time_to_acknowledge_s"],
                "follow-ups planned": follow["planned"], "follow-ups done": follow["done"],
                "follow-up rate": follow["follow_up_rate"]}
    trend_columns = ["month", "calls", "answered", "abandonment_rate", "service_level_15s", "people_reached",
                     "referrals_completed"]
    return [
        ("Service", _pairs(["indicator", "value"], headline)),
        ("People reached by vulnerable group", _pairs(["group", "people"], figures["by_vulnerable_group"])),
        ("People reached by region", _pairs(["region", "people"], figures["by_region"])),
        ("Calls by line", _pairs(["line", "calls"], figures["by_line"])),
        ("Calls by category", _pairs(["category", "calls"], figures["by_category"])),
        ("Referrals and follow-up", _pairs(["indicator", "value"], outcomes)),
        ("Trend", Table(trend_columns, [[month[c] for c in trend_columns] for month in figures["trend"]])),
    ]
