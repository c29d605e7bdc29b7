"""The caller's path through the menus: each webhook logs its step once, updates the call, and answers TwiML."""

from functools import lru_cache

from twilio.twiml.voice_response import VoiceResponse

from hotline.calls import service as calls
from hotline.calls.models import Call
from hotline.calls.recorder import CallStart, recorder
from hotline.db import transaction
from hotline.ivr import engine
from hotline.ivr.engine import Position, Prompt, Step
from hotline.ivr.service import get_flows, speech_languages
from hotline.jobs import enqueue_after_commit
from hotline.operations import gate
from hotline.queue import service as waiting
from hotline.queue.store import entry_for
from hotline.settings import get_settings
from hotline.telephony import twiml
from hotline.triage import urgency_from_answers


def line_of(form: dict[str, str]) -> str:
    """The line by the dialled number; an unknown number is answered as the emergency line."""
    return get_settings().line_for_number(form.get("To")) or "123"


def incoming_call(form: dict[str, str]) -> str:
    """The language menu, the same for every caller of a line; the call is recorded by the batch writer."""
    flows = get_flows()
    flow = flows.for_line(line_of(form))
    recorder.record(CallStart(call_sid=form["CallSid"], line=flow.line, caller=form.get("From"),
                              to=form.get("To"), start_node=flow.start))
    return start_twiml(flow.line, blocked=gate.blocked_on_arrival(form))


@lru_cache(maxsize=8)
def start_twiml(line: str, blocked: bool = False) -> str:
    """The language menu; a blocked caller first hears the notice, in the menu's default language."""
    flows = get_flows()
    flow = flows.for_line(line)
    step = engine.start(flow, speech_languages(flows))
    if blocked:
        step.prompts.insert(0, Prompt(gate.BLOCKED_NOTICE, flow.node(flow.start).default or flow.languages[0]))
    return str(twiml.render_step(flows, flow, step))


def gather_input(form: dict[str, str], position: Position) -> VoiceResponse:
    flows = get_flows()
    flow = flows.for_line(position.line)
    if position.node not in flow.nodes:  # a flow changed under a live call: put the caller through
        step = engine.to_counselor(flow, position.language, speech_languages(flows), Step(input="stale"))
    else:
        step = engine.advance(flow, position, form.get("Digits", ""), form.get("SpeechResult", ""),
                              speech_languages(flows))
        gate.notice_after_language(flow, position, step, form)
    step = gate.route_end(flow, step, form)  # blocked, outside hours or nobody on shift: the danger path still reaches a human
    key = f"{position.node}:{position.invalid}:{position.silence}"
    entry = _apply(form, flow.line, position.node, key, step)
    if entry is not None and step.terminal.node.type == "queue":
        if not waiting.put_waiting(entry):
            return twiml.to_a_human(flows, flow.line, step.terminal.language)
        if entry.urgency == "critical":
            waiting.on_critical(entry.call_sid)
    return twiml.render_step(flows, flow, step)


def _apply(form, line: str, node: str, key: str, step: Step):
    """Record the step once; returns the queue entry when the caller has just reached the queue."""
    with transaction() as db_session:
        call = calls.get_or_create(db_session=db_session, call_sid=form["CallSid"], line=line, caller=form.get("From"))
        detail = {"outcome": step.outcome, "answers": step.answers, "language": step.language}
        if not calls.log_event(db_session=db_session, call=call, kind="ivr", dedupe_key=key, node=node,
                               input=step.input, detail=detail):
            return entry_for(call) if call.status == "queued" and step.terminal else None
        apply_step(db_session, call, step)
        if step.terminal and step.terminal.node.type == "queue" and calls.mark_queued(call=call, skill=step.terminal.node.skill):
            enqueue_triage(db_session, call)
            return entry_for(call)
    return None


def apply_step(db_session, call: Call, step: Step) -> None:
    """What the caller's answers alone decide is set at once; the triage job refines it."""
    calls.record_answers(call=call, answers=step.answers, language=step.language, category=step.category)
    if step.urgency:
        calls.raise_urgency(call=call, urgency=step.urgency, reason=f"IVR answer at '{step.input}' → {step.urgency}")
    floor, category, reasons = urgency_from_answers(call.answers, call.line)
    if calls.raise_urgency(call=call, urgency=floor):
        call.reasons = [*call.reasons, *[r for r in reasons if r not in call.reasons]]
    if category and not call.category:
        call.category = category


def enqueue_triage(db_session, call: Call) -> None:
    enqueue_after_commit(db_session, "triage", "workers.triage.triage_call", call.call_sid,
                         job_id=f"triage-{call.call_sid}")


def dial_result(form: dict[str, str], line: str, fallback: str | None, language: str) -> VoiceResponse:
    """After ringing a phone: done if a person answered, else on to the fallback node or the queue."""
    flows = get_flows()
    flow = flows.for_line(line)
    answered = form.get("DialCallStatus") == "completed"
    with transaction() as db_session:
        call = calls.get_or_create(db_session=db_session, call_sid=form["CallSid"], line=line, caller=form.get("From"))
        calls.log_event(db_session=db_session, call=call, kind="dial", dedupe_key=f"dial:{fallback}",
                        input=form.get("DialCallStatus"))
        if answered:
            calls.mark_connected(call=call)
    if answered:
        return twiml.empty()
    target = fallback if fallback in flow.nodes else queue_node(flow)
    step = engine.enter(flow, target, language, speech_languages(flows), Step(input="no answer"))
    entry = _apply(form, line, "dial", f"dial-failed:{target}", step)
    if entry is not None:
        waiting.put_waiting(entry)
    return twiml.render_step(flows, flow, step)


def queue_node(flow) -> str:
    """The flow's way to a counselor that does not ring a phone: after a phone went unanswered."""
    if flow.node(flow.counselor).type == "queue":
        return flow.counselor
    return next(node.id for node in flow.nodes.values() if node.type == "queue")


def voicemail(form: dict[str, str], line: str, language: str) -> VoiceResponse:
    flows = get_flows()
    with transaction() as db_session:
        call = calls.get_or_create(db_session=db_session, call_sid=form["CallSid"], line=line, caller=form.get("From"))
        calls.log_event(db_session=db_session, call=call, kind="voicemail", dedupe_key="voicemail")
        calls.add_callback(db_session=db_session, call=call, reason="voicemail", recording_url=form.get("RecordingUrl"))
    return twiml.goodbye(flows, flows.for_line(line), "voicemail_thanks", language)
