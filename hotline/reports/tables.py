"""The export tables: calls, contacts, referrals and the anonymised data set, never with a phone number or hash."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from hotline.calls.models import Call
from hotline.cases.models import ContactRecord
from hotline.referrals.models import Partner, Referral
from hotline.reports.periods import local
from hotline.reports.rows import CallRow

CALL_COLUMNS = ["call_sid", "line", "language", "region", "status", "urgency", "category", "outcome", "counselor",
                "created_at", "queued_at", "connected_at", "ended_at", "answer_s", "handle_s"]
CONTACT_COLUMNS = ["call_sid", "caller_type", "category", "sub_category", "vulnerable_groups", "region", "outcome",
                   "created_at"]
REFERRAL_COLUMNS = ["code", "call_sid", "partner_type", "partner", "region", "urgency", "category", "status",
                    "source", "created_at", "sent_at", "answered_at", "time_to_acknowledge_s"]
ANONYMISED_COLUMNS = ["row", "hour", "line", "language", "region", "urgency", "category", "status", "outcome",
                      "vulnerable_groups", "answered", "answer_s", "handle_s", "referrals"]


@dataclass
class Table:
    columns: list[str]
    rows: list[list] = field(default_factory=list)


def when(moment: datetime | None) -> str:
    """A time on the hotline's local clock, ISO 8601 with its offset, to the second."""
    return local(moment).isoformat(timespec="seconds") if moment else ""


def hour_of(moment: datetime) -> str:
    """The local hour a time falls in: the anonymised data set keeps no finer time."""
    return local(moment).replace(minute=0, second=0, microsecond=0).isoformat(timespec="minutes")


def seconds(value: float | None) -> float | str:
    return round(value, 1) if value is not None else ""


def calls_table(found: list[CallRow]) -> Table:
    return Table(CALL_COLUMNS, [[
        row.call_sid, row.line, row.language or "", row.region or "", row.status, row.urgency or "",
        row.category or "", row.outcome or "", row.counselor or "", when(row.created_at), when(row.queued_at),
        when(row.connected_at), when(row.ended_at), seconds(row.answer_s), seconds(row.handle_s)] for row in found])


def contacts_table(*, db_session: Session, call_ids: Select) -> Table:
    """The contact records of the calls, without the counselor's free-text notes."""
    query = (select(Call.call_sid, ContactRecord).join(Call, Call.id == ContactRecord.call_id)
             .where(ContactRecord.call_id.in_(call_ids)).order_by(ContactRecord.created_at, ContactRecord.id))
    return Table(CONTACT_COLUMNS, [[
        sid, c.caller_type or "", c.category, c.sub_category or "", ";".join(c.vulnerable_groups or []),
        c.region or "", c.outcome or "", when(c.created_at)] for sid, c in db_session.execute(query)])


def referrals_table(*, db_session: Session, call_ids: Select) -> Table:
    """The referrals of the calls, without any phone number."""
    query = (select(Call.call_sid, Referral, Partner.name).join(Call, Call.id == Referral.call_id)
             .outerjoin(Partner, Partner.id == Referral.partner_id)
             .where(Referral.call_id.in_(call_ids)).order_by(Referral.created_at, Referral.id))
    return Table(REFERRAL_COLUMNS, [[
        r.code, sid, r.partner_type, name or "", r.region or "", r.urgency or "", r.category or "", r.status,
        r.source, when(r.created_at), when(r.sent_at), when(r.answered_at),
        seconds((r.answered_at - r.sent_at).total_seconds() if r.answered_at and r.sent_at else None)]
        for sid, r, name in db_session.execute(query)])


def anonymised_table(*, db_session: Session, found: list[CallRow]) -> Table:
    """One row per call with no call id, counselor, number, free text or time finer than the hour."""
    counts = _referral_counts(db_session, [row.id for row in found])
    return Table(ANONYMISED_COLUMNS, [[
        number, hour_of(row.created_at), row.line, row.language or "", row.region or "", row.urgency or "",
        row.category or "", row.status, row.outcome or "", ";".join(row.vulnerable_groups),
        "yes" if row.answered else "no", seconds(row.answer_s), seconds(row.handle_s), counts.get(row.id, 0)]
        for number, row in enumerate(found, start=1)])


def _referral_counts(db_session: Session, ids: list[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        for call_id in db_session.scalars(select(Referral.call_id).where(Referral.call_id.in_(ids[start:start + 500]))):
            counts[call_id] = counts.get(call_id, 0) + 1
    return counts


def summary_table(summary: dict) -> Table:
    """The page's KPIs as rows of (figure, key, value), for the Summary sheet of the Excel export."""
    table = Table(["figure", "key", "value"])
    for name in ("calls", "answered", "abandoned", "abandonment_rate", "service_level_15s", "service_level_20s",
                 "average_speed_of_answer_s", "average_handle_s"):
        table.rows.append([name, "", _cell(summary[name])])
    for split in ("by_line", "by_urgency", "by_category", "by_region", "by_language", "by_hour"):
        table.rows.extend([split, key, value] for key, value in summary[split].items())
    for group in ("overrides", "callbacks", "repeat_callers", "referrals", "follow_ups"):
        table.rows.extend([group, key, _cell(value)] for key, value in summary[group].items()
                          if not isinstance(value, dict))
    return table


def _cell(value):
    return "" if value is None else value
