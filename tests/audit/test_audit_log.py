"""The audit log: written for call reads, user changes and partner changes; its chain shows edits and removals."""

from sqlalchemy import select, text

from hotline.audit import service as audit
from hotline.audit.models import AuditEntry
from hotline.cli import main
from hotline.db import get_engine, transaction
from tests.audit.helpers import make_call
from tests.auth.helpers import login, make_user


def entries(action: str | None = None) -> list[AuditEntry]:
    with transaction() as db_session:
        query = select(AuditEntry).order_by(AuditEntry.seq)
        return list(db_session.scalars(query.where(AuditEntry.action == action) if action else query))


def test_reading_a_call_record_is_audited_with_the_reader(api):
    user, headers = login(api, "supervisor")
    call = make_call()
    assert api.get(f"/api/calls/{call.call_sid}", headers=headers).status_code == 200
    [read] = entries("call.read")
    assert (read.actor, read.actor_id, read.target) == (user.username, user.id, f"call:{call.call_sid}")


def test_a_refused_read_is_audited_too(api):
    user, headers = login(api, "counselor")
    call = make_call()
    assert api.get(f"/api/calls/{call.call_sid}", headers=headers).status_code == 403
    [refused] = entries("call.read.refused")
    assert refused.actor == user.username and not entries("call.read")


def test_the_call_log_and_report_reads_are_audited(api):
    _, headers = login(api, "manager")
    call = make_call()
    assert api.get("/api/calls?line=123", headers=headers).status_code == 200
    assert api.get(f"/api/reports/calls/{call.call_sid}", headers=headers).status_code == 200
    assert [e.action for e in entries()][-2:] == ["call.list", "call.read"]


def test_user_creation_and_role_change_are_audited_without_the_password(hotline_env):
    user = make_user("counselor")
    with transaction() as db_session:
        db_session.get(type(user), user.id).role = "supervisor"
    created, changed = entries("user.create")[-1], entries("user.update")[-1]
    assert created.target == f"user:{user.username}" and created.detail["role"] == "counselor"
    assert changed.detail == {"role": {"from": "counselor", "to": "supervisor"}}
    assert "argon2" not in str([e.detail for e in entries()])


def test_the_chain_verifies_and_names_an_edited_entry(hotline_env, capsys):
    for n in range(4):
        with transaction() as db_session:
            audit.record(db_session=db_session, action="test.step", target=f"t:{n}", detail={"n": n})
    assert main(["audit", "verify"]) == 0
    assert "intact: 4 entries" in capsys.readouterr().out
    with get_engine(hotline_env.database_url).begin() as connection:
        connection.execute(text("UPDATE audit_log SET target = 't:edited' WHERE seq = 3"))
    with transaction() as db_session:
        verdict = audit.verify(db_session=db_session)
    assert (verdict.broken_seq, verdict.entries) == (3, 2) and "edited" in verdict.reason
    assert main(["audit", "verify"]) == 1
    assert "broken at entry 3" in capsys.readouterr().err


def test_a_removed_entry_is_detected(hotline_env, capsys):
    for n in range(4):
        with transaction() as db_session:
            audit.record(db_session=db_session, action="test.step", detail={"n": n})
    with get_engine(hotline_env.database_url).begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq = 2"))
    assert main(["audit", "verify"]) == 1
    assert "broken at entry 3" in capsys.readouterr().err


def test_a_removed_and_relinked_entry_is_still_detected(hotline_env):
    """Renumbering and relinking after a removal needs every later hash recomputed: the content check fails."""
    for n in range(3):
        with transaction() as db_session:
            audit.record(db_session=db_session, action="test.step", detail={"n": n})
    rows = entries()
    with get_engine(hotline_env.database_url).begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq = 2"))
        connection.execute(text("UPDATE audit_log SET seq = 2, prev_hash = :h WHERE seq = 3"), {"h": rows[0].hash})
    with transaction() as db_session:
        assert audit.verify(db_session=db_session).broken_seq == 2


def test_managers_read_the_log_and_others_may_not(api):
    _, manager = login(api, "manager")
    _, supervisor = login(api, "supervisor")
    response = api.get("/api/audit?action=user.create", headers=manager)
    assert response.status_code == 200 and len(response.json()["items"]) == 2
    assert api.get("/api/audit", headers=supervisor).status_code == 403
    assert api.get("/api/audit/verify", headers=manager).json()["chain_intact"] is True
