"""TwiML for a claimed caller: dial the counselor, back to the queue if they miss it, and the supervisor's conference."""

from twilio.twiml.voice_response import Dial, VoiceResponse

from hotline.telephony import twiml

RING_S = 20
SUPERVISOR_ANNOUNCEMENT = "Критический звонок на линии {line}. Соединяю."  # supervisors are Russian-speaking staff
ALREADY_ANSWERED = "Звонок уже принят. Спасибо."


def counselor_client(counselor_id: int) -> str:
    """The Twilio Client identity of a counselor's browser or app, when no phone is set."""
    return f"counselor-{counselor_id}"


def conference_name(call_sid: str) -> str:
    return f"escalate-{call_sid}"


def bridge_url(*, call_sid: str, counselor_id: int, line: str, language: str | None) -> str:
    return twiml.url("/twilio/bridge", call=call_sid, counselor=counselor_id, line=line, lang=language or "tg")


def escalation_url(*, call_sid: str, line: str) -> str:
    return twiml.url("/twilio/bridge/escalation", call=call_sid, line=line)


def join_url(*, call_sid: str) -> str:
    return twiml.url("/twilio/bridge/join", call=call_sid)


def dial_counselor(*, call_sid: str, counselor_id: int, phone: str | None, line: str, language: str) -> VoiceResponse:
    """Ring the counselor's phone (or app); the result decides whether the caller goes back to the queue."""
    action = twiml.url("/twilio/bridge/result", call=call_sid, counselor=counselor_id, line=line, lang=language)
    dial = Dial(action=action, method="POST", timeout=RING_S, answer_on_bridge=True)
    if phone:
        dial.number(phone)
    else:
        dial.client(counselor_client(counselor_id))
    response = VoiceResponse()
    response.append(dial)
    return response


def back_to_queue(*, line: str, language: str) -> VoiceResponse:
    """The counselor did not answer: the caller waits again (their place is kept in the hotline's queue)."""
    response = VoiceResponse()
    response.append(twiml.enqueue(line, language, None))
    return response


def supervisor_conference(*, call_sid: str, line: str) -> VoiceResponse:
    """The supervisor's leg: told why they are rung, then joined to the room the caller is moved into."""
    response = VoiceResponse()
    response.say(SUPERVISOR_ANNOUNCEMENT.format(line=line), language="ru-RU")
    dial = Dial()
    dial.conference(conference_name(call_sid), start_conference_on_enter=True, end_conference_on_exit=True)
    response.append(dial)
    return response


def caller_conference(*, call_sid: str) -> VoiceResponse:
    dial = Dial()
    dial.conference(conference_name(call_sid), start_conference_on_enter=True, end_conference_on_exit=True)
    response = VoiceResponse()
    response.append(dial)
    return response


def already_answered() -> VoiceResponse:
    response = VoiceResponse()
    response.say(ALREADY_ANSWERED, language="ru-RU")
    response.hangup()
    return response
