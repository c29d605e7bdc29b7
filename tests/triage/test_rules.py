"""The TRIAGE.md rules one by one, each with the reason that must explain it."""

from datetime import datetime, timedelta, timezone

import pytest

from hotline.triage import CATEGORIES, URGENCIES, PriorCall, classify, max_urgency, urgency_from_answers

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


def test_scale_and_categories_are_the_contract():
    assert URGENCIES == ("low", "medium", "high", "critical")
    assert len(CATEGORIES) == 12 and "suicide_self_harm" in CATEGORIES and "child_without_care" in CATEGORIES


def test_max_urgency_takes_the_highest_and_ignores_none():
    assert max_urgency("low", None, "high", "medium") == "high"
    assert max_urgency(None, None) is None


def test_danger_now_yes_is_critical_whatever_else():
    result = classify(answers={"topic": "family", "danger_now": "yes"}, text="просто вопрос про документы?")
    assert result.urgency == "critical"
    assert any("danger_now=yes" in r and "critical" in r for r in result.reasons)


@pytest.mark.parametrize("value", ["yes", "silent"])
def test_suicide_screening_yes_or_refused_is_critical(value):
    result = classify(answers={"topic": "stress", "suicide_now": value})
    assert result.urgency == "critical"
    assert any(f"suicide_now={value}" in r for r in result.reasons)
    assert result.category == "mental_health"


def test_suicide_screening_no_keeps_topic_floor():
    assert classify(answers={"topic": "suicide", "suicide_now": "no"}).urgency == "high"


@pytest.mark.parametrize("key", ["weapon", "aggressor_present", "someone_hurt"])
def test_violence_screening_yes_is_critical(key):
    urgency, category, reasons = urgency_from_answers({"topic": "violence", key: "yes"})
    assert (urgency, category) == ("critical", "domestic_violence")
    assert any(f"{key}=yes" in r for r in reasons)


@pytest.mark.parametrize(
    ("topic", "urgency", "category"),
    [("suicide", "high", "suicide_self_harm"), ("child", "high", "child_abuse"), ("violence", "high", "domestic_violence"),
     ("danger", "critical", None), ("stress", "medium", "mental_health"), ("family", "medium", "family_relationships"),
     ("disability", "medium", "disability"), ("elder_disability", "medium", "elder"), ("other", None, None)],
)
def test_topic_alone(topic, urgency, category):
    got = urgency_from_answers({"topic": topic})
    assert got[:2] == (urgency, category)
    assert bool(got[2]) == (urgency is not None)


def test_danger_topic_without_text_is_critical_information():
    result = classify(answers={"topic": "danger"}, line="123")
    assert (result.urgency, result.category) == ("critical", "information")


def test_danger_topic_takes_category_from_text():
    result = classify(answers={"topic": "danger"}, text="отчим бьёт сына ремнём")
    assert (result.urgency, result.category) == ("critical", "child_abuse")


def test_elder_disability_topic_uses_text_for_disability():
    assert classify(answers={"topic": "elder_disability"}, text="нужна коляска для инвалида").category == "disability"
    assert classify(answers={"topic": "elder_disability"}).category == "elder"


def test_silent_caller_is_at_least_medium():
    result = classify(answers={"silent": "yes"})
    assert result.urgency == "medium"
    assert any("silent" in r for r in result.reasons)


def test_no_answers_and_no_text_is_at_least_medium():
    result = classify()
    assert result.urgency == "medium"
    assert any("silence is not safety" in r for r in result.reasons)


def test_unknown_keys_and_values_are_ignored():
    result = classify(answers={"topic": "weather", "colour": "blue", "region": "gbao", "danger_now": "maybe"}, text="")
    assert result.urgency == "medium"


def test_repeat_caller_within_24h_of_critical_is_at_least_high():
    history = [PriorCall(created_at=NOW - timedelta(hours=23), urgency="critical")]
    result = classify(text="хотела узнать часы работы?", history=history, now=NOW)
    assert result.urgency == "high"
    assert "rule: repeat caller within 24 h of a critical call → at least high" in result.reasons


def test_repeat_caller_after_24h_or_after_low_call_is_not_raised():
    old = [PriorCall(created_at=NOW - timedelta(hours=25), urgency="critical")]
    low = [PriorCall(created_at=NOW - timedelta(hours=1), urgency="low")]
    assert classify(text="хотела узнать часы работы?", history=old, now=NOW).urgency == "low"
    assert classify(text="хотела узнать часы работы?", history=low, now=NOW).urgency == "low"


def test_highest_signal_wins_between_answers_and_text():
    result = classify(answers={"topic": "stress"}, text="выпила все таблетки, прощайте")
    assert (result.urgency, result.category) == ("critical", "suicide_self_harm")


def test_result_is_well_formed():
    result = classify(text="муж бьёт меня")
    assert result.urgency in URGENCIES and result.category in CATEGORIES
    assert 0.0 <= result.confidence <= 1.0 and result.reasons


def test_unrecognised_text_is_not_low():
    result = classify(text="qwerty zzz")
    assert result.urgency == "medium"
    assert "unsure" in result.reasons[0]
