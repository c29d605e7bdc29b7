"""The caller on hold: what they hear, the keys that raise danger or ask a call back, and how they leave."""

from twilio.twiml.voice_response import VoiceResponse

from hotline.calls import service as calls
from hotline.db import transaction
from hotline.ivr.service import get_flows
from hotline.queue import service as waiting
from hotline.operations import overflow
from hotline.telephony import twiml
from hotline.telephony.voice import enqueue_triage

DANGER_KEY, CALLBACK_KEY = "1", "2"


def hold(form: dict[str, str], line: str, language: str) -> VoiceResponse:
    flows = get_flows()
    position = _int(form.get("QueuePosition"), 1)
    with transaction() as db_session:
        call = calls.get(db_session=db_session, call_sid=form["CallSid"])
        offer = _offer(db_session, call, form, line)
    return twiml.hold(flows, flows.for_line(line), language, position, offer_callback=offer)


def _offer(db_session, call, form: dict[str, str], line: str) -> bool:
    """One rule for offering and for accepting a call back: a long wait, or a long expected wait (overflow)."""
    return overflow.offer_callback(db_session=db_session, call=call, call_sid=form["CallSid"], line=line,
                                   waited_s=_int(form.get("QueueTime"), 0),
                                   position=_int(form.get("QueuePosition"), 1))


def hold_input(form: dict[str, str], line: str, language: str) -> VoiceResponse:
    flows = get_flows()
    flow = flows.for_line(line)
    digit = form.get("Digits", "")[:1]
    if digit == DANGER_KEY:
        raise_to_critical(form["CallSid"], line)
        return twiml.back_to_hold(flows, flow, "hold_danger_raised", language)
    if digit == CALLBACK_KEY:
        with transaction() as db_session:
            call = calls.get(db_session=db_session, call_sid=form["CallSid"])
            if call and _offer(db_session, call, form, line):
                call.answers = {**call.answers, "callback": "requested"}
                calls.add_callback(db_session=db_session, call=call, reason="requested_on_hold")
                calls.log_event(db_session=db_session, call=call, kind="hold", dedupe_key="callback", input=digit)
                return twiml.leave_queue()
    return twiml.back_to_hold(flows, flow, "hold_reassure", language)


def raise_to_critical(call_sid: str, line: str) -> None:
    """'Someone is in danger right now' pressed on hold: critical at once, and triage runs again."""
    with transaction() as db_session:
        call = calls.get_or_create(db_session=db_session, call_sid=call_sid, line=line, caller=None)
        call.answers = {**call.answers, "danger_now": "yes"}
        calls.raise_urgency(call=call, urgency="critical", reason="on hold: pressed 1, someone is in danger now → critical")
        calls.log_event(db_session=db_session, call=call, kind="hold", dedupe_key="danger_now", input=DANGER_KEY)
        enqueue_triage(db_session, call)
    waiting.raise_waiting(call_sid, "critical")
    waiting.on_critical(call_sid)


def queue_exit(form: dict[str, str], line: str, language: str) -> VoiceResponse:
    """Twilio's word on how the caller left the queue."""
    flows = get_flows()
    flow = flows.for_line(line)
    result = form.get("QueueResult", "")
    with transaction() as db_session:
        call = calls.get(db_session=db_session, call_sid=form["CallSid"])
        if call:
            calls.log_event(db_session=db_session, call=call, kind="queue-exit", dedupe_key=f"exit:{result}", input=result)
            if result == "hangup":
                calls.end(db_session=db_session, call=call)
            elif result == "bridged":
                calls.mark_answered(call=call)
    if result in ("hangup", "bridged"):
        waiting.take_out(form["CallSid"])
    if result in ("hangup", "bridged", "bridging-in-process", "redirected"):
        return twiml.empty()
    if result == "leave":
        return twiml.goodbye(flows, flow, "callback_confirmed", language)
    return twiml.to_a_human(flows, line, language)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default
