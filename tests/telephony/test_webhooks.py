"""The caller's path over HTTP, against the real Redis and both databases, with the TwiML parsed."""

from redis import Redis
from rq import Queue

from hotline.queue import service as waiting
from tests.telephony.helpers import Caller, events, gather_action, load_call, parse, said


def test_unsigned_or_tampered_webhooks_are_refused_and_nothing_is_recorded(client, twilio):
    caller = Caller(twilio)
    assert client.post("/twilio/voice", data=caller.params()).status_code == 403
    assert twilio.post("/twilio/voice", caller.params(), signature="bad").status_code == 403
    signed_for_other = twilio.validator.compute_signature("http://testserver/twilio/voice", {"CallSid": "x"})
    assert twilio.post("/twilio/voice", caller.params(), signature=signed_for_other).status_code == 403
    assert load_call(caller.sid) is None


def test_new_call_hears_the_language_menu_in_five_voices(twilio):
    caller = Caller(twilio)
    root = caller.dial()
    gather = root.find("Gather")
    assert gather.get("numDigits") == "1" and gather.get("actionOnEmptyResult") == "true"
    says = gather.findall("Say")
    assert len(says) == 5
    assert "1" in says[0].text and "English" in says[4].text
    assert {say.get("voice") for say in says} >= {"Polly.Tatyana", "Polly.Joanna"}
    call = load_call(caller.sid)
    assert call.status == "ivr" and call.line == "123"
    assert call.caller_hash and "992900000001" not in (call.caller_encrypted or "")


def test_a_repeated_delivery_changes_nothing(twilio):
    caller = Caller(twilio)
    first = caller.dial()
    second = caller.dial()
    assert len(said(first)) == len(said(second))
    caller.root = first
    caller.press("2")
    caller.root = first
    caller.press("2")
    steps = [e for e in events(caller.sid) if e.kind == "ivr"]
    assert [e.dedupe_key for e in steps] == ["start", "language:0:0"]


def test_violence_path_to_the_queue_in_russian(twilio, hotline_env):
    caller = Caller(twilio)
    caller.dial()
    root = caller.keys("2", "3", "2", "2", "2", "3")
    enqueue = root.find("Enqueue")
    assert enqueue is not None and enqueue.text == "hotline-123"
    assert "lang=ru" in enqueue.get("waitUrl")
    call = load_call(caller.sid)
    assert (call.status, call.language, call.region) == ("queued", "ru", "khatlon")
    assert call.urgency == "high" and call.category == "domestic_violence"
    assert call.answers["topic"] == "violence" and call.answers["weapon"] == "no"
    assert [w.call_sid for w in waiting.waiting_calls()] == [caller.sid]
    job = Queue("triage", connection=Redis.from_url(hotline_env.redis_url)).fetch_job(f"triage-{caller.sid}")
    assert job is not None and job.args == (caller.sid,)


def test_someone_in_danger_is_critical_at_once_and_may_speak(twilio):
    caller = Caller(twilio)
    caller.dial()
    root = caller.keys("2", "1")
    gather = root.find("Gather")
    assert gather.get("input") == "dtmf speech" and gather.get("language") == "ru-RU"
    root = caller.press("", speech="муж бьёт нож у него")
    assert root.find("Enqueue") is not None
    call = load_call(caller.sid)
    assert call.urgency == "critical" and "нож" in call.transcript


def test_tajik_callers_are_not_asked_to_speak(twilio):
    caller = Caller(twilio)
    caller.dial()
    root = caller.keys("1", "1")  # Tajik, danger: Twilio has no Tajik recognition
    assert root.find("Enqueue") is not None
    assert load_call(caller.sid).urgency == "critical"


def test_invalid_keys_reprompt_twice_then_a_counselor(twilio):
    caller = Caller(twilio)
    caller.dial()
    caller.press("5")  # English
    root = caller.press("9")
    assert "not one of the choices" in " ".join(said(root)).lower()
    assert "inv=1" in gather_action(root)
    root = caller.press("9")
    assert "inv=2" in gather_action(root)
    root = caller.press("9")
    assert root.find("Enqueue") is not None and root.find("Gather") is None
    assert load_call(caller.sid).status == "queued"


def test_silence_reprompts_once_then_a_counselor_and_is_at_least_medium(twilio):
    caller = Caller(twilio)
    caller.dial()
    root = caller.press("")  # no answer on the language menu means Tajik, the menu goes on
    assert "lang=tg" in gather_action(root)
    root = caller.press("")
    assert "sil=1" in gather_action(root)
    root = caller.press("")
    assert root.find("Enqueue") is not None
    call = load_call(caller.sid)
    assert call.answers.get("silent") == "yes"
    assert call.urgency in ("medium", "high", "critical")


def test_zero_on_any_menu_goes_to_a_counselor(twilio):
    for presses in (["0"], ["2", "0"], ["2", "3", "0"], ["2", "3", "2", "2", "2", "0"]):
        caller = Caller(twilio)
        caller.dial()
        root = caller.keys(*presses)
        assert root.find("Enqueue") is not None, presses
        assert load_call(caller.sid).answers["counselor_requested"] == "yes"


def test_suicide_question_unanswered_counts_as_yes(twilio):
    caller = Caller(twilio, line="1480")
    caller.dial()
    caller.keys("5", "1")  # English, thoughts of suicide
    root = caller.press("")
    assert root.find("Gather") is not None  # asked once more
    root = caller.press("")
    assert root.find("Enqueue") is not None
    call = load_call(caller.sid)
    assert call.answers["suicide_now"] == "silent" and call.urgency == "critical"


def test_counseling_line_by_its_number(twilio):
    caller = Caller(twilio, line="1480")
    caller.dial()
    root = caller.keys("2", "2", "1")  # Russian, stress, Dushanbe
    assert root.find("Enqueue").text == "hotline-1480"
    call = load_call(caller.sid)
    assert (call.line, call.category, call.region) == ("1480", "mental_health", "dushanbe")


def test_status_callbacks_in_order_and_out_of_order(twilio):
    caller = Caller(twilio)
    caller.dial()
    caller.keys("2", "6", "", "1")  # Russian, other, no description, Dushanbe
    assert caller.status("completed", sequence=3).status_code == 200
    assert caller.status("in-progress", sequence=1).status_code == 200
    assert caller.status("completed", sequence=3).status_code == 200
    call = load_call(caller.sid)
    assert call.status == "abandoned" and call.status_sequence == 3 and call.ended_at is not None
    assert waiting.waiting_calls() == []
    assert len([e for e in events(caller.sid) if e.kind == "status"]) == 2


def test_hold_speaks_the_place_in_line_and_raises_danger(twilio):
    caller = Caller(twilio)
    caller.dial()
    root = caller.keys("5", "5", "1")  # English, an older person, Dushanbe
    wait_url = root.find("Enqueue").get("waitUrl")
    hold = parse(twilio.post(wait_url, caller.params(QueuePosition="3", QueueTime="20")))
    text = " ".join(said(hold))
    assert "3" in text and "press 1" in text.lower() and "call you back" not in text.lower()
    after = parse(twilio.post(gather_action(hold), caller.params(Digits="1", QueueTime="25")))
    assert after.find("Redirect") is not None
    assert load_call(caller.sid).urgency == "critical"
    assert waiting.waiting_calls()[0].urgency == "critical"


def test_a_long_wait_offers_a_call_back_that_keeps_the_place(twilio, hotline_env):
    caller = Caller(twilio)
    caller.dial()
    root = caller.keys("5", "5", "1")
    wait_url = root.find("Enqueue").get("waitUrl")
    late = str(hotline_env.hold_callback_offer_s + 1)
    hold = parse(twilio.post(wait_url, caller.params(QueuePosition="2", QueueTime=late)))
    assert "call you back" in " ".join(said(hold)).lower()
    left = parse(twilio.post(gather_action(hold), caller.params(Digits="2", QueueTime=late)))
    assert left.find("Leave") is not None
    exit_url = root.find("Enqueue").get("action")
    bye = parse(twilio.post(exit_url, caller.params(QueueResult="leave")))
    assert bye.find("Hangup") is not None
    caller.status("completed", sequence=5)
    assert [w.call_sid for w in waiting.waiting_calls()] == [caller.sid]


def test_hanging_up_on_hold_is_abandoned_and_owed_a_call_back(twilio):
    caller = Caller(twilio)
    caller.dial()
    root = caller.keys("2", "3", "2", "2", "2", "3")
    parse(twilio.post(root.find("Enqueue").get("action"), caller.params(QueueResult="hangup")))
    call = load_call(caller.sid)
    assert call.status == "abandoned"
    assert waiting.waiting_calls() == []


def test_odd_fields_on_a_signed_request_still_reach_a_human(twilio):
    caller = Caller(twilio)
    caller.dial()
    root = parse(twilio.post("/twilio/ivr?line=123&node=topic&lang=ru&inv=abc", caller.params(Digits="1")))
    assert root.find("Enqueue") is not None or root.find("Dial") is not None
    root = parse(twilio.post("/twilio/ivr?line=123&node=nonexistent&lang=xx", caller.params(Digits="1")))
    assert root.find("Enqueue") is not None
    root = parse(twilio.post("/twilio/voice", {"From": "+1"}))  # no CallSid at all
    assert root.find("Enqueue") is not None


def test_a_failure_inside_still_routes_to_a_human(twilio, monkeypatch):
    from hotline.telephony import voice

    def broken(*args, **kwargs):
        raise RuntimeError("database unavailable")

    caller = Caller(twilio)
    caller.dial()
    monkeypatch.setattr(voice, "transaction", broken)
    root = caller.press("2")
    assert root.find("Enqueue") is not None
    from hotline.ivr.service import get_flows

    assert get_flows().for_line("123").prompts["service_trouble"]["tg"] in said(root)


def test_a_call_bridged_from_the_queue_ends_completed_whatever_arrives_first(twilio):
    for status_first in (True, False):
        caller = Caller(twilio)
        caller.dial()
        root = caller.keys("2", "4", "2", "1")  # Russian, suicide thoughts, not now, Dushanbe
        exit_url = root.find("Enqueue").get("action")
        if status_first:
            caller.status("completed", sequence=4)
        parse(twilio.post(exit_url, caller.params(QueueResult="bridged")))
        if not status_first:
            caller.status("completed", sequence=4)
        assert load_call(caller.sid).status == "completed", status_first


def test_a_critical_caller_reaching_the_queue_alerts_the_floor_once(twilio):
    from hotline.queue.service import recent_alerts

    caller = Caller(twilio)
    caller.dial()
    caller.keys("2", "1", "")  # Russian, someone in danger now, nothing said
    assert [a["call_sid"] for a in recent_alerts()] == [caller.sid]
    root = caller.root
    hold = parse(twilio.post(root.find("Enqueue").get("waitUrl"), caller.params(QueuePosition="1", QueueTime="5")))
    parse(twilio.post(gather_action(hold), caller.params(Digits="1", QueueTime="6")))
    assert len(recent_alerts()) == 1
