"""Retention: old closed calls lose notes, transcripts, free-text answers and recordings; counts are logged."""

import logging

from sqlalchemy import select

from hotline.calls.models import Call, Callback
from hotline.cases.models import CaseFile, ContactRecord
from hotline.db import transaction
from tests.audit.helpers import make_call
from tests.conftest import configure
from workers.retention import run_retention


def _with_notes(call: Call, notes: str) -> None:
    with transaction() as db_session:
        case = CaseFile(caller_hash=call.caller_hash, status="closed")
        db_session.add(case)
        db_session.flush()
        db_session.add(ContactRecord(call_id=call.id, case_id=case.id, category="violence", notes=notes))


def _call(call_id: int) -> tuple[Call, ContactRecord | None, Callback | None]:
    with transaction() as db_session:
        return (db_session.get(Call, call_id),
                db_session.scalar(select(ContactRecord).where(ContactRecord.call_id == call_id)),
                db_session.scalar(select(Callback).where(Callback.call_id == call_id)))


def test_old_closed_calls_are_anonymised_and_the_counts_logged(hotline_env, monkeypatch, caplog):
    configure(monkeypatch, retention_days=30)
    old, abandoned = make_call(days_ago=40), make_call(days_ago=40, status="abandoned")
    recent, waiting = make_call(days_ago=5), make_call(days_ago=40, status="queued")
    _with_notes(old, "she said her husband hits her")
    with caplog.at_level(logging.INFO):
        counts = run_retention()
    assert counts["calls.transcript"] == 2 and counts["contact_records.notes"] == 1
    assert counts["callbacks.recording_url"] == 1 and counts["calls.answers"] == 2
    assert "retention:" in caplog.text and "contact_records.notes=1" in caplog.text

    call, record, _ = _call(old.id)
    assert call.transcript is None and "description" not in call.answers and record.notes == ""
    assert call.answers["topic"] == "3" and call.urgency == "high"  # the facts for reports stay
    assert _call(abandoned.id)[2].recording_url is None
    assert _call(recent.id)[0].transcript and _call(waiting.id)[0].transcript
    assert run_retention().get("calls.transcript", 0) == 0  # nothing left to remove the second time
