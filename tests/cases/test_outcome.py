"""`POST /api/calls/{call_sid}/outcome`: the counselor's record of a call, with referrals to partners of the
call's region; bad bodies are refused with the field named; only the counselor who took the call."""

import pytest

from tests.auth.helpers import login
from tests.cases.helpers import outcome, taken_call
from tests.queue.helpers import run_worker
from tests.referrals.helpers import load_sample_directory, partner, sms_requests


@pytest.fixture
def directory(hotline_env):
    load_sample_directory()


def test_the_outcome_records_the_contact_and_refers_to_the_regions_partner(api, directory):
    sid, headers = taken_call(api)
    response = api.post(f"/api/calls/{sid}/outcome", json=outcome(), headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["call_sid"] == sid and body["region"] == "khatlon"
    assert body["contact"]["caller_type"] == "self" and body["contact"]["vulnerable_groups"] == ["disability"]
    [referral] = body["referrals"]
    shelter = partner("sample-khatlon-shelter")
    assert referral["partner"]["id"] == shelter.id and referral["status"] == "pending"
    assert len(referral["code"]) == 6


def test_the_referral_is_sent_after_the_commit_and_never_with_the_notes(api, directory, fake_twilio):
    sid, headers = taken_call(api)
    code = api.post(f"/api/calls/{sid}/outcome", json=outcome(), headers=headers).json()["referrals"][0]["code"]
    run_worker()
    [sms] = sms_requests(fake_twilio)
    assert code in sms["Body"] and "husband" not in sms["Body"] and "+992931112233" not in sms["Body"]


def test_a_referral_by_partner_id_and_no_duplicates_on_a_second_post(api, directory):
    sid, headers = taken_call(api)
    legal = partner("sample-dushanbe-legal-aid")
    body = outcome(referrals=[{"partner_id": legal.id}, {"partner_type": "shelter"}])
    first = api.post(f"/api/calls/{sid}/outcome", json=body, headers=headers).json()
    again = api.post(f"/api/calls/{sid}/outcome", json={**body, "notes": "corrected"}, headers=headers).json()
    assert [r["code"] for r in first["referrals"]] == [r["code"] for r in again["referrals"]]
    assert again["contact"]["notes"] == "corrected" and again["contact"]["id"] == first["contact"]["id"]


def test_an_earlier_critical_alert_is_kept_not_sent_twice(api, directory):
    from hotline.referrals import escalation

    sid, headers = taken_call(api, urgency="critical", category="child_abuse")
    escalation.alert_emergency(call_sid=sid)
    body = outcome(category="child_abuse", referrals=[{"partner_type": "mobile_team"}, {"partner_type": "child_rights"}])
    referrals = api.post(f"/api/calls/{sid}/outcome", json=body, headers=headers).json()["referrals"]
    assert [r["source"] for r in referrals] == ["alert", "counselor"]


@pytest.mark.parametrize(("body", "field"), [
    (outcome(category=...), "category"),
    (outcome(category="gossip"), "category"),
    (outcome(region="mars"), "region"),
    (outcome(notes=...), "notes"),
    (outcome(referrals=...), "referrals"),
    (outcome(referrals=[{"partner_type": "plumber"}]), "referrals.0.partner_type"),
    (outcome(referrals=[{}]), "referrals.0"),
    (outcome(referrals=[{"partner_type": "shelter", "partner_id": 3}]), "referrals.0"),
    (outcome(referrals=[{"partner_id": "x"}]), "referrals.0.partner_id"),
    (outcome(caller_type="alien"), "caller_type"),
    (outcome(vulnerable_groups=["tall"]), "vulnerable_groups.0"),
    (outcome(follow_up={"due_at": "tomorrow"}), "follow_up.due_at"),
    (outcome(colour="red"), "colour"),
])
def test_bad_bodies_get_422_with_the_field_named(api, directory, body, field):
    sid, headers = taken_call(api)
    response = api.post(f"/api/calls/{sid}/outcome", json=body, headers=headers)
    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["detail"]], response.json()


def test_a_type_no_partner_serves_is_named(api, hotline_env):
    sid, headers = taken_call(api)
    response = api.post(f"/api/calls/{sid}/outcome", json=outcome(), headers=headers)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "referrals.0.partner_type" and "shelter" in error["message"]
    assert api.get(f"/api/referrals?call_sid={sid}", headers=login(api, "manager")[1]).json() == []


def test_only_the_counselor_who_took_the_call(api, directory):
    sid, _ = taken_call(api)
    _, other = login(api, "counselor")
    _, manager = login(api, "manager")
    assert api.post(f"/api/calls/{sid}/outcome", json=outcome()).status_code == 401
    assert api.post(f"/api/calls/{sid}/outcome", json=outcome(), headers=other).status_code == 403
    assert api.post(f"/api/calls/{sid}/outcome", json=outcome(), headers=manager).status_code == 403
    assert api.post("/api/calls/CAnope/outcome", json=outcome(), headers=other).status_code == 404


def test_referrals_are_listed_for_supervisors_and_managers_only(api, directory):
    sid, headers = taken_call(api)
    api.post(f"/api/calls/{sid}/outcome", json=outcome(), headers=headers)
    assert api.get(f"/api/referrals?call_sid={sid}", headers=headers).status_code == 403
    for role in ("supervisor", "manager"):
        [referral] = api.get(f"/api/referrals?call_sid={sid}", headers=login(api, role)[1]).json()
        assert {"id", "code", "status", "partner"} <= set(referral)
        assert referral["partner"]["type"] == "shelter" and referral["partner"]["region"] == "khatlon"


def test_the_rules_suggest_partners_for_the_form(api, directory):
    sid, headers = taken_call(api, category="domestic_violence")
    suggested = api.get(f"/api/calls/{sid}/referral-suggestions", headers=headers).json()
    assert [s["partner_type"] for s in suggested] == ["shelter", "mobile_team", "legal_aid", "psychologist"]
    assert suggested[0]["partner"]["region"] == "khatlon" and suggested[0]["rule"] == "domestic-violence"
    _, other = login(api, "counselor")
    assert api.get(f"/api/calls/{sid}/referral-suggestions", headers=other).status_code == 403
