"""`/wallboard`: for supervisors; waiting calls by urgency against targets, the floor, today, critical calls."""

from hotline.counselors import service as counselors
from hotline.db import transaction
from hotline.referrals import service as referrals
from hotline.calls import service as calls
from tests.console.helpers import events
from tests.queue.helpers import queued_call
from tests.referrals.helpers import load_sample_directory, make_call
from tests.web.helpers import page_login


def test_the_wallboard_is_for_supervisors(client):
    page_login(client, "counselor")
    assert client.get("/wallboard").status_code == 403
    assert client.get("/wallboard/events").status_code == 403


def test_the_wallboard_shows_waiting_calls_by_urgency_the_floor_and_critical_referrals(client):
    load_sample_directory()
    supervisor = page_login(client, "supervisor")
    counselors.set_presence(user_id=supervisor.id, presence="available")
    queued_call(urgency="high", waited_s=100)
    queued_call(urgency="critical")
    sid = make_call(urgency="critical", category="child_abuse", region="khatlon")
    with transaction() as db_session:
        referrals.refer(db_session=db_session, call=calls.get(db_session=db_session, call_sid=sid),
                        partner_type="mobile_team")
    page = client.get("/wallboard")
    assert page.status_code == 200 and "/static/wallboard.js" in page.text
    [(kind, board)] = events(client, "/wallboard/events")
    assert kind == "wallboard"
    rows = {row["urgency"]: row for row in board["by_urgency"]}
    assert rows["high"]["waiting"] == 1 and rows["high"]["late"] == 1 and rows["critical"]["waiting"] == 1
    assert {"username": supervisor.username, "presence": "available"}.items() <= board["counselors"][0].items()
    critical = {c["call_sid"]: c for c in board["critical"]}
    assert critical[sid]["referrals"][0]["partner_type"] == "mobile_team"
    assert critical[sid]["referrals"][0]["status"] == "pending"
    assert set(board["today"]) >= {"calls", "answered", "service_level_15s"}
    assert sid in [c["call_sid"] for c in board["recent"]]
