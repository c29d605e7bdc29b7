"""Read TwiML as Twilio does: the verbs of a <Response>, in order; anything Twilio would reject is a TwimlError."""

from dataclasses import dataclass, field
from xml.etree import ElementTree


class TwimlError(ValueError):
    """TwiML that Twilio would answer with an application error: a bug in the hotline."""


@dataclass(frozen=True)
class Say:
    text: str
    voice: str = ""
    language: str = ""


@dataclass(frozen=True)
class Play:
    url: str


@dataclass(frozen=True)
class Pause:
    length: int = 1


@dataclass(frozen=True)
class Gather:
    action: str = ""  # empty: Twilio posts back to the document's own URL
    input: str = "dtmf"
    num_digits: int | None = None
    timeout: int = 5
    finish_on_key: str = "#"
    action_on_empty_result: bool = False
    prompts: tuple = ()  # Say, Play and Pause read while waiting for the caller

    @property
    def speech(self) -> bool:
        return "speech" in self.input.split()


@dataclass(frozen=True)
class Enqueue:
    queue: str
    wait_url: str = ""
    action: str = ""


@dataclass(frozen=True)
class Dial:
    numbers: tuple[str, ...]
    action: str = ""


@dataclass(frozen=True)
class Record:
    action: str = ""


@dataclass(frozen=True)
class Redirect:
    url: str


@dataclass(frozen=True)
class Hangup:
    pass


@dataclass(frozen=True)
class Leave:
    pass


@dataclass
class Document:
    verbs: list = field(default_factory=list)


def parse(text: str | bytes) -> Document:
    """The verbs of a TwiML document; raises TwimlError for broken XML or a verb Twilio does not know."""
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise TwimlError(f"not XML: {exc}") from None
    if root.tag != "Response":
        raise TwimlError(f"the root element is <{root.tag}>, not <Response>")
    return Document([_verb(element) for element in root])


def _verb(element: ElementTree.Element):
    reader = _READERS.get(element.tag)
    if reader is None:
        raise TwimlError(f"unknown verb <{element.tag}>")
    return reader(element)


def _say(element) -> Say:
    text = (element.text or "").strip()
    if not text:
        raise TwimlError("<Say> with no text")
    return Say(text, element.get("voice", ""), element.get("language", ""))


def _play(element) -> Play:
    url = (element.text or "").strip()
    if not url:
        raise TwimlError("<Play> with no URL")
    return Play(url)


def _pause(element) -> Pause:
    return Pause(_int(element, "length", 1))


def _gather(element) -> Gather:
    nested = []
    for child in element:
        if child.tag not in ("Say", "Play", "Pause"):
            raise TwimlError(f"<{child.tag}> inside <Gather>")
        nested.append(_verb(child))
    digits = element.get("numDigits")
    return Gather(action=element.get("action", ""), input=element.get("input", "dtmf"),
                  num_digits=_int(element, "numDigits", 0) if digits else None,
                  timeout=_int(element, "timeout", 5), finish_on_key=element.get("finishOnKey", "#"),
                  action_on_empty_result=element.get("actionOnEmptyResult", "false").lower() == "true",
                  prompts=tuple(nested))


def _enqueue(element) -> Enqueue:
    name = (element.text or "").strip()
    if not name:
        raise TwimlError("<Enqueue> with no queue name")
    return Enqueue(name, element.get("waitUrl", ""), element.get("action", ""))


def _dial(element) -> Dial:
    numbers = [(child.text or "").strip() for child in element if child.tag == "Number"]
    others = [child.tag for child in element if child.tag != "Number"]
    if others:
        raise TwimlError(f"<{others[0]}> inside <Dial>")
    if not numbers and (element.text or "").strip():
        numbers = [element.text.strip()]
    if not numbers or not all(numbers):
        raise TwimlError("<Dial> with no number to ring")
    return Dial(tuple(numbers), element.get("action", ""))


def _record(element) -> Record:
    return Record(element.get("action", ""))


def _redirect(element) -> Redirect:
    url = (element.text or "").strip()
    if not url:
        raise TwimlError("<Redirect> with no URL")
    return Redirect(url)


def _int(element, attribute: str, default: int) -> int:
    value = element.get(attribute)
    try:
        return int(value) if value is not None else default
    except ValueError:
        raise TwimlError(f"<{element.tag} {attribute}={value!r}> is not a number") from None


_READERS = {
    "Say": _say, "Play": _play, "Pause": _pause, "Gather": _gather, "Enqueue": _enqueue, "Dial": _dial,
    "Record": _record, "Redirect": _redirect, "Hangup": lambda element: Hangup(), "Leave": lambda element: Leave(),
}
