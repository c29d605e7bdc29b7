"""The calls a report covers, read once as plain rows (the KPIs are computed from these, not in SQL)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from hotline.auth.models import User
from hotline.calls import queries
from hotline.calls.models import Call
from hotline.cases.models import ContactRecord
from hotline.reports.periods import Period
from hotline.reports.schemas import ReportFilters


@dataclass(frozen=True)
class CallRow:
    """One call as reports see it. caller_hash is for counting repeat callers only and is never shown."""

    id: int
    call_sid: str
    line: str
    language: str | None
    region: str | None
    status: str
    urgency: str | None
    category: str | None
    created_at: datetime
    queued_at: datetime | None
    connected_at: datetime | None
    ended_at: datetime | None
    counselor_id: int | None
    counselor: str | None
    caller_hash: str | None
    outcome: str | None
    vulnerable_groups: tuple[str, ...]

    @property
    def answered(self) -> bool:
        return self.connected_at is not None

    @property
    def abandoned(self) -> bool:
        return self.status == "abandoned" and self.connected_at is None

    @property
    def answer_s(self) -> float | None:
        """Answer time: connected_at − queued_at (created_at when the call never queued)."""
        if self.connected_at is None:
            return None
        return max(0.0, (self.connected_at - (self.queued_at or self.created_at)).total_seconds())

    @property
    def handle_s(self) -> float | None:
        """Handle time: ended_at − connected_at."""
        if self.connected_at is None or self.ended_at is None:
            return None
        return max(0.0, (self.ended_at - self.connected_at).total_seconds())


def _columns() -> tuple:
    return (Call.id, Call.call_sid, Call.line, Call.language, Call.region, Call.status, Call.urgency,
            Call.category, Call.created_at, Call.queued_at, Call.connected_at, Call.ended_at, Call.counselor_id,
            User.username, Call.caller_hash, ContactRecord.outcome, ContactRecord.vulnerable_groups)


def matching(query: Select, *, filters: ReportFilters, period: Period) -> Select:
    """The query narrowed to the period and the filters (the call log's own filters, then counselor and outcome)."""
    query = queries._filtered(query, filters.model_copy(update={"from_": period.start, "to": period.end}))
    if filters.counselor_id is not None:
        query = query.where(Call.counselor_id == filters.counselor_id)
    if filters.outcome is not None:
        query = query.where(ContactRecord.outcome == filters.outcome)
    return query


def _joined(query: Select) -> Select:
    return (query.outerjoin(ContactRecord, ContactRecord.call_id == Call.id)
            .outerjoin(User, User.id == Call.counselor_id))


def call_ids(*, filters: ReportFilters, period: Period) -> Select:
    """A subquery of the ids of the calls a report covers, for the figures kept in other tables."""
    return matching(_joined(select(Call.id)), filters=filters, period=period)


def load(*, db_session: Session, filters: ReportFilters, period: Period) -> list[CallRow]:
    """Every call of the period matching the filters, oldest first."""
    query = matching(_joined(select(*_columns())), filters=filters, period=period)
    result = db_session.execute(query.order_by(Call.created_at, Call.id))
    return [CallRow(*values[:-1], vulnerable_groups=tuple(values[-1] or ())) for values in result]


def page(*, db_session: Session, filters: ReportFilters, period: Period, limit: int,
         offset: int) -> tuple[list[CallRow], int]:
    """One page of the call log, newest first, and how many calls match in all."""
    from sqlalchemy import func

    query = matching(_joined(select(*_columns())), filters=filters, period=period)
    total = db_session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    found = db_session.execute(query.order_by(Call.created_at.desc(), Call.id.desc()).limit(limit).offset(offset))
    return [CallRow(*values[:-1], vulnerable_groups=tuple(values[-1] or ())) for values in found], total
