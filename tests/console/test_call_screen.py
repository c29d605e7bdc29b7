"""The call screen: what it shows, to whom, audited; the contact form with referrals and follow-up; the override."""

from sqlalchemy import select

from hotline.audit.models import AuditEntry
from hotline.cases.models import ContactRecord, FollowUp
from hotline.db import transaction
from tests.console.helpers import post_form
from tests.queue.helpers import load_call
from tests.referrals.helpers import load_sample_directory, make_call, partner, referrals_of
from tests.web.helpers import page_login

FORM = {"category": "domestic_violence", "region": "khatlon", "notes": "husband threatened her",
        "caller_type": "self", "outcome": "referred", "vulnerable_groups": ["disability"]}


def _audit(action: str) -> list[AuditEntry]:
    with transaction() as db_session:
        return list(db_session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_the_counselor_who_took_the_call_sees_answers_triage_and_history_but_not_the_number(client):
    user = page_login(client, "counselor")
    make_call(counselor_id=None, status="completed", category="child_abuse")  # the same caller, earlier
    sid = make_call(counselor_id=user.id)
    page = client.get(f"/console/calls/{sid}")
    assert page.status_code == 200
    assert 'id="history"' in page.text and "child abuse" in page.text
    assert "+99293" not in page.text and 'id="phone">hidden' in page.text
    assert 'action="/console/calls/' + sid + '/outcome"' in page.text
    assert [e.target for e in _audit("call.read")] == [f"call:{sid}"]


def test_a_counselor_cannot_open_another_counselors_call(client):
    page_login(client, "counselor")
    sid = make_call(counselor_id=None)
    assert client.get(f"/console/calls/{sid}").status_code == 403


def test_an_unknown_call_is_404_and_a_bad_search_is_422(client):
    user = page_login(client, "counselor")
    assert client.get("/console/calls/CAnothing").status_code == 404
    sid = make_call(counselor_id=user.id)
    assert client.get(f"/console/calls/{sid}?type=wizard").status_code == 422


def test_a_supervisor_reads_every_call_screen_read_only_with_the_number_audited(client):
    page_login(client, "supervisor")
    sid = make_call(counselor_id=None)
    page = client.get(f"/console/calls/{sid}")
    assert page.status_code == 200 and 'id="read-only"' in page.text
    assert "/outcome" not in page.text and "+99293" in page.text
    assert _audit("call.phone.read")
    refused = post_form(client, f"/console/calls/{sid}", f"/console/calls/{sid}/outcome", FORM)
    assert refused.status_code == 403


def test_the_contact_form_records_the_contact_referral_and_follow_up(client):
    load_sample_directory()
    user = page_login(client, "counselor")
    sid = make_call(counselor_id=user.id, category="domestic_violence")
    form = {**FORM, "partner_type": ["shelter"], "follow_up_due": "2030-01-02T10:00", "follow_up_note": "check",
            "follow_up_kind": "callback"}
    response = post_form(client, f"/console/calls/{sid}", f"/console/calls/{sid}/outcome", form)
    assert response.status_code == 303, response.text
    assert [r.partner_type for r in referrals_of(sid)] == ["shelter"]
    with transaction() as db_session:
        contact = db_session.scalar(select(ContactRecord))
        follow_up = db_session.scalar(select(FollowUp))
    assert contact.notes == "husband threatened her" and contact.vulnerable_groups == ["disability"]
    assert follow_up.note == "Call back: check" and follow_up.assigned_to == user.id
    page = client.get(response.headers["location"])
    assert "The contact is recorded" in page.text and 'id="referrals"' in page.text
    assert f'href="/console/calls/{sid}"' in client.get("/console").text  # under my cases


def test_the_directory_search_finds_partners_to_tick_and_the_rules_suggest(client):
    load_sample_directory()
    user = page_login(client, "counselor")
    sid = make_call(counselor_id=user.id, category="domestic_violence", urgency="high")
    page = client.get(f"/console/calls/{sid}?q=bokhtar&type=police")
    assert "SAMPLE Police Duty Unit Bokhtar" in page.text and 'name="partner_id"' in page.text
    assert 'id="suggested"' in page.text and 'name="partner_type" value="' in page.text
    police = partner("sample-khatlon-police") or None
    chosen = police.id if police else int(page.text.split('name="partner_id" value="')[1].split('"')[0])
    response = post_form(client, f"/console/calls/{sid}", f"/console/calls/{sid}/outcome",
                         {**FORM, "partner_id": [str(chosen)]})
    assert response.status_code == 303 and [r.partner_id for r in referrals_of(sid)] == [chosen]


def test_a_contact_form_with_bad_fields_says_which(client):
    user = page_login(client, "counselor")
    sid = make_call(counselor_id=user.id)
    response = post_form(client, f"/console/calls/{sid}", f"/console/calls/{sid}/outcome",
                         {**FORM, "region": "mars", "follow_up_due": "tomorrow"})
    assert response.status_code == 422 and "follow_up_due" in response.text
    response = post_form(client, f"/console/calls/{sid}", f"/console/calls/{sid}/outcome", {**FORM, "region": "mars"})
    assert response.status_code == 422 and "region" in response.text
    response = post_form(client, f"/console/calls/{sid}", f"/console/calls/{sid}/outcome",
                         {**FORM, "partner_type": ["shelter"], "region": "gbao"})
    assert response.status_code in (303, 422)  # 422 names the referral when no shelter serves the region


def test_the_override_changes_urgency_with_the_reason_logged(client):
    user = page_login(client, "counselor")
    sid = make_call(counselor_id=user.id, urgency="medium")
    response = post_form(client, f"/console/calls/{sid}", f"/console/calls/{sid}/override",
                         {"urgency": "critical", "reason": "weapon mentioned"})
    assert response.status_code == 303
    call = load_call(sid)
    assert call.urgency == "critical" and "weapon mentioned" in call.reasons[-1]
    missing = post_form(client, f"/console/calls/{sid}", f"/console/calls/{sid}/override", {"urgency": "low"})
    assert missing.status_code == 422


def test_the_suggestion_follows_the_region_searched_when_the_call_has_none(client):
    load_sample_directory()
    user = page_login(client, "counselor")
    sid = make_call(counselor_id=user.id, region=None, category="domestic_violence", urgency="critical")
    assert "no partner in this region" in client.get(f"/console/calls/{sid}").text
    page = client.get(f"/console/calls/{sid}?region=khatlon")
    suggested = page.text.split('id="suggested"')[1].split("</fieldset>")[0]
    assert "SAMPLE" in suggested and "no partner in this region" not in suggested
