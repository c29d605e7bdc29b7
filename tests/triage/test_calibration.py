"""The model's lifts are calibrated: thresholds chosen on held-out folds, real evidence only, and never a lift
above medium when the rules settled a plain question about the service as low."""

import json
from pathlib import Path

import pytest

from hotline.triage import classify, model, service
from hotline.triage.scale import URGENCIES, rank
from hotline.triage.text import analyse

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


def test_a_text_the_model_knows_nothing_about_is_never_lifted():
    """No known n-gram: the model's output is its intercepts alone, under the evidence floor by construction."""
    result = classify(text="zqxj wvkq")
    assert result.urgency == "medium"  # the rules: unsure, so medium rather than low
    assert not any(r.startswith("model: similar") for r in result.reasons)


def test_the_evidence_floor_is_above_the_no_evidence_output():
    floor, blank = service.MODEL.floor, model.cumulative(service.MODEL.urgency.probabilities({}))
    for level in URGENCIES[1:]:
        assert floor[level] > blank[level] or floor[level] == 1.0


def test_a_deliberate_no_risk_reading_is_overruled_only_on_more_than_even_odds():
    for level in URGENCIES[1:]:
        assert service.MODEL.floor_of("deescalated")[level] >= 0.5
        assert service.MODEL.floor_of("settled_low")[level] >= 0.5


@pytest.mark.parametrize("text", ["i tried suicide years ago, im fine now", "bolaligimda otam meni urardi, hozir yomon tushlar koraman"])
def test_a_risk_in_the_past_is_read_as_deescalated(text):
    assert service.rules_tier(analyse(text)) == "deescalated"


def test_when_the_rules_settled_low_the_model_never_asks_for_more_than_medium():
    rows = [json.loads(line) for line in (DATA / "train.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    settled = [row["text"] for row in rows if service.rules_tier(analyse(row["text"])) == "settled_low"]
    assert len(settled) > 20
    for text in settled:
        opinion = service.MODEL.opinion(text, tier="settled_low")
        assert rank(opinion.urgency) <= rank("medium")


def test_shipped_thresholds_are_the_cross_validated_ones():
    calibration = json.loads((DATA / "calibration.json").read_text(encoding="utf-8"))
    shipped = json.loads((DATA / "model.json").read_text(encoding="utf-8"))
    assert shipped["thresholds"] == calibration["thresholds"]
    assert set(calibration["thresholds"]) == set(model.TIERS)
    assert calibration["calibration_rows"] >= 100
    for name in ("calibration", "all"):
        assert {"rules", "rules_and_model"} <= set(calibration["out_of_fold"][name])


def test_lift_reasons_name_the_threshold():
    both = classify(text="he choked me last night until i blacked out. he is asleep in the next room now, i'm scared to move")
    lift = [r for r in both.reasons if r.startswith("model: similar")]
    assert lift and "cross-validated threshold" in lift[0]


def test_choose_threshold_takes_the_highest_that_reaches_the_recall_target():
    train = pytest.importorskip("hotline.triage.train")
    # (P(critical or above), rules' urgency, true urgency, evidence floor)
    cases = [(0.9, "high", "critical", 0.1), (0.6, "high", "critical", 0.1), (0.4, "high", "high", 0.1),
             (0.2, "medium", "medium", 0.1), (0.95, "critical", "critical", 0.1)]
    assert train.choose_threshold("critical", cases) == pytest.approx(0.575)  # catches 0.6, skips 0.4


def test_choose_threshold_falls_back_to_the_least_cost_when_the_target_is_out_of_reach():
    train = pytest.importorskip("hotline.triage.train")
    # The only missed critical has no evidence at all: no threshold reaches it, so none lifts needlessly.
    cases = [(0.05, "high", "critical", 0.1), (0.5, "high", "high", 0.1), (0.3, "medium", "medium", 0.1)]
    assert train.choose_threshold("critical", cases) == 1.0


def test_choose_threshold_never_lifts_when_nothing_is_missed():
    train = pytest.importorskip("hotline.triage.train")
    cases = [(0.7, "critical", "critical", 0.1), (0.6, "high", "high", 0.1)]
    assert train.choose_threshold("critical", cases) == 1.0
