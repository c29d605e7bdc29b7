"""The managers' call log (`/api/reports/calls`) and a call's whole record, with no caller identifiers."""

import pytest

from tests.auth.helpers import login
from tests.reports.helpers import DAY_RANGE
from tests.reports.test_exports import secrets_of_the_day


def log(client, headers, **params):
    response = client.get("/api/reports/calls", params={**DAY_RANGE, **params}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_the_log_is_newest_first_and_paginated(client, day, manager):
    page = log(client, manager, limit=3)
    assert page["total"] == 10 and [item["call_sid"] for item in page["items"]] == ["CAday10", "CAday09", "CAday08"]
    assert [item["call_sid"] for item in log(client, manager, limit=3, offset=9)["items"]] == ["CAday01"]
    first = log(client, manager, limit=1, offset=9)["items"][0]
    assert first["answer_s"] == 5.0 and first["handle_s"] == 600.0 and first["counselor"] == day.counselors["A"].username
    assert "caller_hash" not in first


@pytest.mark.parametrize("params, expected", [
    ({"line": "1480"}, ["CAday07", "CAday04", "CAday03"]),
    ({"language": "ru"}, ["CAday03", "CAday02"]),
    ({"region": "sughd"}, ["CAday05", "CAday04"]),
    ({"urgency": "critical"}, ["CAday08", "CAday01"]),
    ({"category": "mental_health"}, ["CAday04", "CAday03"]),
    ({"status": "abandoned"}, ["CAday09", "CAday05"]),
    ({"outcome": "counseled"}, ["CAday04"]),
    ({"from": "2025-03-03T08:00:00Z", "to": "2025-03-03T09:00:00Z"}, ["CAday08", "CAday07"]),  # 13-14 h local
])
def test_every_filter(client, day, manager, params, expected):
    assert [item["call_sid"] for item in log(client, manager, **params)["items"]] == expected


def test_the_counselor_filter(client, day, manager):
    found = log(client, manager, counselor=day.counselors["B"].id)
    assert [item["call_sid"] for item in found["items"]] == ["CAday07", "CAday04", "CAday03"]


def test_unknown_filter_values_are_refused(client, manager):
    response = client.get("/api/reports/calls", params={"urgency": "urgent"}, headers=manager)
    assert response.status_code == 422 and response.json()["detail"][0]["field"] == "urgency"


def test_a_call_opens_to_its_whole_record_without_numbers(client, day, manager):
    response = client.get("/api/reports/calls/CAday04", headers=manager)
    assert response.status_code == 200, response.text
    found = response.json()
    assert found["contact"]["vulnerable_groups"] == ["disability"] and found["contact"]["outcome"] == "counseled"
    assert "[number removed]" in found["contact"]["notes"]
    eighth = client.get("/api/reports/calls/CAday08", headers=manager).json()
    assert [event["kind"] for event in eighth["overrides"]] == ["override"]
    assert [(r["code"], r["status"], r["partner_type"]) for r in eighth["referrals"]] == [
        ("R8", "sent", "psychologist")]
    first = client.get("/api/reports/calls/CAday01", headers=manager)
    for secret in secrets_of_the_day() + ["+992371111111"]:
        assert secret not in first.text
    assert client.get("/api/reports/calls/CAnothing", headers=manager).status_code == 404


def test_counselors_see_no_call_log(client, day):
    _, headers = login(client, "counselor")
    assert client.get("/api/reports/calls", headers=headers).status_code == 403
    assert client.get("/api/reports/calls/CAday01", headers=headers).status_code == 403


def test_staffing_plan_from_recent_weeks(client, day, manager):
    response = client.get("/api/reports/staffing", params={"to": "2025-03-04T00:00:00+05:00"}, headers=manager)
    assert response.status_code == 200, response.text
    plan = response.json()
    assert plan["target"] == {"service_level": 0.9, "answer_s": 15} and plan["weeks"] == 4
    assert plan["handle_s"] == pytest.approx((5220 + 200) / 8, abs=0.05)  # the day's answered calls and Y's earlier one
    assert plan["by_hour"][8] == {"hour": 8, "calls_per_hour": round(2 / 28, 2), "counselors_needed": 1}
    assert plan["by_hour"][3]["counselors_needed"] == 0
    assert plan["by_weekday_hour"][0][8] == 1 and sum(map(sum, plan["by_weekday_hour"])) == 7  # one per busy hour
    assert plan["counselor_accounts"] == 2


def test_opening_a_call_record_is_written_to_the_audit_log(client, day, manager):
    from sqlalchemy import select

    from hotline.audit.models import AuditEntry
    from hotline.db import transaction

    assert client.get("/api/reports/calls/CAday01", headers=manager).status_code == 200
    with transaction() as db_session:
        reads = db_session.execute(select(AuditEntry.action, AuditEntry.target, AuditEntry.actor)
                                   .where(AuditEntry.action == "call.read")).all()
    assert [(action, target) for action, target, _ in reads] == [("call.read", "call:CAday01")]
    assert reads[0].actor.startswith("manager")
