"""`/api/reports`: summary KPIs, the call log and call records, staffing, the monthly report and the exports."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, status
from fastapi.responses import Response

from hotline.auth.models import User
from hotline.db import DbSession
from hotline.reports import exports, monthly, periods, record, rows, service, staffing
from hotline.reports.schemas import (
    CallLogFilters,
    CallLogItem,
    CallLogPage,
    ReportFilters,
)
from hotline.web.pages import require_user_role

router = APIRouter(prefix="/api/reports", tags=["reports"])
ReportReader = Annotated[User, Depends(require_user_role("manager"))]
Filters = Annotated[ReportFilters, Query()]


@router.get("/summary")
def summary(db_session: DbSession, user: ReportReader, filters: Filters) -> dict:
    """KPIs of the calls created in [from, to); see `definitions` in the answer for each figure."""
    return service.summary(db_session=db_session, filters=filters)


@router.get("/calls")
def call_log(db_session: DbSession, user: ReportReader, filters: Annotated[CallLogFilters, Query()]) -> CallLogPage:
    found, total = rows.page(db_session=db_session, filters=filters, period=service.period_of(filters),
                             limit=filters.limit, offset=filters.offset)
    return CallLogPage(items=[CallLogItem.of(row) for row in found], total=total,
                       limit=filters.limit, offset=filters.offset)


@router.get("/calls/{call_sid}")
def call_record(call_sid: str, db_session: DbSession, user: ReportReader) -> dict:
    found = record.call_record(db_session=db_session, call_sid=call_sid)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no call {call_sid}")
    return found


@router.get("/staffing")
def staffing_plan(db_session: DbSession, user: ReportReader,
                  weeks: Annotated[int | None, Query(ge=1, le=26)] = None,
                  to: Annotated[datetime | None, Query(description="plan from the weeks before this (ISO 8601)")] = None,
                  ) -> dict:
    """Counselors needed per hour (Erlang C) from the volume by hour of the recent weeks and the handle time."""
    return staffing.plan(db_session=db_session, weeks=weeks, end=periods.utc(to))


def month_of(text: str | None) -> tuple[int, int]:
    """The asked month, or the last whole one; 422 naming `month` when it is not YYYY-MM."""
    if not text:
        today = periods.local(periods.utcnow()).date()
        return periods.previous_month(today.year, today.month)
    try:
        return periods.parse_month(text)
    except ValueError:
        raise HTTPException(422,
                            detail=[{"field": "month", "message": "must be YYYY-MM"}]) from None


@router.get("/monthly")
def monthly_report(db_session: DbSession, user: ReportReader, month: str | None = None) -> dict:
    year, number = month_of(month)
    return monthly.report(db_session=db_session, year=year, month=number)


@router.get("/monthly.pdf")
def monthly_pdf(db_session: DbSession, user: ReportReader, month: str | None = None) -> Response:
    year, number = month_of(month)
    content = exports.monthly_pdf(db_session=db_session, year=year, month=number)
    return exports.download(content, f"hotline-report-{year:04d}-{number:02d}.pdf", "application/pdf")


@router.get("/export/{dataset}.{fmt}")
def export(dataset: str, fmt: str, db_session: DbSession, user: ReportReader, filters: Filters) -> Response:
    """calls, contacts, referrals or anonymised, as csv or xlsx; never a phone number or a caller hash."""
    if dataset not in exports.DATASETS or fmt not in exports.FORMATS:
        raise HTTPException(status.HTTP_404_NOT_FOUND,
                            detail=f"exports are {', '.join(exports.DATASETS)} as {' or '.join(exports.FORMATS)}")
    content, media_type = exports.export(db_session=db_session, dataset=dataset, fmt=fmt, filters=filters)
    period = service.period_of(filters)
    name = f"hotline-{dataset}-{periods.local(period.start):%Y%m%d}-{periods.local(period.end):%Y%m%d}.{fmt}"
    return exports.download(content, name, media_type)
