"""Step a call through its flow: pure functions from (flow, where the caller is, what they pressed) to what comes next."""

from dataclasses import dataclass, field, replace

from hotline.ivr.flows import REGION_DIGITS, TERMINAL_TYPES, Choice, Flow, Node

MAX_INVALID = 2  # re-prompts after an invalid key before a counselor
MAX_SILENCE = 1  # re-prompts after silence before a counselor
COUNSELOR_KEY = "0"


@dataclass(frozen=True)
class Position:
    """Where a caller is in a flow; carried in the gather's action URL so the IVR needs no shared state."""

    line: str
    node: str
    language: str
    invalid: int = 0
    silence: int = 0


@dataclass(frozen=True)
class Prompt:
    id: str
    language: str


@dataclass(frozen=True)
class Gather:
    position: Position
    speech_language: str | None = None  # set: the caller may also speak


@dataclass(frozen=True)
class Terminal:
    """Where the menus end: a queue, a phone that rings, or a voicemail."""

    node: Node
    language: str


@dataclass
class Step:
    """What the caller hears next, where it leads, and what it records."""

    prompts: list[Prompt] = field(default_factory=list)
    gather: Gather | None = None
    terminal: Terminal | None = None
    answers: dict[str, str] = field(default_factory=dict)
    urgency: str | None = None
    category: str | None = None
    language: str | None = None
    input: str = ""
    outcome: str = ""  # what the input meant: option, invalid, silence, counselor


def start(flow: Flow, speech_languages: dict[str, str | None]) -> Step:
    first = flow.node(flow.start)
    language = first.default or flow.languages[0]
    return enter(flow, flow.start, language, speech_languages, Step(input="call", outcome="start"))


def advance(flow: Flow, position: Position, digits: str, speech: str,
            speech_languages: dict[str, str | None]) -> Step:
    """Apply one gather's input at `position` and enter the node it leads to."""
    node = flow.node(position.node)
    digits, speech = (digits or "").strip()[:1], (speech or "").strip()
    step = Step(input=digits or ("speech" if speech else "silence"), language=None)
    if digits == COUNSELOR_KEY:
        step.outcome = "counselor"
        step.answers["counselor_requested"] = "yes"
        return to_counselor(flow, position.language, speech_languages, step)
    if not digits and not speech:
        return _on_silence(flow, node, position, speech_languages, step)
    handler = _HANDLERS[node.type]
    return handler(flow, node, position, digits, speech, speech_languages, step)


def enter(flow: Flow, node_id: str, language: str, speech_languages: dict[str, str | None],
          step: Step, invalid: int = 0, silence: int = 0) -> Step:
    """Play message nodes and skip speech nodes the language cannot use, until a gather or the end."""
    for _ in range(len(flow.nodes) + 1):
        node = flow.node(node_id)
        if node.type == "speech" and not speech_languages.get(language):
            node_id = node.next
            continue
        if node.type == "language":
            step.prompts += [Prompt(node.prompt, code) for code in flow.languages]
        elif node.prompt:
            step.prompts.append(Prompt(node.prompt, language))
        if node.type == "message":
            node_id = node.next
            continue
        if node.type in TERMINAL_TYPES:
            step.terminal = Terminal(node=node, language=language)
        else:
            speech = speech_languages.get(language) if node.type == "speech" else None
            step.gather = Gather(Position(flow.line, node.id, language, invalid, silence), speech)
        return step
    return to_counselor(flow, language, speech_languages, step)  # a loop of messages: never strand the caller


def to_counselor(flow: Flow, language: str, speech_languages: dict[str, str | None], step: Step) -> Step:
    step.prompts.append(Prompt("connecting_counselor", language))
    return enter(flow, flow.counselor, language, speech_languages, step)


def _on_silence(flow, node, position, speech_languages, step) -> Step:
    step.outcome = "silence"
    if node.type == "language":
        step.language = node.default or position.language
        return enter(flow, node.next, step.language, speech_languages, step)
    if node.type == "speech":
        return enter(flow, node.next, position.language, speech_languages, step)
    if position.silence < MAX_SILENCE:
        step.prompts.append(Prompt("no_input", position.language))
        return _reprompt(flow, position, speech_languages, step, silence=position.silence + 1)
    if node.type == "yesno" and node.silence_counts_as_yes:
        return _choose(flow, node, node.yes, "silent", position.language, speech_languages, step)
    step.answers["silent"] = "yes"
    return to_counselor(flow, position.language, speech_languages, step)


def _on_invalid(flow, position, speech_languages, step) -> Step:
    step.outcome = "invalid"
    if position.invalid < MAX_INVALID:
        step.prompts.append(Prompt("invalid_input", position.language))
        return _reprompt(flow, position, speech_languages, step, invalid=position.invalid + 1)
    return to_counselor(flow, position.language, speech_languages, step)


def _reprompt(flow, position, speech_languages, step, **counts) -> Step:
    counts = {"invalid": position.invalid, "silence": position.silence, **counts}
    return enter(flow, position.node, position.language, speech_languages, step, **counts)


def _choose(flow, node, choice: Choice, value, language, speech_languages, step) -> Step:
    step.outcome = step.outcome or "option"
    if node.answer:
        step.answers[node.answer] = value
    step.urgency, step.category = choice.urgency, choice.category
    return enter(flow, choice.next, language, speech_languages, step)


def _language(flow, node, position, digits, speech, speech_languages, step) -> Step:
    if digits not in node.languages:
        return _on_invalid(flow, replace(position, language=node.default or position.language), speech_languages, step)
    step.language, step.outcome = node.languages[digits], "option"
    return enter(flow, node.next, step.language, speech_languages, step)


def _menu(flow, node, position, digits, speech, speech_languages, step) -> Step:
    choice = node.options.get(digits)
    if choice is None:
        return _on_invalid(flow, position, speech_languages, step)
    return _choose(flow, node, choice, choice.value or digits, position.language, speech_languages, step)


def _yesno(flow, node, position, digits, speech, speech_languages, step) -> Step:
    answer = {"1": ("yes", node.yes), "2": ("no", node.no)}.get(digits)
    if answer is None:
        return _on_invalid(flow, position, speech_languages, step)
    return _choose(flow, node, answer[1], answer[0], position.language, speech_languages, step)


def _region(flow, node, position, digits, speech, speech_languages, step) -> Step:
    region = REGION_DIGITS.get(digits)
    if region is None:
        return _on_invalid(flow, position, speech_languages, step)
    step.answers["region"], step.outcome = region, "option"
    return enter(flow, node.next, position.language, speech_languages, step)


def _speech(flow, node, position, digits, speech, speech_languages, step) -> Step:
    """Whatever the caller said or pressed (other than 0) goes on: this question never holds anyone back."""
    step.outcome = "speech" if speech else "option"
    if speech and node.answer:
        step.answers[node.answer] = speech[:1000]
    return enter(flow, node.next, position.language, speech_languages, step)


_HANDLERS = {
    "language": _language, "menu": _menu, "yesno": _yesno, "region": _region, "speech": _speech,
    "message": _speech, "queue": _speech, "dial": _speech, "voicemail": _speech,
}
