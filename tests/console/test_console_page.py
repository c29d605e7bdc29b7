"""`/console`: roles, presence, the live queue by server-sent events, taking the next call, the work lists."""

from hotline.counselors import service as counselors
from tests.console.helpers import events, post_form
from tests.queue.helpers import load_call, queued_call
from tests.web.helpers import page_login


def test_the_console_needs_a_session_and_is_not_for_managers(client):
    assert client.get("/console", follow_redirects=False).headers["location"] == "/login?next=%2Fconsole"
    page_login(client, "manager")
    assert client.get("/console").status_code == 403


def test_a_counselor_sees_the_console_with_presence_take_next_and_lists(client):
    page_login(client, "counselor")
    page = client.get("/console")
    assert page.status_code == 200
    for text in ("Take next call", 'name="presence"', "Callbacks due", "My cases", "Follow-ups due",
                 "/static/console.js", "/static/alert.wav"):
        assert text in page.text


def test_the_presence_switch_sets_presence(client):
    user = page_login(client, "counselor")
    response = post_form(client, "/console", "/console/presence", {"presence": "available"})
    assert response.status_code == 303
    assert counselors.get_presence(user_id=user.id).presence == "available"


def test_an_unknown_presence_or_a_missing_csrf_token_is_refused(client):
    page_login(client, "counselor")
    assert post_form(client, "/console", "/console/presence", {"presence": "asleep"}).status_code == 422
    response = client.post("/console/presence", data={"presence": "available"}, follow_redirects=False)
    assert response.status_code == 403


def test_the_event_stream_sends_the_waiting_calls_with_target_and_lateness(client):
    page_login(client, "counselor", )
    late = queued_call(urgency="high", waited_s=90)
    fresh = queued_call(urgency="low", language="ru")
    [(kind, snapshot)] = events(client, "/console/events")
    assert kind == "queue"
    by_sid = {call["call_sid"]: call for call in snapshot["calls"]}
    assert [c["call_sid"] for c in snapshot["calls"]] == [late, fresh]
    assert by_sid[late]["overdue"] is True and by_sid[late]["target_seconds"] == 60
    assert by_sid[fresh]["overdue"] is False and by_sid[fresh]["language"] == "ru"


def test_a_new_call_appears_in_the_next_snapshot(client):
    page_login(client, "counselor")
    [(_, before)] = events(client, "/console/events")
    sid = queued_call(urgency="critical")
    [(_, after)] = events(client, "/console/events")
    assert before["calls"] == [] and [c["call_sid"] for c in after["calls"]] == [sid]


def test_the_event_stream_needs_a_session(client):
    response = client.get("/console/events", follow_redirects=False)
    assert response.status_code == 303


def test_take_next_call_claims_it_and_opens_its_call_screen(client):
    user = page_login(client, "counselor")
    counselors.set_presence(user_id=user.id, presence="available")
    sid = queued_call(urgency="high")
    response = post_form(client, "/console", "/console/next")
    assert response.status_code == 303 and response.headers["location"] == f"/console/calls/{sid}"
    call = load_call(sid)
    assert call.status == "connected" and call.counselor_id == user.id


def test_take_next_call_when_offline_says_so(client):
    page_login(client, "counselor")
    queued_call(urgency="high")
    response = post_form(client, "/console", "/console/next")
    assert response.status_code == 409 and "offline" in response.text


def test_take_next_call_with_nothing_waiting_returns_to_the_console(client):
    user = page_login(client, "counselor")
    counselors.set_presence(user_id=user.id, presence="available")
    response = post_form(client, "/console", "/console/next")
    assert response.headers["location"] == "/console?note=no-call"
    assert "No call is waiting" in client.get(response.headers["location"]).text


def test_the_alert_sound_and_scripts_are_served_by_the_hotline_itself(client):
    import wave
    from io import BytesIO

    sound = client.get("/static/alert.wav")
    assert sound.status_code == 200 and sound.headers["content-type"] in ("audio/wav", "audio/x-wav")
    with wave.open(BytesIO(sound.content)) as wav:
        assert 0.3 < wav.getnframes() / wav.getframerate() < 3
    for script in ("/static/console.js", "/static/wallboard.js"):
        assert client.get(script).status_code == 200
    page_login(client, "counselor")
    assert "http" not in "".join(line for line in client.get("/console").text.splitlines() if "src=" in line)
