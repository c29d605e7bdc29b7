"""The shipped menus are the contract of DESIGN.md: digits, values, urgencies, and a text in every language."""

import re
from pathlib import Path

import pytest
import yaml

from hotline.ivr import engine
from hotline.ivr.check import ENGINE_PROMPTS, check_flows
from hotline.ivr.flows import REGION_DIGITS, TERMINAL_TYPES, load_flows

FLOWS_DIR = Path(__file__).resolve().parents[2] / "ivr_flows"
LANGUAGES = ("tg", "ru", "uz", "fa", "en")
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
CYRILLIC = re.compile(r"[А-Яа-яЁёҒғӢӣҚқӮӯҲҳҶҷ]")
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture(scope="module")
def flows():
    return load_flows(FLOWS_DIR)


def _texts(flow_set):
    for flow in flow_set.flows.values():
        for prompt_id, texts in flow.prompts.items():
            yield flow, prompt_id, texts


def _has_digit(text: str, digit: str) -> bool:
    return digit in text or PERSIAN_DIGITS[int(digit)] in text


def test_shipped_flows_pass_the_check_without_faults():
    report = check_flows(FLOWS_DIR)
    assert report.faults == []
    assert report.files == ["123.yaml", "1480.yaml"]


def test_every_prompt_has_all_five_languages(flows):
    for flow, prompt_id, texts in _texts(flows):
        assert flow.languages == LANGUAGES
        assert {code for code, text in texts.items() if text.strip()} == set(LANGUAGES), (flow.file, prompt_id)


def test_common_yaml_holds_exactly_the_engine_prompts():
    common = yaml.safe_load((FLOWS_DIR / "common.yaml").read_text(encoding="utf-8"))
    assert set(common) == {"prompts"}
    assert set(common["prompts"]) == set(ENGINE_PROMPTS)
    assert all("{position}" in text for text in common["prompts"]["hold_position"].values())


def test_each_language_is_written_in_its_own_script(flows):
    for flow, prompt_id, texts in _texts(flows):
        assert CYRILLIC.search(texts["tg"]) and CYRILLIC.search(texts["ru"]), prompt_id
        assert ARABIC_SCRIPT.search(texts["fa"]) and not re.search(r"[0-9]", texts["fa"].replace("{position}", "")), prompt_id
        assert not CYRILLIC.search(texts["uz"]) and not re.search(r"[oOgG]['`’]", texts["uz"]), prompt_id


@pytest.mark.parametrize("line", ["123", "1480"])
def test_language_menu(flows, line):
    flow = flows.for_line(line)
    node = flow.node(flow.start)
    assert node.type == "language"
    assert node.languages == {"1": "tg", "2": "ru", "3": "uz", "4": "fa", "5": "en"}
    assert node.default == "tg"
    for digit, code in node.languages.items():
        assert _has_digit(flow.prompts[node.prompt][code], digit), code


@pytest.mark.parametrize("line, skill", [("123", "emergency"), ("1480", "counseling")])
def test_every_path_ends_in_the_lines_queue(flows, line, skill):
    flow = flows.for_line(line)
    assert flow.node(flow.counselor).type == "queue"
    terminals = [node for node in flow.nodes.values() if node.type in TERMINAL_TYPES]
    assert terminals and {(node.type, node.skill) for node in terminals} == {("queue", skill)}


def _topic(flow):
    return next(node for node in flow.nodes.values() if node.type == "menu" and node.answer == "topic")


def test_123_topics(flows):
    options = _topic(flows.for_line("123")).options
    assert {d: (c.value, c.urgency, c.category) for d, c in options.items()} == {
        "1": ("danger", "critical", None),
        "2": ("child", "high", "child_abuse"),
        "3": ("violence", "high", "domestic_violence"),
        "4": ("suicide", "high", "suicide_self_harm"),
        "5": ("elder_disability", None, "elder"),
        "6": ("other", None, None),
    }


def test_1480_topics(flows):
    options = _topic(flows.for_line("1480")).options
    assert {d: (c.value, c.urgency, c.category) for d, c in options.items()} == {
        "1": ("suicide", "high", "suicide_self_harm"),
        "2": ("stress", None, "mental_health"),
        "3": ("family", None, "family_relationships"),
        "4": ("disability", None, "disability"),
        "5": ("other", None, None),
    }


@pytest.mark.parametrize("line", ["123", "1480"])
def test_every_menu_prompt_names_each_of_its_digits_in_every_language(flows, line):
    flow = flows.for_line(line)
    for node in flow.nodes.values():
        digits = {"menu": list(node.options), "region": list(REGION_DIGITS), "yesno": ["1", "2"]}.get(node.type, [])
        for code in LANGUAGES:
            missing = [d for d in digits if not _has_digit(flow.prompts[node.prompt][code], d)]
            assert not missing, (node.id, code, missing)


def test_123_danger_goes_straight_to_a_counselor(flows):
    flow = flows.for_line("123")
    node = flow.node(_topic(flow).options["1"].next)
    while node.type not in TERMINAL_TYPES:
        assert node.type in ("speech", "message"), f"danger path asks {node.id}"
        node = flow.node(node.next)
    assert node.type == "queue"


def test_123_screening_order_for_child_and_violence(flows):
    flow = flows.for_line("123")
    topic = _topic(flow)
    assert topic.options["2"].next == topic.options["3"].next == "someone_hurt"
    asked, node = [], flow.node("someone_hurt")
    while node.type == "yesno":
        asked.append(node.answer)
        assert node.yes.urgency == "critical"
        assert flow.node(node.yes.next).type in TERMINAL_TYPES + ("region",)
        node = flow.node(node.no.next)
    assert asked == ["someone_hurt", "aggressor_present", "weapon"]
    assert node.type == "region"


@pytest.mark.parametrize("line", ["123", "1480"])
def test_suicide_screening_is_the_asq_acuity_question(flows, line):
    flow = flows.for_line(line)
    suicide = next(c for c in _topic(flow).options.values() if c.value == "suicide")
    node = flow.node(suicide.next)
    assert (node.type, node.answer, node.silence_counts_as_yes) == ("yesno", "suicide_now", True)
    assert node.yes.urgency == "critical"
    assert flow.node(node.no.next).type == "region"


@pytest.mark.parametrize("line", ["123", "1480"])
def test_region_menu_leads_to_a_queue(flows, line):
    flow = flows.for_line(line)
    regions = [node for node in flow.nodes.values() if node.type == "region"]
    assert len(regions) == 1 and flow.node(regions[0].next).type == "queue"
    assert REGION_DIGITS == {"1": "dushanbe", "2": "sughd", "3": "khatlon", "4": "gbao", "5": "drs"}


def _walk(flow_set, line, keys):
    """Press `keys` one gather at a time through the engine, as a caller would."""
    flow, speech = flow_set.for_line(line), {c: l.speech_language for c, l in flow_set.languages.items()}
    step, answers, urgency = engine.start(flow, speech), {}, None
    for key in keys:
        step = engine.advance(flow, step.gather.position, key, "", speech)
        answers.update(step.answers)
        urgency = step.urgency or urgency
    return step, answers, urgency


def test_a_tajik_child_caller_with_someone_hurt_reaches_a_counselor_as_critical(flows):
    step, answers, urgency = _walk(flows, "123", ["1", "2", "1"])
    assert step.terminal and step.terminal.node.skill == "emergency"
    assert answers == {"topic": "child", "someone_hurt": "yes"} and urgency == "critical"


def test_a_silent_caller_on_the_suicide_question_is_treated_as_yes(flows):
    step, answers, urgency = _walk(flows, "1480", ["5", "1", "", ""])
    assert step.terminal and answers["suicide_now"] == "silent" and urgency == "critical"
