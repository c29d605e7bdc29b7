"""One simulated call, placed exactly as Twilio would: signed webhooks, following the TwiML the hotline answers."""

from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
import random
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from twilio.request_validator import RequestValidator

from hotline.simulate import twiml_reader as tw
from hotline.simulate.inputs import Input, RandomCaller, Script

MAX_WEBHOOKS = 60  # a call that needs more has a loop in it
ACCOUNT_SID = "AC" + "51" * 16
HUMAN = ("queued", "abandoned", "dialled", "voicemail", "callback")  # outcomes where a human was reached

# The hotline's own view of a waiting call: (urgency, position, queue size), or None when not waiting.
QueueLookup = Callable[[str], tuple[str | None, int, int] | None]


@dataclass
class CallTranscript:
    call_sid: str
    line: str
    caller: str
    heard: list[str] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    ended: str = ""
    outcome: str = ""  # one of HUMAN, or: hung up (by the hotline), broken, loop
    log: list[str] = field(default_factory=list)  # heard and inputs, in order
    webhooks: int = 0

    @property
    def with_a_human(self) -> bool:
        return self.outcome in HUMAN


class CallEnded(Exception):
    def __init__(self, outcome: str, ended: str):
        super().__init__(ended)
        self.outcome, self.ended = outcome, ended


@dataclass
class Webhooks:
    """Posts to the hotline as Twilio does: signed for the public URL, sent to `target_base` when given."""

    http: httpx.Client
    public_base: str
    token: str
    target_base: str | None = None

    def url(self, path: str) -> str:
        return self.public_base.rstrip("/") + path

    def post(self, url: str, params: dict[str, str]) -> httpx.Response:
        signature = RequestValidator(self.token).compute_signature(url, params)
        return self.http.post(self._target(url), content=urlencode(params), headers={
            "X-Twilio-Signature": signature, "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": "TwilioProxy/1.1 (hotline simulate)"})

    def _target(self, url: str) -> str:
        public = self.public_base.rstrip("/")
        if self.target_base and url.startswith(public):
            return self.target_base.rstrip("/") + url[len(public):]
        return url


class Call:
    """Steps through the TwiML: what the caller hears, what it answers, where the call ends."""

    def __init__(self, hooks: Webhooks, transcript: CallTranscript, inputs, *, hold_polls: int = 1,
                 hang_up: bool = False, queue_lookup: QueueLookup | None = None):
        self.hooks, self.t, self.inputs = hooks, transcript, inputs
        self.hold_polls, self.hang_up, self.queue_lookup = hold_polls, hang_up, queue_lookup
        self.sequence = 0
        self.reached: tuple[str, str] | None = None  # a human reached before the hotline hangs up

    def run(self) -> CallTranscript:
        try:
            url = self.hooks.url("/twilio/voice")
            verbs = self.fetch(url, {"CallStatus": "ringing"})
            while True:
                url, verbs = self.execute(url, verbs)
        except CallEnded as end:
            self.t.outcome, self.t.ended = end.outcome, end.ended
        return self.t

    # -- webhooks ---------------------------------------------------------------------------------
    def params(self, **extra: str) -> dict[str, str]:
        base = {"CallSid": self.t.call_sid, "AccountSid": ACCOUNT_SID, "From": self.t.caller, "Caller": self.t.caller,
                "To": self.t.line, "Called": self.t.line, "Direction": "inbound", "CallStatus": "in-progress",
                "ApiVersion": "2010-04-01"}
        return {**base, **extra}

    def fetch(self, url: str, extra: dict[str, str]) -> list:
        """POST a webhook and read its TwiML; a non-200 or broken TwiML ends the call, as Twilio would."""
        self.t.webhooks += 1
        if self.t.webhooks > MAX_WEBHOOKS:
            raise CallEnded("loop", f"loop: more than {MAX_WEBHOOKS} webhooks without reaching a human")
        response = self.hooks.post(url, self.params(**extra))
        where = urlsplit(url).path
        if response.status_code != 200:
            raise CallEnded("broken", f"application error: HTTP {response.status_code} from {where}")
        try:
            return tw.parse(response.content).verbs
        except tw.TwimlError as exc:
            raise CallEnded("broken", f"broken TwiML from {where}: {exc}") from None

    def status(self, status: str) -> None:
        self.sequence += 1
        self.t.webhooks += 1
        response = self.hooks.post(self.hooks.url("/twilio/status"), self.params(
            CallStatus=status, SequenceNumber=str(self.sequence), CallDuration="60",
            Timestamp=formatdate(usegmt=True)))
        if response.status_code != 200:
            raise CallEnded("broken", f"application error: HTTP {response.status_code} from /twilio/status")

    # -- verbs ------------------------------------------------------------------------------------
    def execute(self, url: str, verbs: list) -> tuple[str, list]:
        """Run a document until a verb fetches the next one; the end of a document ends the call."""
        for verb in verbs:
            if isinstance(verb, (tw.Say, tw.Play, tw.Pause)):
                self.hear(verb)
            elif isinstance(verb, tw.Gather):
                answered = self.gather(url, verb, on_hold=False)
                if answered:
                    return answered
            elif isinstance(verb, tw.Redirect):
                return verb.url, self.fetch(verb.url, {})
            elif isinstance(verb, tw.Enqueue):
                return self.enqueue(url, verb)
            elif isinstance(verb, tw.Dial):
                self.note(f"ringing {', '.join(verb.numbers)}")
                raise CallEnded("dialled", f"dialled {', '.join(verb.numbers)}")
            elif isinstance(verb, tw.Record):
                return self.record(url, verb)
            elif isinstance(verb, tw.Hangup):
                self.end_by_hotline()
        self.end_by_hotline()

    def hear(self, verb) -> None:
        if isinstance(verb, tw.Say):
            voice = ", ".join(part for part in (verb.voice, verb.language) if part)
            line = f"[{voice}] {verb.text}" if voice else verb.text
        elif isinstance(verb, tw.Play):
            line = f"[play] {verb.url}"
        else:
            return
        self.t.heard.append(line)
        self.t.log.append(f"heard {line}")

    def note(self, text: str) -> None:
        self.t.log.append(text)

    def gather(self, url: str, verb: tw.Gather, *, on_hold: bool) -> tuple[str, list] | None:
        """Read the prompts, answer; None when Twilio falls through to the next verb."""
        for prompt in verb.prompts:
            self.hear(prompt)
        answer = self.inputs.next(on_hold=on_hold)
        action = verb.action or url
        where = "on hold" if on_hold else f"at {_node(action)}"
        fields = _gather_fields(verb, answer)
        described = answer.describe() if fields or answer.silent else f"{answer.describe()} (not heard: silence)"
        self.t.inputs.append(f"{where}: {described}")
        self.t.log.append(f"{where}: {described}")
        if not fields and not verb.action_on_empty_result:
            return None
        return action, self.fetch(action, fields or {"Digits": ""})

    def record(self, url: str, verb: tw.Record) -> tuple[str, list]:
        self.note("left a voicemail")
        self.reached = ("voicemail", "voicemail recorded; the hotline calls back")
        action = verb.action or url
        recording = f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT_SID}/Recordings/RE{self.t.call_sid[2:]}"
        return action, self.fetch(action, {"RecordingUrl": recording, "RecordingDuration": "12", "Digits": "hangup"})

    def end_by_hotline(self) -> None:
        self.status("completed")
        if self.reached:
            raise CallEnded(*self.reached)
        raise CallEnded("hung up", "hung up by the hotline without reaching a human")

    # -- the queue --------------------------------------------------------------------------------
    def enqueue(self, url: str, verb: tw.Enqueue) -> tuple[str, list]:
        """On hold: poll waitUrl, then stay waiting, hang up (abandoned), or follow the hotline out of the queue."""
        queue_time, result = 0, None
        for _ in range(self.hold_polls):
            result, spent = self.hold_once(verb, queue_time)
            queue_time += spent
            if result:
                break
        if result == "leave":
            self.reached = ("callback", f"{self.queued(verb)}; left the queue with a call back promised")
            action = verb.action or url
            return action, self.fetch(action, {"QueueResult": "leave", "QueueTime": str(queue_time)})
        if result == "hangup":
            self.status("completed")
            raise CallEnded("hung up", f"{self.queued(verb)}; then the hotline hung up on hold")
        where = self.queued(verb)
        if self.hang_up:
            if verb.action:
                self.fetch(verb.action, {"QueueResult": "hangup", "QueueTime": str(queue_time)})
            self.status("completed")
            raise CallEnded("abandoned", f"{where}; then hung up while waiting (abandoned)")
        raise CallEnded("queued", where)

    def hold_once(self, verb: tw.Enqueue, queue_time: int) -> tuple[str | None, int]:
        """One waitUrl document, with any keys pressed on hold; returns ('leave'|'hangup'|None, seconds)."""
        if not verb.wait_url:
            return None, 30
        urgency, position, size = self.lookup()
        url = verb.wait_url
        verbs = self.fetch(url, {"QueuePosition": str(position), "QueueTime": str(queue_time),
                                 "CurrentQueueSize": str(size), "AvgQueueTime": "60", "QueueSid": "QU" + "0" * 32})
        spent = 0
        while True:
            outcome, seconds, follow = self.hold_document(url, verbs, verb.wait_url)
            spent += seconds
            if follow is None:
                return outcome, spent
            url, verbs = follow

    def hold_document(self, url: str, verbs: list, wait_url: str) -> tuple[str | None, int, tuple[str, list] | None]:
        seconds = 0
        for verb in verbs:
            if isinstance(verb, (tw.Say, tw.Play, tw.Pause)):
                self.hear(verb)
                seconds += verb.length if isinstance(verb, tw.Pause) else 3
            elif isinstance(verb, tw.Gather):
                seconds += verb.timeout
                answered = self.gather(url, verb, on_hold=True)
                if answered:
                    return None, seconds, answered
            elif isinstance(verb, tw.Leave):
                return "leave", seconds, None
            elif isinstance(verb, tw.Hangup):
                return "hangup", seconds, None
            elif isinstance(verb, tw.Redirect):
                if urlsplit(verb.url).path == urlsplit(wait_url).path:
                    return None, seconds, None  # back to the waitUrl: the next poll
                return None, seconds, (verb.url, self.fetch(verb.url, {}))
            else:
                raise CallEnded("broken", f"broken TwiML on hold: <{type(verb).__name__}> in a waitUrl document")
        return None, seconds, None

    def lookup(self) -> tuple[str | None, int, int]:
        found = self.queue_lookup(self.t.call_sid) if self.queue_lookup else None
        return found or (None, 1, 1)

    def queued(self, verb: tw.Enqueue) -> str:
        found = self.queue_lookup(self.t.call_sid) if self.queue_lookup else None
        where = f"queued on line {self.t.line} ({verb.queue})"
        if found:
            urgency, position, size = found
            where += f", urgency {urgency or 'not yet set'}, position {position} of {size}"
        return where


def _node(url: str) -> str:
    parts = urlsplit(url)
    node = parse_qs(parts.query).get("node", [""])[0]
    return node or parts.path


def _gather_fields(verb: tw.Gather, answer: Input) -> dict[str, str]:
    """What Twilio posts for an answer: keys up to numDigits (the finish key ends input), or recognised words."""
    if answer.speech:
        return {"SpeechResult": answer.speech, "Confidence": "0.87"} if verb.speech else {}
    digits = answer.digits
    if verb.finish_on_key and verb.finish_on_key in digits:
        digits = digits[:digits.index(verb.finish_on_key)]
    if verb.num_digits:
        digits = digits[:verb.num_digits]
    return {"Digits": digits} if digits else {}


def new_call_sid(rng: random.Random) -> str:
    return "CA" + "".join(rng.choice("0123456789abcdef") for _ in range(32))


def new_caller(rng: random.Random) -> str:
    return "+992" + "".join(rng.choice("0123456789") for _ in range(9))


def simulate_call(http_client: httpx.Client, *, base_url: str, token: str, line: str = "123",
                  digits: str | list | None = None, random_seed: int | None = None, hold: int = 1,
                  hang_up: bool = False, caller: str | None = None, call_sid: str | None = None,
                  target_url: str | None = None, queue_lookup: QueueLookup | None = None) -> CallTranscript:
    """Place one call: `digits` is a script (`"2,3,1"`, `s` silence, `say:text`); `random_seed` a random caller."""
    rng = random.Random(random_seed)
    inputs = RandomCaller(rng) if random_seed is not None else Script(digits)
    transcript = CallTranscript(call_sid=call_sid or new_call_sid(rng if random_seed is not None else random.Random()),
                                line=str(line), caller=caller or new_caller(rng))
    hooks = Webhooks(http_client, public_base=base_url, token=token, target_base=target_url)
    return Call(hooks, transcript, inputs, hold_polls=hold, hang_up=hang_up, queue_lookup=queue_lookup).run()
