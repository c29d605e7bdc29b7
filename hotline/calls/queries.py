"""Reading calls for the API: one call with its steps, and filtered pages of calls, newest first."""

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from hotline.calls.models import Call
from hotline.calls.schemas import CallFilters

EQUALITY_FILTERS = ("line", "urgency", "category", "status", "language", "region")


def get_call(*, db_session: Session, call_sid: str) -> Call | None:
    """The call with its events loaded in order."""
    return db_session.scalar(select(Call).where(Call.call_sid == call_sid).options(selectinload(Call.events)))


def list_calls(*, db_session: Session, filters: CallFilters) -> tuple[list[Call], int]:
    """One page of the calls matching the filters, newest first, and how many match in all."""
    query = _filtered(select(Call), filters)
    total = db_session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    page = query.order_by(Call.created_at.desc(), Call.id.desc()).limit(filters.limit).offset(filters.offset)
    return list(db_session.scalars(page)), total


def _filtered(query: Select, filters: CallFilters) -> Select:
    """The real calls matching the filters: training calls never appear in the call log or the reports."""
    query = query.where(Call.training.is_(False))
    for name in EQUALITY_FILTERS:
        value = getattr(filters, name)
        if value is not None:
            query = query.where(getattr(Call, name) == value)
    if filters.from_ is not None:
        query = query.where(Call.created_at >= filters.from_)
    if filters.to is not None:
        query = query.where(Call.created_at < filters.to)
    return query
