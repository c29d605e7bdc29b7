"""The console's work lists in use: a follow-up marked done, a caller called back; a stream ends with its session."""

from datetime import timedelta

from sqlalchemy import select

from hotline.auth.models import ApiToken
from hotline.calls import service as calls
from hotline.cases import service as cases
from hotline.cases.models import FollowUp
from hotline.db import transaction, utcnow
from tests.console.helpers import events, post_form
from tests.referrals.helpers import make_call
from tests.web.helpers import page_login


def _follow_up(user_id: int, sid: str) -> int:
    with transaction() as db_session:
        call = calls.get(db_session=db_session, call_sid=sid)
        case = cases.case_for_call(db_session=db_session, call=call, user_id=user_id)
        return cases.add_follow_up(db_session=db_session, case=case, due_at=utcnow() - timedelta(hours=1),
                                   note="ring the school", user_id=user_id).id


def test_a_due_follow_up_is_listed_and_marked_done(client):
    user = page_login(client, "counselor")
    follow_up_id = _follow_up(user.id, make_call(counselor_id=user.id))
    assert "ring the school" in client.get("/console").text
    response = post_form(client, "/console", f"/console/follow-ups/{follow_up_id}/done", {"result": "child safe"})
    assert response.status_code == 303
    with transaction() as db_session:
        assert db_session.get(FollowUp, follow_up_id).status == "done"
    assert post_form(client, "/console", f"/console/follow-ups/{follow_up_id}/done").status_code == 409
    assert post_form(client, "/console", "/console/follow-ups/999999/done").status_code == 404


def test_a_caller_owed_a_call_back_is_called_and_their_call_screen_opens(client):
    user = page_login(client, "counselor")
    sid = make_call(counselor_id=None, status="abandoned", urgency="high")
    with transaction() as db_session:
        callback = calls.add_callback(db_session=db_session, call=calls.get(db_session=db_session, call_sid=sid),
                                      reason="abandoned")
        db_session.flush()
        callback_id = callback.id
    assert "Call back" in client.get("/console").text
    response = post_form(client, "/console", f"/console/callbacks/{callback_id}/call")
    assert response.status_code == 303 and response.headers["location"] == f"/console/calls/{sid}"
    assert client.get(response.headers["location"]).status_code == 200
    assert post_form(client, "/console", f"/console/callbacks/{callback_id}/call").status_code == 409
    assert user.id


def test_the_stream_ends_once_the_session_is_revoked(client):
    page_login(client, "counselor")
    with transaction() as db_session:
        for token in db_session.scalars(select(ApiToken)):
            token.revoked = True
    response = client.get("/console/events?limit=1", follow_redirects=False)
    assert response.status_code == 303  # the page session is gone: back to /login


def test_a_stream_whose_session_ends_midway_says_signed_out(client, monkeypatch):
    from hotline.console import live

    page_login(client, "counselor")
    monkeypatch.setattr(live, "_snapshot", lambda secret, build: None)
    assert events(client, "/console/events") == [("signed-out", {})]
