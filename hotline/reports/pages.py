"""`/reports` and `/reports/monthly`: the manager's pages (session login), drawn on the server with inline SVG."""

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from hotline.calls.schemas import (
    CategoryId,
    LanguageId,
    LineId,
    RegionId,
    StatusId,
    UrgencyId,
)
from hotline.db import DbSession
from hotline.reports import charts, monthly, periods, rows, service, staffing
from hotline.reports.schemas import OutcomeId, ReportFilters
from hotline.reports.views import month_of
from hotline.web.pages import PageUser, require_page_role, templates

router = APIRouter(tags=["pages"], include_in_schema=False)
ManagerPage = Annotated[PageUser, Depends(require_page_role("manager"))]
DEFAULT_DAYS = 7
LOG_ROWS = 50


class PageFilters(BaseModel):
    """The page's form: local dates (both included) and the same filters as the API."""

    model_config = ConfigDict(populate_by_name=True)

    from_: date | None = Field(None, alias="from")
    to: date | None = None
    line: LineId | None = None
    language: LanguageId | None = None
    region: RegionId | None = None
    urgency: UrgencyId | None = None
    category: CategoryId | None = None
    status: StatusId | None = None
    outcome: OutcomeId | None = None

    @field_validator("line", "language", "region", "urgency", "category", "status", "outcome", mode="before")
    @classmethod
    def _blank_is_none(cls, value):
        return value or None

    @field_validator("to")
    @classmethod
    def _to_after_from(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("from_")
        if value is not None and start is not None and value < start:
            raise ValueError("'to' must not be before 'from'")
        return value

    def days(self) -> tuple[date, date]:
        last = self.to or periods.local(periods.last_days(1).start).date()
        return self.from_ or last - timedelta(days=DEFAULT_DAYS - 1), last

    def report_filters(self) -> ReportFilters:
        period = periods.between_days(*self.days())
        fields = self.model_dump(exclude={"from_", "to"}, exclude_none=True)
        return ReportFilters(from_=period.start, to=period.end, **fields)


def _charts(summary: dict) -> dict:
    points = [(day["date"], day["service_level_15s"]) for day in summary["by_day"]]
    return {"heat_map": charts.heat_map(summary["by_weekday_hour"]),
            "service_level": charts.line_chart(points, target=0.9),
            "categories_by_region": charts.matrix(summary["categories_by_region"]),
            "urgency_mix": charts.stacked_bar(summary["by_urgency"])}


@router.get("/reports", response_class=HTMLResponse)
def reports_page(request: Request, db_session: DbSession, page_user: ManagerPage,
                 form: Annotated[PageFilters, Query()]) -> HTMLResponse:
    filters = form.report_filters()
    summary = service.summary(db_session=db_session, filters=filters)
    log, total = rows.page(db_session=db_session, filters=filters, period=service.period_of(filters),
                           limit=LOG_ROWS, offset=0)
    first, last = form.days()
    return templates.TemplateResponse(request, "reports/index.html", {
        "user": page_user.user, "csrf_token": page_user.csrf_token, "summary": summary, "charts": _charts(summary),
        "form": form, "first": first, "last": last, "query": filters.query_string(), "log": log, "total": total,
        "staffing": staffing.plan(db_session=db_session), "choices": _choices(), "tz": periods.zone()})


def _choices() -> dict:
    from hotline.calls.models import CALL_STATUSES, LANGUAGES, LINES, REGIONS
    from hotline.cases.models import OUTCOMES
    from hotline.triage.scale import CATEGORIES, URGENCIES

    return {"line": LINES, "language": LANGUAGES, "region": REGIONS, "urgency": URGENCIES,
            "category": CATEGORIES, "status": CALL_STATUSES, "outcome": OUTCOMES}


@router.get("/reports/monthly", response_class=HTMLResponse)
def monthly_page(request: Request, db_session: DbSession, page_user: ManagerPage,
                 month: str | None = None) -> HTMLResponse:
    year, number = month_of(month)
    figures = monthly.report(db_session=db_session, year=year, month=number)
    points = [(m["month"], m["service_level_15s"]) for m in figures["trend"]]
    return templates.TemplateResponse(request, "reports/monthly.html", {
        "user": page_user.user, "csrf_token": page_user.csrf_token, "figures": figures,
        "sections": monthly.sections(figures), "trend_chart": charts.line_chart(points, target=0.9)})
