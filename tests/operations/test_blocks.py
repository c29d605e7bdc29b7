"""Abusive callers: counselors flag, supervisors block for a week to a year and lift; the danger path stays open."""

from datetime import timedelta
import time

import pytest
from sqlalchemy import select, update

from hotline.calls.models import Call, Callback
from hotline.db import transaction, utcnow
from hotline.operations import blocklist
from hotline.operations.models import CallerBlock
from tests.conftest import configure
from tests.operations.helpers import heard, new_caller, prompt
from tests.queue.helpers import staff
from tests.telephony.helpers import load_call

ABUSER = "+992900000666"


def took(call_sid: str, user_id: int) -> None:
    """The counselor took the call (as claiming it does)."""
    load_call(call_sid)
    with transaction() as db_session:
        db_session.execute(update(Call).where(Call.call_sid == call_sid).values(counselor_id=user_id, status="completed"))


def abusive_call(twilio, counselor) -> str:
    caller = new_caller(twilio, number=ABUSER)
    caller.dial()
    caller.keys("2", "6", "", "1")  # Russian, anything else, says nothing, Dushanbe
    took(caller.sid, counselor.id)
    return caller.sid


@pytest.fixture
def blocked(client, twilio):
    """A counselor flagged the caller and a supervisor blocked them for 30 days: (block json, supervisor headers)."""
    counselor, counselor_headers = staff("counselor")
    _supervisor, headers = staff("supervisor")
    sid = abusive_call(twilio, counselor)
    flagged = client.post(f"/api/calls/{sid}/flag", json={"reason": "threats to the counselor"}, headers=counselor_headers)
    assert flagged.status_code == 201 and flagged.json()["flags_for_caller"] == 1
    made = client.post("/api/blocks", json={"call_sid": sid, "days": 30, "reason": "repeated threats"}, headers=headers)
    assert made.status_code == 201, made.text
    return made.json(), headers


def test_a_blocked_caller_hears_the_notice_and_the_call_ends(twilio, blocked):
    caller = new_caller(twilio, number=ABUSER)
    first = caller.dial()
    assert heard(first).startswith(prompt("caller_blocked", "tg"))
    root = caller.press("2")  # Russian: the notice again, in Russian
    assert heard(root).startswith(prompt("caller_blocked", "ru"))
    root = caller.keys("6", "", "1")
    assert root.find("Hangup") is not None and root.find("Enqueue") is None
    assert prompt("caller_blocked_end", "ru") in heard(root)
    caller.status("completed", sequence=9)
    call = load_call(caller.sid)
    assert call.status == "completed"
    with transaction() as db_session:
        assert db_session.scalar(select(Callback).where(Callback.call_id == call.id)) is None  # nobody calls them back


def test_other_callers_are_not_blocked(twilio, blocked):
    caller = new_caller(twilio, number="+992900000123")
    assert prompt("caller_blocked", "tg") not in heard(caller.dial())
    assert caller.keys("2", "6", "", "1").find("Enqueue") is not None


@pytest.mark.parametrize("line, keys", [
    ("123", ("2", "1", "")),  # someone in danger now
    ("123", ("2", "0")),  # a counselor
    ("123", ("2", "2", "1")),  # a child at risk, someone is hurt: yes
    ("1480", ("2", "1", "1")),  # suicide, thinking of it now: yes
])
def test_the_danger_path_is_never_blocked(twilio, blocked, line, keys):
    caller = new_caller(twilio, line=line, number=ABUSER)
    caller.dial()
    root = caller.keys(*keys)
    assert root.find("Enqueue") is not None, keys
    assert load_call(caller.sid).status == "queued"


def test_a_block_expires_by_itself(client, twilio, blocked):
    block, headers = blocked
    caller_hash = block["caller_hash"]
    redis = blocklist.fast_redis()
    assert blocklist.lookup(redis, caller_hash) is True
    assert blocklist.lookup(redis, caller_hash, now=time.time() + 31 * 86400) is False  # the score is the expiry
    with transaction() as db_session:
        db_session.execute(update(CallerBlock).values(expires_at=utcnow() - timedelta(seconds=1)))
    assert client.get("/api/blocks", headers=headers).json() == []
    redis.delete(blocklist.BLOCKS_KEY)  # rebuilt from the database when next found missing
    caller = new_caller(twilio, number=ABUSER)
    caller.dial()
    assert caller.keys("2", "6", "", "1").find("Enqueue") is not None


def test_lifting_a_block(client, twilio, blocked):
    block, headers = blocked
    assert client.delete(f"/api/blocks/{block['id']}", headers=headers).status_code == 204
    assert client.get("/api/blocks", headers=headers).json() == []
    ended = client.get("/api/blocks?all=true", headers=headers).json()
    assert [(b["id"], b["active"], b["lifted_at"] is not None) for b in ended] == [(block["id"], False, True)]
    caller = new_caller(twilio, number=ABUSER)
    assert prompt("caller_blocked", "tg") not in heard(caller.dial())
    assert caller.keys("2", "6", "", "1").find("Enqueue") is not None
    assert client.delete("/api/blocks/999999", headers=headers).status_code == 404


def test_the_block_set_lost_from_redis_is_rebuilt_and_redis_down_means_not_blocked(twilio, blocked, monkeypatch):
    blocklist.fast_redis().delete(blocklist.BLOCKS_KEY)
    blocklist.forget_snapshot()  # as SNAPSHOT_S later
    caller = new_caller(twilio, number=ABUSER)
    assert prompt("caller_blocked", "tg") not in heard(caller.dial())  # /twilio/voice never asks the database
    assert caller.keys("2", "6", "", "1").find("Hangup") is not None  # the next webhook rebuilt the set
    configure(monkeypatch, redis_url="redis://127.0.0.1:1/0")
    started = time.monotonic()
    assert blocklist.is_blocked_fast(blocked[0]["caller_hash"]) is False
    assert blocklist.is_blocked(blocked[0]["caller_hash"]) is False
    assert time.monotonic() - started < 1


def test_who_may_flag_and_block(client, twilio):
    counselor, counselor_headers = staff("counselor")
    _other, other_headers = staff("counselor")
    _supervisor, supervisor_headers = staff("supervisor")
    _manager, manager_headers = staff("manager")
    sid = abusive_call(twilio, counselor)
    reason = {"reason": "abuse"}
    assert client.post(f"/api/calls/{sid}/flag", json=reason).status_code == 401
    assert client.post(f"/api/calls/{sid}/flag", json=reason, headers=other_headers).status_code == 403
    assert client.post(f"/api/calls/{sid}/flag", json=reason, headers=counselor_headers).status_code == 201
    assert client.post("/api/calls/CAnope/flag", json=reason, headers=supervisor_headers).status_code == 404
    body = {"call_sid": sid, "days": 7, "reason": "abuse"}
    for headers in (counselor_headers, manager_headers):
        assert client.post("/api/blocks", json=body, headers=headers).status_code == 403
        assert client.get("/api/blocks", headers=headers).status_code == 403
    assert client.get("/api/flags", headers=counselor_headers).status_code == 403
    for days in (6, 366):
        assert client.post("/api/blocks", json={**body, "days": days}, headers=supervisor_headers).status_code == 422
    assert client.post("/api/blocks", json={"days": 7, "reason": "abuse"}, headers=supervisor_headers).status_code == 422
    made = client.post("/api/blocks", json=body, headers=supervisor_headers)
    assert made.status_code == 201 and made.json()["days"] == 7
    by_hash = client.post("/api/blocks", json={"caller_hash": made.json()["caller_hash"], "days": 365, "reason": "again"},
                          headers=supervisor_headers)
    assert by_hash.status_code == 201
    assert client.delete(f"/api/blocks/{made.json()['id']}", headers=counselor_headers).status_code == 403
    assert [f["reason"] for f in client.get("/api/flags", headers=supervisor_headers).json()] == ["abuse"]


def test_a_new_call_reads_the_block_set_from_this_process_copy(twilio, blocked, monkeypatch):
    caller_hash = blocked[0]["caller_hash"]
    assert blocklist.is_blocked_fast(caller_hash) is True
    blocklist.fast_redis().delete(blocklist.BLOCKS_KEY)
    assert blocklist.is_blocked_fast(caller_hash) is True, "the copy is used for SNAPSHOT_S"
    monkeypatch.setattr(blocklist, "SNAPSHOT_S", 0)
    assert blocklist.is_blocked_fast(caller_hash) is False, "then Redis is read again"
