"""Exports: calls, contacts, referrals and the anonymised data set as CSV or Excel; the monthly PDF."""

from fastapi.responses import Response
from sqlalchemy.orm import Session

from hotline.reports import monthly, pdf, rows, service, tables, writers
from hotline.reports.schemas import ReportFilters

DATASETS = ("calls", "contacts", "referrals", "anonymised")
FORMATS = ("csv", "xlsx")


def table_of(*, db_session: Session, dataset: str, filters: ReportFilters) -> tables.Table:
    """The rows of one data set for the calls matching the filters."""
    period = service.period_of(filters)
    if dataset == "contacts":
        return tables.contacts_table(db_session=db_session, call_ids=rows.call_ids(filters=filters, period=period))
    if dataset == "referrals":
        return tables.referrals_table(db_session=db_session, call_ids=rows.call_ids(filters=filters, period=period))
    found = rows.load(db_session=db_session, filters=filters, period=period)
    if dataset == "anonymised":
        return tables.anonymised_table(db_session=db_session, found=found)
    return tables.calls_table(found)


def export(*, db_session: Session, dataset: str, fmt: str, filters: ReportFilters) -> tuple[bytes, str]:
    """The file's bytes and media type; the calls workbook carries the summary as a second sheet."""
    table = table_of(db_session=db_session, dataset=dataset, filters=filters)
    if fmt == "csv":
        return writers.to_csv(table), writers.CSV_TYPE
    sheets = {dataset: table}
    if dataset == "calls":
        sheets["summary"] = tables.summary_table(service.summary(db_session=db_session, filters=filters))
    return writers.to_xlsx(sheets), writers.XLSX_TYPE


def monthly_pdf(*, db_session: Session, year: int, month: int) -> bytes:
    figures = monthly.report(db_session=db_session, year=year, month=month)
    return pdf.monthly_pdf(monthly.sections(figures), subtitle=f"Indicators for {figures['month']}")


def download(content: bytes, filename: str, media_type: str) -> Response:
    return Response(content, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"',
                             "Cache-Control": "no-store"})
