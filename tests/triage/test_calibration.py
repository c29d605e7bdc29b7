"""The model's reading is calibrated: thresholds chosen on held-out folds within the under-triage and critical
recall targets; plain questions stay low; the rules' critical always stands."""

import json
from pathlib import Path

import pytest

from hotline.triage import classify, model, service
from hotline.triage.text import TextVerdict, analyse

DATA = Path(model.__file__).resolve().parent / "data"

# Plain questions about the service: opening hours, consultations, appointments, fees, addresses.
INFORMATION = [
    ("tg", "ман мехоҳам бидонам соатҳои корӣ"),
    ("tg", "мехостам бифаҳмам шумо аз соати чанд то чанд кор мекунед"),
    ("tg", "реҷаи кори маркази шумо чӣ гуна аст"),
    ("tg", "оё машварати психолог ройгон аст?"),
    ("tg", "як савол дорам, рӯзи якшанбе кор мекунед?"),
    ("tg", "vaqti kori shumo kai ast"),
    ("ru", "я хочу узнать часы работы"),
    ("ru", "хотела спросить консультация психолога платная или бесплатная"),
    ("ru", "у меня вопрос какой у вас режим работы"),
    ("ru", "до скольки вы работаете в субботу"),
    ("uz", "ish vaqtingizni bilmoqchi edim"),
    ("uz", "soat nechagacha ishlaysizlar"),
    ("uz", "maslahat olish bepulmi"),
    ("uz", "сизларнинг иш вақтингиз қандай"),
    ("uz", "bir savolim bor edi dam olish kunlari ishlaysizmi"),
    ("fa", "میخواستم بدونم ساعت کاریتون چنده"),
    ("fa", "تا چه ساعتی باز هستید"),
    ("fa", "برای مشاوره چطوری نوبت بگیرم"),
    ("en", "i want to know your working hours"),
    ("en", "is the consultation free?"),
    ("en", "how can i book an appointment with a lawyer"),
    ("en", "quick question, are you open on sundays"),
]

# Danger now in new words: strangling, hiding, heights, medicines swallowed, a child alone for days.
DANGER_NOW = [
    ("ru", "он душит меня, я еле вырвалась и закрылась в туалете"),
    ("ru", "сижу на подоконнике девятого этажа, решила что всё"),
    ("ru", "ребёнок один дома третий день, соседи слышат плач"),
    ("uz", "erim meni bo'g'yapti, hozir yordam bering"),
    ("uz", "ўзимни осмоқчиман, арқон тайёр"),
    ("fa", "میخوام خودمو از پل پرت کنم"),
    ("en", "he is choking me, i locked myself in the bathroom"),
    ("en", "i swallowed all my antidepressants"),
]


@pytest.mark.parametrize(("language", "text"), INFORMATION)
def test_plain_information_requests_are_low_information(language, text):
    result = classify(text=text, language=language)
    assert (result.urgency, result.category) == ("low", "information"), result.reasons
    assert not any(r.startswith("model: similar") for r in result.reasons)
    assert "low (question or follow-up)" in result.reasons[0]


@pytest.mark.parametrize(("language", "text"), DANGER_NOW)
def test_danger_now_in_new_words_is_critical_by_the_rules_alone(language, text):
    assert classify(text=text, language=language, use_model=False).urgency == "critical"


def test_a_plain_question_with_a_danger_screening_yes_is_still_critical():
    result = classify(text="ман мехоҳам бидонам соатҳои корӣ", answers={"danger_now": "yes"})
    assert result.urgency == "critical"


def test_a_question_that_names_a_danger_is_not_settled_low():
    assert classify(text="хочу узнать часы работы, муж бьёт меня прямо сейчас").urgency == "critical"


def test_a_text_the_model_knows_nothing_about_is_left_to_the_rules():
    result = classify(text="ꙮꙮꙮ ꙮꙮ")
    assert service.MODEL.opinion("ꙮꙮꙮ ꙮꙮ") is None
    assert result.urgency == "medium"  # the rules: unsure, so medium rather than low
    assert not any(r.startswith("model:") for r in result.reasons)


def test_the_rules_critical_always_stands():
    """Rows of every source on which the rules alone say critical stay critical with the model."""
    rows = [json.loads(line) for line in (DATA / "train.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    flagged = [row["text"] for row in rows[::5] if analyse(row["text"]).urgency == "critical"]
    assert len(flagged) > 50
    assert all(classify(text=text).urgency == "critical" for text in flagged)


def test_shipped_thresholds_are_the_cross_validated_ones():
    train = pytest.importorskip("hotline.triage.train")
    calibration = json.loads((DATA / "calibration.json").read_text(encoding="utf-8"))
    shipped = json.loads((DATA / "model.json").read_text(encoding="utf-8"))
    assert shipped["thresholds"] == calibration["thresholds"]
    assert set(calibration["thresholds"]) == set(train.GRID)
    assert calibration["calibration_rows"] >= 1000
    assert {"rules", "model_most_likely", "rules_and_model"} <= set(calibration["out_of_fold"])
    held_out = calibration["out_of_fold"]["rules_and_model"]
    assert held_out["under"] <= train.UNDER_MAX and held_out["critical_recall"] >= train.CRITICAL_MIN


def test_lift_reasons_name_the_threshold():
    """On callers it never saw (a held-out set), where the model is less sure, some levels come from a threshold."""
    held_out = Path(__file__).resolve().parent / "data" / "blind_h.jsonl"
    rows = [json.loads(line) for line in held_out.read_text(encoding="utf-8").splitlines() if line.strip()]
    lifts = [r for row in rows for r in classify(text=row["text"]).reasons if r.startswith("model: similar")]
    assert lifts and all("cross-validated threshold" in r and "→ at least" in r for r in lifts)


def _case(p_critical, p_high, p_medium, rules, truth):
    probs = {"critical": p_critical, "high": p_high, "medium": p_medium, "low": 1 - p_critical - p_high - p_medium}
    return probs, TextVerdict(rules, None, [], 0.5), truth


def test_choose_thresholds_keeps_every_critical_within_the_targets():
    train = pytest.importorskip("hotline.triage.train")
    # One critical the model thinks unlikely (0.12) and no rule flags: only a critical threshold under 0.12 finds it.
    cases = [_case(0.12, 0.3, 0.4, None, "critical")] + [_case(0.9, 0.05, 0.05, None, "critical")] * 9 \
        + [_case(0.02, 0.1, 0.8, "medium", "medium")] * 30 + [_case(0.01, 0.8, 0.1, "high", "high")] * 30
    chosen = train.choose_thresholds(cases)
    assert chosen["critical"] < 0.12


def test_choose_thresholds_prefers_accuracy_when_every_target_is_met():
    train = pytest.importorskip("hotline.triage.train")
    # Medium calls the model reads as medium (0.6) but with P(high or above) 0.35: a high threshold under 0.35
    # would make them all high for nothing, so the chosen one is above it.
    cases = [_case(0.9, 0.05, 0.05, None, "critical")] * 10 + [_case(0.05, 0.3, 0.6, None, "medium")] * 30 \
        + [_case(0.05, 0.8, 0.1, None, "high")] * 30
    assert train.choose_thresholds(cases)["high"] >= 0.4


def test_choose_thresholds_falls_back_to_the_least_cost_when_no_threshold_meets_the_targets():
    train = pytest.importorskip("hotline.triage.train")
    # A critical the model gives 0.01, under every threshold of the grid: no choice reaches the recall target, so
    # the cheapest one wins, and that one does not make every medium call critical for nothing.
    cases = [_case(0.01, 0.1, 0.1, None, "critical")] + [_case(0.1, 0.1, 0.7, None, "medium")] * 10
    assert train.choose_thresholds(cases)["critical"] >= 0.1
