"""The engine as pure functions over the shipped flows: where each key, silence or 0 leads."""

from pathlib import Path

import pytest

from hotline.ivr import engine
from hotline.ivr.engine import Position
from hotline.ivr.flows import load_flows

FLOWS = load_flows(Path(__file__).resolve().parents[2] / "ivr_flows")
SPEECH = {code: lang.speech_language for code, lang in FLOWS.languages.items()}


def walk(line: str, *inputs: str):
    """Answer each gather in turn; an input starting with 'say:' is speech."""
    flow = FLOWS.for_line(line)
    step = engine.start(flow, SPEECH)
    answers = {}
    for value in inputs:
        assert step.gather is not None, f"the call ended before input {value!r}"
        speech = value[4:] if value.startswith("say:") else ""
        digits = "" if speech else value
        step = engine.advance(flow, step.gather.position, digits, speech, SPEECH)
        answers.update(step.answers)
    return step, answers


def test_language_menu_plays_every_language_then_waits_for_a_key():
    step = engine.start(FLOWS.for_line("123"), SPEECH)
    assert [p.language for p in step.prompts] == ["tg", "ru", "uz", "fa", "en"]
    assert step.gather.position.node == "language"


@pytest.mark.parametrize("digit, language", [("1", "tg"), ("2", "ru"), ("3", "uz"), ("4", "fa"), ("5", "en")])
def test_each_language_key_sets_the_language(digit, language):
    step, _ = walk("123", digit)
    assert step.language == language and step.gather.position.language == language


def test_danger_is_critical_and_goes_straight_to_a_counselor():
    step, answers = walk("123", "2", "1", "say:he has a knife")
    assert step.terminal.node.type == "queue"
    assert answers == {"topic": "danger", "description": "he has a knife"}


def test_danger_in_tajik_skips_the_speech_question():
    flow = FLOWS.for_line("123")
    step = engine.advance(flow, Position("123", "topic", "tg"), "1", "", SPEECH)
    assert step.urgency == "critical" and step.terminal is not None


def test_a_yes_to_someone_hurt_is_critical():
    flow = FLOWS.for_line("123")
    step = engine.advance(flow, Position("123", "someone_hurt", "ru"), "1", "", SPEECH)
    assert step.urgency == "critical" and step.answers == {"someone_hurt": "yes"}


def test_two_invalid_keys_reprompt_and_the_third_goes_to_a_counselor():
    flow = FLOWS.for_line("1480")
    position = Position("1480", "topic", "en")
    first = engine.advance(flow, position, "9", "", SPEECH)
    assert first.prompts[0].id == "invalid_input" and first.gather.position.invalid == 1
    second = engine.advance(flow, first.gather.position, "7", "", SPEECH)
    assert second.gather.position.invalid == 2
    third = engine.advance(flow, second.gather.position, "8", "", SPEECH)
    assert third.terminal.node.id == flow.counselor and third.outcome == "invalid"


def test_silence_reprompts_once_then_a_counselor_marked_silent():
    flow = FLOWS.for_line("123")
    first = engine.advance(flow, Position("123", "topic", "ru"), "", "", SPEECH)
    assert first.prompts[0].id == "no_input" and first.gather.position.silence == 1
    second = engine.advance(flow, first.gather.position, "", "", SPEECH)
    assert second.terminal.node.id == flow.counselor and second.answers == {"silent": "yes"}


def test_silence_on_the_suicide_question_counts_as_yes():
    flow = FLOWS.for_line("1480")
    first = engine.advance(flow, Position("1480", "suicide_now", "ru"), "", "", SPEECH)
    second = engine.advance(flow, first.gather.position, "", "", SPEECH)
    assert second.answers == {"suicide_now": "silent"} and second.urgency == "critical"


@pytest.mark.parametrize("line", ["123", "1480"])
def test_zero_on_every_gather_goes_to_a_counselor(line):
    flow = FLOWS.for_line(line)
    for node in flow.nodes.values():
        if node.type in ("language", "menu", "yesno", "region", "speech"):
            step = engine.advance(flow, Position(line, node.id, "ru"), "0", "", SPEECH)
            assert step.terminal.node.id == flow.counselor, node.id
            assert step.answers == {"counselor_requested": "yes"}
