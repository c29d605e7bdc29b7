"""Case files: the contacts and referrals of the same person in one file, statuses along the allowed
transitions only, follow-ups with due dates, and who may see or change what."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.auth.helpers import login
from tests.cases.helpers import outcome, taken_call
from tests.referrals.helpers import load_sample_directory


@pytest.fixture
def directory(hotline_env):
    load_sample_directory()


def record(api, **kwargs) -> tuple[int, dict]:
    sid, headers = taken_call(api, **kwargs)
    body = api.post(f"/api/calls/{sid}/outcome", json=outcome(), headers=headers).json()
    return body["contact"]["case_id"], headers


def test_two_calls_of_the_same_person_share_one_case_file(api, directory):
    case_id, counselor = record(api, caller="+992931110001")
    again, _ = record(api, caller="+992931110001")
    other, _ = record(api, caller="+992931110002")
    withheld, _ = record(api, caller=None)
    assert again == case_id and other != case_id and withheld not in (case_id, other)
    _, supervisor = login(api, "supervisor")
    case = api.get(f"/api/cases/{case_id}", headers=supervisor).json()
    assert len(case["contacts"]) == 2 and len(case["referrals"]) == 2
    assert case["status"] == "referred", "a contact with referrals moves the case to referred"


def test_status_moves_only_along_the_allowed_transitions(api, directory):
    case_id, counselor = record(api)
    post = lambda status: api.post(f"/api/cases/{case_id}/status", json={"status": status, "note": "n"},
                                   headers=counselor)
    assert post("in_progress").json()["status"] == "in_progress"
    assert post("closed").json()["status"] == "closed"
    refused = post("referred")
    assert refused.status_code == 409 and "closed cannot become referred" in refused.json()["detail"]
    assert post("open").json()["status"] == "open", "a closed case may be reopened"
    assert post("nonsense").status_code == 422
    _, supervisor = login(api, "supervisor")
    events = api.get(f"/api/cases/{case_id}", headers=supervisor).json()["events"]
    assert [e["to_status"] for e in events if e["kind"] in ("status", "reopened")] == \
        ["referred", "in_progress", "closed", "open"]


def test_a_new_contact_reopens_a_closed_case(api, directory):
    case_id, counselor = record(api, caller="+992931110003")
    api.post(f"/api/cases/{case_id}/status", json={"status": "closed"}, headers=counselor)
    again, _ = record(api, caller="+992931110003")
    _, supervisor = login(api, "supervisor")
    assert again == case_id
    assert api.get(f"/api/cases/{case_id}", headers=supervisor).json()["status"] == "referred"


def test_follow_ups_with_due_dates(api, directory):
    sid, counselor = taken_call(api)
    due = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    body = api.post(f"/api/calls/{sid}/outcome", json=outcome(follow_up={"due_at": due, "note": "call her back"}),
                    headers=counselor).json()
    case_id = body["contact"]["case_id"]
    assert body["follow_up"]["status"] == "open"
    later = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    added = api.post(f"/api/cases/{case_id}/follow-ups", json={"due_at": later, "note": "check the shelter"},
                     headers=counselor)
    assert added.status_code == 201
    listed = api.get("/api/follow-ups", headers=counselor).json()
    assert [f["note"] for f in listed] == ["check the shelter", "call her back"], "by due date"
    soon = api.get("/api/follow-ups", params={"due_before": (datetime.now(UTC) + timedelta(hours=30)).isoformat()},
                   headers=counselor).json()
    assert [f["note"] for f in soon] == ["check the shelter"]
    done = api.post(f"/api/follow-ups/{added.json()['id']}/done", json={"result": "she arrived"}, headers=counselor)
    assert done.json()["status"] == "done"
    assert api.post(f"/api/follow-ups/{added.json()['id']}/done", json={}, headers=counselor).status_code == 409


def test_who_may_see_and_change_a_case(api, directory):
    case_id, counselor = record(api)
    _, other = login(api, "counselor")
    _, manager = login(api, "manager")
    assert api.get(f"/api/cases/{case_id}", headers=counselor).status_code == 200
    assert api.get(f"/api/cases/{case_id}", headers=other).status_code == 403
    assert api.get(f"/api/cases/{case_id}", headers=manager).status_code == 200
    assert api.post(f"/api/cases/{case_id}/status", json={"status": "closed"}, headers=manager).status_code == 403
    assert api.get("/api/cases", headers=counselor).status_code == 403
    assert [c["id"] for c in api.get("/api/cases?status=referred", headers=manager).json()] == [case_id]
    assert api.get("/api/cases/999999", headers=manager).status_code == 404
    assert api.get(f"/api/cases/{case_id}").status_code == 401
