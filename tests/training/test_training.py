"""Training mode: scripted calls for one trainee, through the same screens, debriefed, never among real calls."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from hotline.calls.models import Call
from hotline.db import transaction
from hotline.queue import service as waiting
from hotline.reports import service as reports
from hotline.reports.schemas import ReportFilters
from hotline.referrals.models import Referral
from hotline.training import scenarios
from tests.console.helpers import events, post_form
from tests.queue.helpers import queued_call
from tests.web.helpers import page_login

FORM = {"category": "child_abuse", "region": "khatlon", "notes": "asked if the child is safe tonight",
        "outcome": "referred", "partner_type": ["child_rights", "mobile_team"]}


def _start(client, scenario: str = "tg-child-beaten") -> Call:
    response = post_form(client, "/training", "/training/start", {"scenario": scenario})
    assert response.status_code == 303 and response.headers["location"] == "/console"
    with transaction() as db_session:
        return db_session.scalars(select(Call).where(Call.training.is_(True)).order_by(Call.id.desc())).first()


def test_the_shipped_scenarios_cover_the_five_languages_and_both_lines():
    found = scenarios.load().values()
    assert {s.language for s in found} == {"tg", "ru", "uz", "fa", "en"}
    assert {s.line for s in found} == {"123", "1480"}


def test_a_bad_scenarios_file_is_refused_naming_the_scenario_and_field(tmp_path: Path):
    path = tmp_path / "scenarios.yaml"
    path.write_text("scenarios:\n  - id: x\n    line: '123'\n    language: xx\n    region: sughd\n")
    with pytest.raises(scenarios.ScenarioError, match="scenario x: language 'xx'"):
        scenarios.load(path)


def test_a_training_call_arrives_on_the_trainees_console_only_and_never_in_the_real_queue(client):
    page_login(client, "counselor")
    real = queued_call(urgency="low")
    call = _start(client)
    assert call.training and call.status == "queued" and call.urgency and call.reasons
    [(_, snapshot)] = events(client, "/console/events")
    assert [c["call_sid"] for c in snapshot["calls"]] == [real]
    assert [c["call_sid"] for c in snapshot["training"]] == [call.call_sid]
    assert call.call_sid not in [e.call_sid for e in waiting.waiting_calls()]
    with transaction() as db_session:
        assert [i.call_sid for i in waiting.waiting_items(db_session=db_session)] == [real]


def test_the_queue_rebuilt_from_the_database_leaves_training_calls_out(client):
    page_login(client, "counselor")
    call = _start(client)
    waiting.rebuild()
    assert call.call_sid not in [e.call_sid for e in waiting.waiting_calls()]


def test_another_counselor_does_not_see_my_training_call(client):
    page_login(client, "counselor")
    _start(client)
    client.cookies.clear()
    page_login(client, "counselor")
    [(_, snapshot)] = events(client, "/console/events")
    assert snapshot["training"] == []


def test_take_record_and_debrief_without_any_referral_sent(client):
    page_login(client, "counselor")
    sid = _start(client).call_sid
    taken = post_form(client, "/console", f"/training/calls/{sid}/take")
    assert taken.headers["location"] == f"/console/calls/{sid}"
    screen = client.get(f"/console/calls/{sid}")
    assert "TRAINING CALL" in screen.text and "Падари бача" in screen.text
    done = post_form(client, f"/console/calls/{sid}", f"/console/calls/{sid}/outcome", FORM)
    assert done.headers["location"] == f"/training/calls/{sid}"
    debrief = client.get(done.headers["location"])
    assert debrief.status_code == 200 and "Experienced counselor" in debrief.text
    assert "child rights" in debrief.text and 'class="match"' in debrief.text
    with transaction() as db_session:
        assert db_session.scalars(select(Referral)).all() == []
    again = post_form(client, f"/console/calls/{sid}", f"/console/calls/{sid}/outcome", FORM)
    assert again.status_code == 403


def test_an_unknown_scenario_is_422_and_a_taken_call_cannot_be_taken_twice(client):
    page_login(client, "counselor")
    assert post_form(client, "/training", "/training/start", {"scenario": "nope"}).status_code == 422
    sid = _start(client).call_sid
    post_form(client, "/console", f"/training/calls/{sid}/take")
    assert post_form(client, "/console", f"/training/calls/{sid}/take").status_code == 409


def test_training_calls_are_left_out_of_the_reports_and_the_call_log(client):
    page_login(client, "counselor")
    sid = _start(client).call_sid
    post_form(client, "/console", f"/training/calls/{sid}/take")
    post_form(client, f"/console/calls/{sid}", f"/console/calls/{sid}/outcome", FORM)
    now = datetime.now(UTC)
    with transaction() as db_session:
        summary = reports.summary(db_session=db_session, filters=ReportFilters(
            from_=now - timedelta(days=1), to=now + timedelta(days=1)))
    assert summary["calls"] == 0 and summary["answered"] == 0
    client.cookies.clear()
    page_login(client, "supervisor")
    from tests.auth.helpers import login
    _, headers = login(client, "manager")
    assert client.get("/api/calls", headers=headers).json()["total"] == 0
    assert client.get(f"/api/reports/calls/{sid}", headers=headers).status_code == 404


def test_a_trainer_sees_every_trainees_calls_and_debriefs_a_trainee_sees_only_theirs(client):
    trainee = page_login(client, "counselor")
    sid = _start(client).call_sid
    client.cookies.clear()
    other = page_login(client, "counselor")
    assert trainee.username not in client.get("/training").text
    assert client.get(f"/training/calls/{sid}").status_code == 403
    client.cookies.clear()
    page_login(client, "supervisor")
    assert trainee.username in client.get("/training").text and other.username not in client.get("/training").text
    assert client.get("/training/calls/CAnothing").status_code == 404


def test_hotline_training_check_lists_triage_beside_the_expert_and_refuses_a_broken_file(tmp_path, capsys):
    from hotline.cli import main

    assert main(["training", "check"]) == 0
    out = capsys.readouterr().out
    assert "tg-child-beaten" in out and "expert high/child_abuse" in out and "scenarios OK" in out
    broken = tmp_path / "scenarios.yaml"
    broken.write_text("scenarios: [\n")
    assert main(["training", "check", str(broken)]) == 1
    assert "not valid YAML" in capsys.readouterr().err


def test_overriding_a_waiting_training_call_to_critical_alerts_nobody(client):
    from hotline.queue import alerts
    from hotline.redis_conn import get_redis

    page_login(client, "counselor")
    call = _start(client, "ru-stress-exams")
    response = post_form(client, f"/console/calls/{call.call_sid}", f"/console/calls/{call.call_sid}/override",
                         {"urgency": "critical", "reason": "practice"})
    assert response.status_code == 303
    assert alerts.recent(get_redis()) == [] and not waiting.on_critical(call.call_sid)
    assert call.call_sid not in [e.call_sid for e in waiting.waiting_calls()]


def test_the_outcome_api_refuses_a_training_call_so_no_partner_is_ever_sent_one(client):
    from tests.auth.helpers import token_for

    trainee = page_login(client, "counselor")
    sid = _start(client).call_sid
    post_form(client, "/console", f"/training/calls/{sid}/take")
    body = {"category": "child_abuse", "region": "khatlon", "notes": "", "referrals": [{"partner_type": "police"}]}
    response = client.post(f"/api/calls/{sid}/outcome", json=body,
                           headers={"Authorization": f"Bearer {token_for(client, trainee)}"})
    assert response.status_code == 422 and "training call" in response.text
    with transaction() as db_session:
        assert db_session.scalars(select(Referral)).all() == []
