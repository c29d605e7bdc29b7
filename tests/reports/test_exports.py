"""Exports open with the csv module and openpyxl, hold what the summary shows, and never a number or hash."""

import csv
import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from hotline.calls.models import Call
from hotline.db import transaction
from tests.auth.helpers import login
from tests.reports.helpers import DAY_RANGE, PHONES


def secrets_of_the_day() -> list[str]:
    """Whatever could identify a caller: numbers (also as digits only), their hashes and ciphertexts."""
    with transaction() as db_session:
        found = db_session.execute(select(Call.caller_hash, Call.caller_encrypted)).all()
    values = [value for pair in found for value in pair if value]
    return values + list(PHONES.values()) + [number.lstrip("+") for number in PHONES.values()]


def download(client, headers, name: str, **params):
    response = client.get(f"/api/reports/export/{name}", params={**DAY_RANGE, **params}, headers=headers)
    assert response.status_code == 200, response.text
    assert "attachment" in response.headers["content-disposition"]
    return response


def read_csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_calls_csv_holds_the_calls_of_the_summary(client, day, manager):
    summary = client.get("/api/reports/summary", params=DAY_RANGE, headers=manager).json()
    rows = read_csv(download(client, manager, "calls.csv"))
    assert len(rows) == summary["calls"] == 10
    assert sorted(row["call_sid"] for row in rows) == sorted(day.sids)
    assert sum(1 for row in rows if row["connected_at"]) == summary["answered"]
    assert sum(1 for row in rows if row["status"] == "abandoned") == summary["abandoned"]
    answers = [float(row["answer_s"]) for row in rows if row["answer_s"]]
    assert sum(answers) / len(answers) == pytest.approx(summary["average_speed_of_answer_s"], abs=0.05)
    assert sum(1 for a in answers if a <= 15) / len(answers) == pytest.approx(summary["service_level_15s"], abs=1e-4)
    first = next(row for row in rows if row["call_sid"] == "CAday01")
    assert first["created_at"] == "2025-03-03T08:05:00+05:00" and first["answer_s"] == "5.0"


def test_calls_workbook_has_the_calls_and_the_summary(client, day, manager):
    response = download(client, manager, "calls.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["calls", "summary"]
    calls = list(workbook["calls"].iter_rows(values_only=True))
    assert calls[0][0] == "call_sid" and len(calls) == 11
    summary = {(figure, key): value for figure, key, value in workbook["summary"].iter_rows(min_row=2, values_only=True)}
    assert summary[("calls", None)] == 10 and summary[("answered", None)] == 7
    assert summary[("service_level_15s", None)] == pytest.approx(4 / 7, abs=1e-4)
    assert summary[("by_line", "1480")] == 3 and summary[("by_region", "dushanbe")] == 3


@pytest.mark.parametrize("name", ["calls.csv", "calls.xlsx", "contacts.csv", "contacts.xlsx", "referrals.csv",
                                  "referrals.xlsx", "anonymised.csv", "anonymised.xlsx"])
def test_no_export_carries_a_phone_number_or_a_caller_hash(client, day, manager, name):
    content = download(client, manager, name).content
    if name.endswith(".xlsx"):
        workbook = load_workbook(io.BytesIO(content))
        content = "\n".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row)
    else:
        content = content.decode("utf-8-sig")
    for secret in secrets_of_the_day():
        assert secret not in content
    assert "+992" not in content and "lives alone" not in content


def test_referrals_and_contacts_exports(client, day, manager):
    referrals = read_csv(download(client, manager, "referrals.csv"))
    assert [(r["code"], r["status"], r["time_to_acknowledge_s"]) for r in referrals] == [
        ("R1", "completed", "120.0"), ("R8", "sent", "")]
    contacts = read_csv(download(client, manager, "contacts.csv"))
    assert [(c["call_sid"], c["vulnerable_groups"], c["outcome"]) for c in contacts] == [
        ("CAday04", "disability", "counseled")]


def test_the_anonymised_data_set_keeps_only_the_hour(client, day, manager):
    rows = read_csv(download(client, manager, "anonymised.csv"))
    assert len(rows) == 10 and "call_sid" not in rows[0] and "counselor" not in rows[0]
    assert rows[0]["hour"] == "2025-03-03T08:00+05:00" and rows[0]["referrals"] == "1"
    assert all(row["hour"].endswith(":00+05:00") for row in rows)


def test_an_unknown_export_is_404(client, manager):
    assert client.get("/api/reports/export/phones.csv", headers=manager).status_code == 404
    assert client.get("/api/reports/export/calls.json", headers=manager).status_code == 404


def test_counselors_cannot_export(client, day):
    _, headers = login(client, "counselor")
    assert client.get("/api/reports/export/calls.csv", params=DAY_RANGE, headers=headers).status_code == 403


def test_the_monthly_report_in_json_html_and_pdf(client, day, manager):
    report = client.get("/api/reports/monthly", params={"month": "2025-03"}, headers=manager).json()
    assert report["calls"] == 10 and report["answered"] == 7
    assert report["people_reached"] == 6  # X, Y and the callers of calls 4, 6, 7 and 8
    assert report["by_vulnerable_group"] == {"disability": 1, "not_recorded": 5}
    assert report["by_region"]["dushanbe"] == 2  # X (two calls, one person) and the caller of call 7
    assert report["referrals"]["completed"] == 1
    assert [month["month"] for month in report["trend"]] == ["2024-10", "2024-11", "2024-12", "2025-01",
                                                              "2025-02", "2025-03"]
    assert [month["calls"] for month in report["trend"]] == [0, 0, 0, 0, 1, 10]  # Y's call of 28 February
    pdf = client.get("/api/reports/monthly.pdf", params={"month": "2025-03"}, headers=manager)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf"
    assert client.get("/api/reports/monthly", params={"month": "March"}, headers=manager).status_code == 422
