"""Where the menus lead when the line cannot answer or the caller is blocked; the danger path always reaches a human.

At the end of the menus (a queue node), in this order:
- a blocked caller not on the danger path hears that the line cannot take their call, and the call ends;
- outside the line's hours, or with nobody on shift, a caller on the danger path rings the on-call phone
  (its fallback is the queue), and every other caller hears the hours (outside hours) and may leave a
  voicemail, which becomes a call back; staying silent on the line reaches a human as well;
- otherwise nothing changes: the caller queues.
The danger path: a critical call (123 topic 1, any "yes" to a danger question), 0 for a counselor, or silence.
"""

from dataclasses import replace

from sqlalchemy.orm import Session

from hotline.calls import service as calls
from hotline.calls.models import Call
from hotline.calls.phone import hash_phone
from hotline.db import transaction, utcnow
from hotline.ivr.engine import Position, Prompt, Step, Terminal
from hotline.ivr.flows import Flow, Node
from hotline.operations import blocklist, staffing
from hotline.operations.hours import get_hours
from hotline.settings import get_settings
from hotline.triage import urgency_from_answers

BLOCKED_NOTICE = "caller_blocked"  # at the start, and again in the language the caller chose
BLOCKED_END = "caller_blocked_end"  # where a blocked caller's menus end, off the danger path
CLOSED = "closed_hours"
CONNECTING = "connecting_counselor"
DANGER_ANSWERS = ("counselor_requested", "silent")  # 0 pressed; silence (a caller may be hiding)


def blocked_on_arrival(form: dict[str, str]) -> bool:
    """For /twilio/voice: Redis only, a short timeout, and not blocked whenever it cannot tell."""
    return blocklist.is_blocked_fast(hash_phone(form.get("From")))


def notice_after_language(flow: Flow, position: Position, step: Step, form: dict[str, str]) -> None:
    """A blocked caller who has just chosen a language other than the default hears the notice in it."""
    default = flow.node(flow.start).default
    if position.node != flow.start or not step.language or step.language == default:
        return
    if blocklist.is_blocked(hash_phone(form.get("From"))):
        step.prompts.insert(0, Prompt(BLOCKED_NOTICE, step.language))


def route_end(flow: Flow, step: Step, form: dict[str, str]) -> Step:
    """The step with its end changed when the caller is blocked or the line cannot answer (see the module)."""
    if step.terminal is None or step.terminal.node.type != "queue":
        return step
    with transaction() as db_session:
        call = calls.get_or_create(db_session=db_session, call_sid=form["CallSid"], line=flow.line,
                                   caller=form.get("From"))
        danger = on_danger_path(call, step)
        if blocklist.is_blocked(call.caller_hash):
            if not danger:
                _end_blocked(db_session, call)
                return _goodbye(step)
            _log(db_session, call, "blocked, on the danger path: to a human", "blocked")
        outside = not get_hours().is_open(flow.line)
        if not outside and not staffing.unstaffed(db_session=db_session, line=flow.line):
            return step
        why = "outside hours" if outside else "nobody on shift"
        _log(db_session, call, f"{why}: {'to the on-call phone' if danger else 'voicemail'}", "closed")
    return _to_on_call(step) if danger else _to_voicemail(flow, step, announce_hours=outside)


def on_danger_path(call: Call, step: Step) -> bool:
    answers = {**(call.answers or {}), **step.answers}
    floor, _category, _reasons = urgency_from_answers(answers, call.line)
    critical = "critical" in (call.urgency, step.urgency, floor)
    return critical or any(answers.get(key) == "yes" for key in DANGER_ANSWERS)


def _log(db_session: Session, call: Call, what: str, key: str) -> None:
    calls.log_event(db_session=db_session, call=call, kind="operations", dedupe_key=f"operations:{key}", input=what)


def _end_blocked(db_session: Session, call: Call) -> None:
    """The IVR ended the call itself: completed, so the status callback does not owe this caller a call back."""
    _log(db_session, call, "blocked: the call ends", "blocked")
    if call.status == "ivr":
        call.status, call.ended_at = "completed", utcnow()


def _without_connecting(step: Step) -> list[Prompt]:
    queue_prompt = step.terminal.node.prompt
    return [p for p in step.prompts if p.id not in (CONNECTING, queue_prompt)]


def _goodbye(step: Step) -> Step:
    language = step.terminal.language
    node = Node(id="blocked", type="goodbye")
    return replace(step, prompts=[*_without_connecting(step), Prompt(BLOCKED_END, language)],
                   terminal=Terminal(node=node, language=language))


def _to_on_call(step: Step) -> Step:
    """Ring the on-call phone, falling back to the queue; with no on-call number, the queue at once."""
    if not get_settings().on_call_number:
        return step
    node = Node(id="on_call", type="dial", number="on_call", fallback=step.terminal.node.id)
    return replace(step, terminal=Terminal(node=node, language=step.terminal.language))


def _to_voicemail(flow: Flow, step: Step, *, announce_hours: bool) -> Step:
    """The hours (outside them), then a voicemail; an empty recording (the caller stayed on) goes to a human."""
    language = step.terminal.language
    prompts = _without_connecting(step)
    announcement = get_hours().announcement(flow.line)
    if announce_hours and announcement:
        prompts.append(Prompt(announcement, language))
    prompts.append(Prompt(CLOSED, language))
    node = Node(id="closed", type="voicemail", fallback=step.terminal.node.id)
    return replace(step, prompts=prompts, terminal=Terminal(node=node, language=language))
