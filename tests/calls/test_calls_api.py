"""`GET /api/calls` and `GET /api/calls/{call_sid}`: who may read what, filters, order, and no caller identifiers."""

from datetime import UTC, datetime, timedelta
from itertools import count

import pytest

from hotline.calls import service as calls
from hotline.calls.models import CallEvent
from hotline.db import transaction
from tests.auth.helpers import login

CALLER = "+992901234567"
T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
_sids = count(1)


@pytest.fixture
def api(request, hotline_env):
    return api_client(request)


def add_call(*, minutes: int = 0, caller: str | None = CALLER, events: list[tuple[str, str, str]] = (),
             **fields) -> str:
    """A call created `minutes` after T0, with the given fields and IVR steps (kind, node, input)."""
    sid = f"CA{next(_sids):032d}"
    with transaction() as db_session:
        call = calls.get_or_create(db_session=db_session, call_sid=sid, line=fields.pop("line", "123"), caller=caller)
        call.created_at = T0 + timedelta(minutes=minutes)
        for name, value in fields.items():
            setattr(call, name, value)
        for step, (kind, node, value) in enumerate(events):
            db_session.add(CallEvent(call=call, kind=kind, node=node, input=value,
                                     created_at=call.created_at + timedelta(seconds=step)))
    return sid


def sids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["call_sid"] for item in response.json()["items"]]


@pytest.mark.parametrize("role", ["supervisor", "manager", "admin"])
def test_reviewers_see_a_call_with_its_ivr_steps_in_order(client, role):
    sid = add_call(language="ru", region="khatlon", status="queued", urgency="high", category="domestic_violence",
                   reasons=["IVR answer at '3' → high"], answers={"topic": "violence", "weapon": "no"},
                   queued_at=T0 + timedelta(seconds=40),
                   events=[("ivr", "language", "call"), ("ivr", "topic", "2"), ("ivr", "weapon", "2")])
    _, headers = login(client, role)
    response = client.get(f"/api/calls/{sid}", headers=headers)
    assert response.status_code == 200, response.text
    call = response.json()
    assert call["call_sid"] == sid and call["line"] == "123" and call["language"] == "ru"
    assert (call["status"], call["urgency"], call["category"], call["region"]) == (
        "queued", "high", "domestic_violence", "khatlon")
    assert call["reasons"] == ["IVR answer at '3' → high"]
    assert call["answers"] == {"topic": "violence", "weapon": "no"}
    assert datetime.fromisoformat(call["created_at"]) == T0
    assert datetime.fromisoformat(call["queued_at"]) == T0 + timedelta(seconds=40)
    assert call["connected_at"] is None and call["ended_at"] is None
    assert [(e["kind"], e["node"], e["input"]) for e in call["events"]] == [
        ("ivr", "language", "call"), ("ivr", "topic", "2"), ("ivr", "weapon", "2")]
    assert datetime.fromisoformat(call["events"][1]["at"]) == T0 + timedelta(seconds=1)


def test_counselor_sees_only_the_calls_they_took(client):
    counselor, headers = login(client, "counselor")
    other, _ = login(client, "counselor")
    own = add_call(status="connected", counselor_id=counselor.id)
    theirs = add_call(status="connected", counselor_id=other.id)
    waiting = add_call(status="queued")
    assert client.get(f"/api/calls/{own}", headers=headers).status_code == 200
    assert client.get(f"/api/calls/{theirs}", headers=headers).status_code == 403
    assert client.get(f"/api/calls/{waiting}", headers=headers).status_code == 403


def test_unknown_call_is_404(client):
    add_call()
    _, headers = login(client, "supervisor")
    response = client.get("/api/calls/CAnosuchcall", headers=headers)
    assert response.status_code == 404
    assert "CAnosuchcall" in response.json()["detail"]


def test_no_caller_identifier_in_any_response(client):
    sid = add_call(answers={"topic": "child", "description": f"call me back on {CALLER} or 901 23 45 67",
                            "caller_number": CALLER, "phone": "901234567"},
                   events=[("ivr", "description", "speech"), ("status", None, "completed")])
    with transaction() as db_session:
        stored = calls.get(db_session=db_session, call_sid=sid)
        secrets = [stored.caller_hash, stored.caller_encrypted, CALLER, CALLER.lstrip("+"), "901234567",
                   "901 23 45 67"]
    assert stored.caller_hash and stored.caller_encrypted
    _, headers = login(client, "manager")
    responses = [client.get(f"/api/calls/{sid}", headers=headers), client.get("/api/calls", headers=headers)]
    for response in responses:
        assert response.status_code == 200
        for secret in secrets:
            assert secret not in response.text
        for field in ("caller_hash", "caller_encrypted", "caller", "phone", "transcript"):
            assert f'"{field}"' not in response.text
    answers = responses[0].json()["answers"]
    assert answers["topic"] == "child" and answers["description"].startswith("call me back on ")


def test_list_is_newest_first_with_total_limit_and_offset(client):
    created = [add_call(minutes=minute) for minute in (5, 1, 30, 12)]
    _, headers = login(client, "supervisor")
    response = client.get("/api/calls", headers=headers)
    newest_first = [created[2], created[3], created[0], created[1]]
    assert sids(response) == newest_first
    assert response.json()["total"] == 4 and response.json()["limit"] == 50 and response.json()["offset"] == 0
    assert "events" not in response.json()["items"][0]
    page = client.get("/api/calls", params={"limit": 2, "offset": 1}, headers=headers)
    assert sids(page) == newest_first[1:3]
    assert (page.json()["total"], page.json()["limit"], page.json()["offset"]) == (4, 2, 1)


@pytest.mark.parametrize(("name", "value", "matching", "other"), [
    ("line", "1480", {"line": "1480"}, {"line": "123"}),
    ("urgency", "critical", {"urgency": "critical"}, {"urgency": "low"}),
    ("category", "suicide_self_harm", {"category": "suicide_self_harm"}, {"category": "information"}),
    ("status", "abandoned", {"status": "abandoned"}, {"status": "completed"}),
    ("language", "uz", {"language": "uz"}, {"language": "tg"}),
    ("region", "gbao", {"region": "gbao"}, {"region": "sughd"}),
])
def test_each_filter_keeps_only_matching_calls(client, name, value, matching, other):
    wanted = [add_call(minutes=1, **matching), add_call(minutes=3, **matching)]
    add_call(minutes=2, **other)
    add_call(minutes=4)
    _, headers = login(client, "manager")
    response = client.get("/api/calls", params={name: value}, headers=headers)
    assert sids(response) == wanted[::-1]
    assert response.json()["total"] == 2


def test_filters_combine_and_time_range_is_on_created_at(client):
    early = add_call(minutes=0, urgency="high")
    inside = add_call(minutes=60, urgency="high")
    add_call(minutes=61, urgency="low")
    add_call(minutes=120, urgency="high")
    _, headers = login(client, "supervisor")
    params = {"from": (T0 + timedelta(minutes=30)).isoformat(), "to": (T0 + timedelta(minutes=90)).isoformat(),
              "urgency": "high"}
    assert sids(client.get("/api/calls", params=params, headers=headers)) == [inside]
    local = {"to": "2025-03-01T13:30:00+05:00"}  # Dushanbe time, 08:30 UTC
    assert sids(client.get("/api/calls", params=local, headers=headers)) == [early]
    naive = {"from": "2025-03-01T08:59:00", "to": "2025-03-01T09:01:00"}  # read as UTC
    assert sids(client.get("/api/calls", params=naive, headers=headers)) == [inside]


@pytest.mark.parametrize(("name", "value"), [
    ("status", "bogus"), ("urgency", "x"), ("category", "crime"), ("line", "911"), ("language", "de"),
    ("region", "moscow"), ("from", "yesterday"), ("to", "2025-13-01"), ("limit", "501"), ("limit", "0"),
    ("offset", "-1"),
])
def test_bad_filter_is_422_naming_the_field(client, name, value):
    _, headers = login(client, "supervisor")
    response = client.get("/api/calls", params={name: value}, headers=headers)
    assert response.status_code == 422
    assert name in {error["field"] for error in response.json()["detail"]}

