"""TwiML, built here and nowhere else: pure functions from the engine's steps to a VoiceResponse."""

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import Dial, Enqueue, Gather, VoiceResponse

from hotline.ivr.engine import Position, Prompt, Step
from hotline.ivr.flows import Flow, FlowSet
from hotline.settings import get_settings

AUDIO_SUFFIXES = (".mp3", ".wav")


def url(path: str, **params) -> str:
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return f"{get_settings().public_base_url.rstrip('/')}{path}{'?' + query if query else ''}"


def position_params(position: Position) -> dict[str, str | int]:
    return {"line": position.line, "node": position.node, "lang": position.language,
            "inv": position.invalid, "sil": position.silence}


@lru_cache
def recordings(directory: Path) -> frozenset[tuple[str, str]]:
    """(language, prompt) pairs that have a recorded file under audio/."""
    audio = directory / "audio"
    found = {(p.parent.name, p.stem) for p in audio.glob("*/*") if p.suffix in AUDIO_SUFFIXES} if audio.is_dir() else set()
    return frozenset(found)


def recording_file(directory: Path, language: str, prompt_id: str) -> Path | None:
    for suffix in AUDIO_SUFFIXES:
        path = directory / "audio" / language / f"{prompt_id}{suffix}"
        if path.is_file():
            return path
    return None


def add_prompt(verb, flows: FlowSet, flow: Flow, prompt: Prompt, **values) -> None:
    """<Play> the recording where there is one, else <Say> with the language's configured voice."""
    if (prompt.language, prompt.id) in recordings(flows.directory):
        verb.play(url(f"/audio/{prompt.language}/{prompt.id}"))
        return
    texts = flow.prompts.get(prompt.id, {})
    text = texts.get(prompt.language) or texts.get("ru") or next(iter(texts.values()), "")
    if values:
        text = text.format(**values)
    voice = flows.languages[prompt.language]
    verb.say(text, voice=voice.say_voice, language=voice.say_language)


def render_step(flows: FlowSet, flow: Flow, step: Step) -> VoiceResponse:
    response = VoiceResponse()
    if step.gather:
        gather = _gather(step)
        for prompt in step.prompts:
            add_prompt(gather, flows, flow, prompt)
        response.append(gather)
        return response
    for prompt in step.prompts:
        add_prompt(response, flows, flow, prompt)
    node, language = step.terminal.node, step.terminal.language
    if node.type == "queue":
        response.append(enqueue(flow.line, language, node.skill))
    elif node.type == "dial":
        response.append(dial(resolve_number(node.number), url("/twilio/ivr/dial-result", line=flow.line,
                                                              node=node.fallback, lang=language)))
    elif node.type == "goodbye":  # a blocked caller off the danger path (hotline.operations.gate)
        response.hangup()
    else:
        response.record(action=url("/twilio/ivr/voicemail", line=flow.line, lang=language),
                        max_length=120, play_beep=True, timeout=10)
        if node.fallback:  # nothing recorded (Twilio goes on to the next verb): the caller stayed on for a human
            after_silence(response, flow.line, language, node.fallback)
    return response


def after_silence(response: VoiceResponse, line: str, language: str, fallback: str) -> None:
    """The on-call phone, or straight to the fallback node when no on-call number is set."""
    action = url("/twilio/ivr/dial-result", line=line, node=fallback, lang=language)
    on_call = get_settings().on_call_number
    if on_call:
        response.append(dial(on_call, action))
    else:
        response.redirect(action, method="POST")


def _gather(step: Step) -> Gather:
    settings = get_settings()
    params = dict(action=url("/twilio/ivr", **position_params(step.gather.position)), method="POST",
                  num_digits=1, timeout=settings.gather_timeout_s, action_on_empty_result=True)
    if step.gather.speech_language:
        params.update(input="dtmf speech", language=step.gather.speech_language, speech_timeout="auto")
    return Gather(**params)


def queue_name(line: str) -> str:
    return f"hotline-{line}"


def enqueue(line: str, language: str, skill: str | None) -> Enqueue:
    return Enqueue(queue_name(line), wait_url=url("/twilio/hold", line=line, lang=language),
                   wait_url_method="POST", action=url("/twilio/queue-exit", line=line, lang=language))


def dial(number: str | None, action: str) -> Dial:
    dial_verb = Dial(action=action, timeout=25, answer_on_bridge=True)
    dial_verb.number(number or "")
    return dial_verb


def resolve_number(name: str | None) -> str | None:
    """'on_call' and 'supervisor' name the numbers in settings; anything else is a number already."""
    settings = get_settings()
    return {"on_call": settings.on_call_number, "supervisor": settings.supervisor_number}.get(name or "", name)


def say(flows: FlowSet, flow: Flow, prompt_id: str, language: str, response: VoiceResponse | None = None,
        **values) -> VoiceResponse:
    response = response or VoiceResponse()
    add_prompt(response, flows, flow, Prompt(prompt_id, language), **values)
    return response


def hold(flows: FlowSet, flow: Flow, language: str, position: int, offer_callback: bool) -> VoiceResponse:
    """The music-less hold: place in line, reassurance, and the keys that raise danger or ask a call back."""
    response = VoiceResponse()
    gather = Gather(action=url("/twilio/hold/input", line=flow.line, lang=language), method="POST",
                    num_digits=1, timeout=3)
    add_prompt(gather, flows, flow, Prompt("hold_position", language), position=position)
    for prompt_id in ("hold_reassure", "hold_danger_offer") + (("hold_callback_offer",) if offer_callback else ()):
        add_prompt(gather, flows, flow, Prompt(prompt_id, language))
    response.append(gather)
    response.pause(length=8)
    return response


def back_to_hold(flows: FlowSet, flow: Flow, prompt_id: str, language: str) -> VoiceResponse:
    response = say(flows, flow, prompt_id, language)
    response.redirect(url("/twilio/hold", line=flow.line, lang=language), method="POST")
    return response


def leave_queue() -> VoiceResponse:
    response = VoiceResponse()
    response.leave()
    return response


def goodbye(flows: FlowSet, flow: Flow, prompt_id: str, language: str) -> VoiceResponse:
    response = say(flows, flow, prompt_id, language)
    response.hangup()
    return response


def to_a_human(flows: FlowSet | None, line: str, language: str | None) -> VoiceResponse:
    """What a caller gets when something inside failed: straight to a person, never an application error."""
    line = line if line in ("123", "1480") else "123"
    language = language if flows and language in flows.languages else "tg"
    response = VoiceResponse()
    try:
        flow = flows.flows.get(line) if flows else None
        if flow:
            add_prompt(response, flows, flow, Prompt("service_trouble", language))
    except Exception:  # a broken prompt must not cost the caller the connection
        response = VoiceResponse()
    on_call = get_settings().on_call_number
    if on_call:
        response.append(dial(on_call, url("/twilio/ivr/dial-result", line=line, lang=language)))
    else:
        response.append(enqueue(line, language, "emergency"))
    return response


def empty() -> VoiceResponse:
    return VoiceResponse()


def sms_reply(text: str) -> MessagingResponse:
    """The answer to an inbound SMS: one <Message>."""
    response = MessagingResponse()
    response.message(text)
    return response
