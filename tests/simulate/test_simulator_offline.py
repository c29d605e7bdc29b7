"""The simulator on its own: TwiML reading, scripts, signing and the command's errors, against fake hotlines."""

import socket
from urllib.parse import parse_qsl

import httpx
import pytest
from twilio.request_validator import RequestValidator

from hotline.cli import ArgumentParser
from hotline.simulate import simulate_call
from hotline.simulate import twiml_reader as tw
from hotline.simulate.cli import register
from hotline.simulate.inputs import Input, parse_script

TOKEN = "offline-token"
PUBLIC = "https://hotline.example.org"

GATHER = """<?xml version="1.0" encoding="UTF-8"?><Response>
<Gather action="https://hotline.example.org/twilio/ivr?node=topic" input="dtmf speech" numDigits="1" timeout="6"
        actionOnEmptyResult="true"><Say voice="Polly.Tatyana" language="ru-RU">Нажмите 1.</Say>
<Play>https://hotline.example.org/audio/tg/topic</Play></Gather></Response>"""
QUEUE = """<Response><Say voice="Polly.Joanna" language="en-US">Connecting.</Say>
<Enqueue waitUrl="https://hotline.example.org/twilio/hold" action="https://hotline.example.org/twilio/queue-exit">hotline-123</Enqueue></Response>"""
HOLD = """<Response><Gather action="https://hotline.example.org/twilio/hold/input" numDigits="1" timeout="3">
<Say>You are number 1 in line.</Say></Gather><Pause length="8"/></Response>"""


def test_reads_every_verb_of_a_gather():
    (gather,) = tw.parse(GATHER).verbs
    assert gather.action.endswith("node=topic") and gather.speech and gather.num_digits == 1
    assert gather.action_on_empty_result and gather.timeout == 6
    assert gather.prompts == (tw.Say("Нажмите 1.", "Polly.Tatyana", "ru-RU"),
                              tw.Play("https://hotline.example.org/audio/tg/topic"))


@pytest.mark.parametrize("text, fault", [
    ("<Response><Sey>hi</Sey></Response>", "unknown verb <Sey>"),
    ("<Response><Say>hi</Response>", "not XML"),
    ("<Reply><Say>hi</Say></Reply>", "not <Response>"),
    ("<Response><Gather><Dial>1</Dial></Gather></Response>", "<Dial> inside <Gather>"),
    ("<Response><Dial><Number></Number></Dial></Response>", "no number"),
    ("<Response><Say></Say></Response>", "no text"),
    ("<Response><Pause length='long'/></Response>", "not a number"),
])
def test_twiml_twilio_would_reject_is_an_error(text, fault):
    with pytest.raises(tw.TwimlError, match=fault):
        tw.parse(text)


def test_script_items():
    assert parse_script("2, s,say:help me,#") == [Input("2"), Input(), Input(speech="help me"), Input("#")]
    with pytest.raises(ValueError):
        parse_script("2,x")


def fake_hotline(answers: dict[str, str | int], seen: list):
    """A hotline that answers by path and checks every signature against the public URL."""
    validator = RequestValidator(TOKEN)

    def handle(request: httpx.Request) -> httpx.Response:
        params = dict(parse_qsl(request.content.decode(), keep_blank_values=True))
        public = PUBLIC + request.url.raw_path.decode()
        assert request.url.host == "127.0.0.1"  # sent to --url ...
        assert validator.validate(public, params, request.headers["X-Twilio-Signature"])  # ... signed for public
        seen.append((request.url.path, params))
        answer = answers.get(request.url.path, "<Response/>")
        if isinstance(answer, int):
            return httpx.Response(answer)
        return httpx.Response(200, text=answer, headers={"Content-Type": "application/xml"})

    return httpx.Client(transport=httpx.MockTransport(handle))


def call(answers, seen=None, **options):
    with fake_hotline(answers, [] if seen is None else seen) as http:
        return simulate_call(http, base_url=PUBLIC, token=TOKEN, target_url="http://127.0.0.1:9", **options)


def test_follows_the_twiml_to_the_queue_and_holds():
    seen = []
    transcript = call({"/twilio/voice": GATHER, "/twilio/ivr": QUEUE, "/twilio/hold": HOLD}, seen,
                      digits="4", hold=2, hang_up=True)
    assert transcript.inputs == ["at topic: pressed 4", "on hold: stayed silent", "on hold: stayed silent"]
    assert transcript.heard[:2] == ["[Polly.Tatyana, ru-RU] Нажмите 1.", "[play] https://hotline.example.org/audio/tg/topic"]
    assert transcript.heard.count("You are number 1 in line.") == 2
    assert transcript.outcome == "abandoned" and transcript.with_a_human
    paths = [path for path, _ in seen]
    assert paths == ["/twilio/voice", "/twilio/ivr", "/twilio/hold", "/twilio/hold", "/twilio/queue-exit", "/twilio/status"]
    assert seen[1][1]["Digits"] == "4" and seen[4][1]["QueueResult"] == "hangup"
    assert seen[5][1]["CallStatus"] == "completed"


def test_silence_posts_empty_digits_and_speech_is_heard():
    seen = []
    call({"/twilio/voice": GATHER, "/twilio/ivr": QUEUE}, seen, digits="s")
    assert seen[1][1]["Digits"] == ""
    seen.clear()
    call({"/twilio/voice": GATHER, "/twilio/ivr": QUEUE}, seen, digits="say:мне страшно")
    assert seen[1][1]["SpeechResult"] == "мне страшно" and "Digits" not in seen[1][1]


@pytest.mark.parametrize("answer, ended", [
    ("<Response><Sey>hi</Sey></Response>", "broken TwiML from /twilio/ivr: unknown verb <Sey>"),
    (500, "application error: HTTP 500 from /twilio/ivr"),
    ("<Response><Say>Goodbye.</Say><Hangup/></Response>", "hung up by the hotline without reaching a human"),
    ("<Response><Redirect>https://hotline.example.org/twilio/voice</Redirect></Response>", "loop"),
])
def test_a_hotline_bug_is_the_calls_end(answer, ended):
    transcript = call({"/twilio/voice": GATHER, "/twilio/ivr": answer}, digits="1,1,1")
    assert transcript.ended.startswith(ended) and not transcript.with_a_human


def run_command(argv):
    parser = ArgumentParser(prog="hotline")
    register(parser.add_subparsers(dest="command", required=True, parser_class=ArgumentParser))
    args = parser.parse_args(["simulate", *argv])
    return args.func(args)


@pytest.mark.parametrize("argv", [["--line", "112"], ["--calls", "0"], ["--digits", "2,x"],
                                  ["--from", "992"], ["--digits", "1", "--random"], ["--hold", "-1"]])
def test_bad_options_are_one_line_and_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        run_command(argv)
    assert exit_.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_an_unreachable_hotline_is_one_line_and_exit_1(monkeypatch, capsys):
    from hotline.settings import get_settings

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("HOTLINE_ENV", "development")
    monkeypatch.setenv("HOTLINE_PUBLIC_BASE_URL", f"http://127.0.0.1:{port}")
    get_settings.cache_clear()
    try:
        assert run_command(["--digits", "1"]) == 1
    finally:
        get_settings.cache_clear()
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"hotline: cannot reach the hotline at http://127.0.0.1:{port}: ") and "\n" not in err
