"""A caller's data on request: `hotline privacy export` (JSON) and `hotline privacy erase --yes`, both audited."""

import json

from sqlalchemy import select

from hotline.audit.models import AuditEntry
from hotline.calls.models import Call
from hotline.cli import main
from hotline.db import transaction
from tests.audit.helpers import make_call
from tests.auth.helpers import make_user

NUMBER = "+992931234567"


def _audit(action: str) -> list[AuditEntry]:
    with transaction() as db_session:
        return list(db_session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_export_prints_the_callers_calls_and_is_audited(hotline_env, capsys):
    manager = make_user("manager")
    mine, _ = make_call(caller=NUMBER), make_call(caller="+992900000001")
    assert main(["privacy", "export", "--phone", "+992 93 123 45 67", "--by", manager.username]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["call_sid"] for c in data["calls"]] == [mine.call_sid]
    assert "Zarina" in data["calls"][0]["transcript"] and "callbacks" not in data["related"]
    [entry] = _audit("privacy.export")
    assert entry.actor == manager.username and NUMBER not in json.dumps(entry.detail) + entry.target


def test_only_a_manager_may_be_named(hotline_env, capsys):
    counselor = make_user("counselor")
    assert main(["privacy", "export", "--phone", NUMBER, "--by", counselor.username]) == 1
    assert "not an active manager" in capsys.readouterr().err


def test_erase_needs_yes_then_removes_words_and_number(hotline_env, capsys):
    manager = make_user("manager")
    call, other = make_call(caller=NUMBER, status="abandoned"), make_call(caller="+992900000001")
    assert main(["privacy", "erase", "--phone", NUMBER, "--by", manager.username]) == 1
    assert "--yes" in capsys.readouterr().err
    assert main(["privacy", "erase", "--phone", NUMBER, "--yes", "--by", manager.username]) == 0
    assert "calls=1" in capsys.readouterr().out
    with transaction() as db_session:
        erased, kept = db_session.get(Call, call.id), db_session.get(Call, other.id)
    assert (erased.caller_hash, erased.caller_encrypted, erased.transcript) == (None, None, None)
    assert kept.transcript and kept.caller_hash
    assert _audit("privacy.erase")[0].detail["calls"] == 1
    main(["privacy", "export", "--phone", NUMBER])
    assert json.loads(capsys.readouterr().out)["calls"] == []
