"""The monthly report as a PDF (fpdf2, pure Python, built-in fonts: the report's ids and figures are ASCII)."""

from fpdf import FPDF

from hotline.reports.tables import Table

TITLE = "Hotline 123 / 1480 - monthly report"


def _text(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        value = f"{value:.4g}"
    return str(value).encode("latin-1", "replace").decode("latin-1")


class _Report(FPDF):
    def header(self) -> None:
        self.set_font("helvetica", "B", 9)
        self.cell(0, 6, TITLE, new_x="LMARGIN", new_y="NEXT")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("helvetica", "", 8)
        self.cell(0, 6, f"page {self.page_no()}", align="C")


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_font("helvetica", "B", 12)
    pdf.cell(0, 8, _text(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 9)


def _table(pdf: FPDF, table: Table) -> None:
    width = (pdf.w - pdf.l_margin - pdf.r_margin) / max(1, len(table.columns))
    pdf.set_font("helvetica", "B", 8)
    for column in table.columns:
        pdf.cell(width, 6, _text(column), border=1)
    pdf.ln()
    pdf.set_font("helvetica", "", 8)
    for row in table.rows:
        for value in row:
            pdf.cell(width, 6, _text(value), border=1)
        pdf.ln()


def monthly_pdf(sections: list[tuple[str, Table]], *, subtitle: str) -> bytes:
    """A PDF with a title line and one table per section."""
    pdf = _Report(orientation="portrait", format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    pdf.cell(0, 10, _text(subtitle), new_x="LMARGIN", new_y="NEXT")
    for title, table in sections:
        _heading(pdf, title)
        _table(pdf, table)
    return bytes(pdf.output())
