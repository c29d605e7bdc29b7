"""The `/reports` and `/reports/monthly` pages: what a signed-in manager sees, and the exports it links to."""

import csv
import io
import re

import pytest

from tests.reports.helpers import PHONES
from tests.web.helpers import page_login

DAY_QUERY = {"from": "2025-03-03", "to": "2025-03-03"}


def kpi(html: str, name: str) -> str:
    found = re.search(rf'id="{name}"><div class="value">([^<]+)</div>', html)
    assert found, f"no KPI {name}"
    return found.group(1)


def test_the_page_shows_the_days_figures_and_charts(client, day):
    page_login(client, "manager")
    response = client.get("/reports", params=DAY_QUERY)
    assert response.status_code == 200, response.text
    html = response.text
    assert kpi(html, "service_level_15s") == "57.1 %" and kpi(html, "service_level_20s") == "71.4 %"
    assert '<div class="value">10</div><div class="label">Calls</div>' in html
    assert html.count("<svg") >= 4 and "calls by weekday and hour" in html and "urgency mix" in html
    assert "Mon 08h: 2 calls" in html  # the heat map cell of 08:05 and 08:20
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for number in PHONES.values():
        assert number not in html


def test_the_export_links_hold_what_the_page_shows(client, day):
    page_login(client, "manager")
    html = client.get("/reports", params={**DAY_QUERY, "line": "1480"}).text
    link = re.search(r'href="(/api/reports/export/calls\.csv\?[^"]+)"', html).group(1).replace("&amp;", "&")
    response = client.get(link)  # with the page's session cookie, no bearer token
    assert response.status_code == 200, response.text
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert '<div class="value">3</div><div class="label">Calls</div>' in html
    assert sorted(row["call_sid"] for row in rows) == ["CAday03", "CAday04", "CAday07"]


def test_filters_with_bad_values_are_refused(client):
    page_login(client, "manager")
    assert client.get("/reports", params={"from": "3 March"}).status_code == 422
    assert client.get("/reports", params={"urgency": "urgent"}).status_code == 422


def test_the_monthly_report_page(client, day):
    page_login(client, "manager")
    response = client.get("/reports/monthly", params={"month": "2025-03"})
    assert response.status_code == 200, response.text
    assert "People reached by vulnerable group" in response.text and "disability" in response.text
    assert 'href="/api/reports/monthly.pdf?month=2025-03"' in response.text
    pdf = client.get("/api/reports/monthly.pdf", params={"month": "2025-03"})
    assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-"


@pytest.mark.parametrize("role", ["counselor", "supervisor"])
def test_other_roles_get_403_on_every_report_page(client, role):
    page_login(client, role)
    for path in ("/reports", "/reports/monthly", "/api/reports/summary", "/api/reports/export/calls.csv"):
        assert client.get(path, follow_redirects=False).status_code == 403, path


def test_without_a_session_the_pages_redirect_and_the_api_says_401(client):
    assert client.get("/reports/monthly", follow_redirects=False).status_code == 303
    assert client.get("/api/reports/export/calls.csv").status_code == 401
