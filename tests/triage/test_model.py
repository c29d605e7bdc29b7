"""The statistical reading: shipped, reproducible, never under the rules' critical or the answers, explained
(its speed: benchmarks/)."""

import json
from collections import Counter
from pathlib import Path

import pytest

from hotline.triage import classify, model, service
from hotline.triage.text import TextVerdict, analyse
from hotline.triage.scale import CATEGORIES, URGENCIES, rank

DATA = Path(model.__file__).resolve().parent / "data"
# A training row whose danger the text rules miss (strangled last night, the aggressor in the next room now).
INDIRECT_DANGER = "he choked me last night until i blacked out. he is asleep in the next room now, i'm scared to move"


def _rows() -> list[dict]:
    return [json.loads(line) for line in (DATA / "train.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def test_model_is_shipped_and_loaded():
    assert service.MODEL is not None
    assert set(service.MODEL.urgency.classes) == set(URGENCIES)
    assert set(service.MODEL.category.classes) == set(CATEGORIES)


def test_training_rows_never_include_a_test_set():
    tests = Path(__file__).resolve().parent / "data"
    held_out = {json.loads(line)["text"].strip().lower() for name in "bdefghij"
                for line in (tests / f"blind_{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not held_out & {row["text"].strip().lower() for row in _rows()}
    assert not {"blind_b", "blind_d", "blind_e", "blind_f", "blind_g", "blind_h", "blind_i", "blind_j"} & {row["source"] for row in _rows()}


def test_training_refuses_the_final_test_set():
    from hotline.triage.train import read_rows

    with pytest.raises(ValueError, match="blind_b"):
        read_rows("tests/triage/data/blind_b.jsonl")


THRESHOLDS = model.Thresholds(critical=0.2, high=0.4, medium=0.5, rules_trust=0.3)


def _rules(urgency, category=None, unsure=False):
    return TextVerdict(urgency, category, [], 0.5, unsure=unsure)


def test_decide_takes_the_most_likely_level_when_no_threshold_is_passed():
    probs = {"low": 0.1, "medium": 0.6, "high": 0.2, "critical": 0.1}
    assert model.decide(probs, THRESHOLDS, None).urgency == "medium"


def test_decide_raises_to_the_highest_level_whose_threshold_is_passed():
    probs = {"low": 0.1, "medium": 0.45, "high": 0.2, "critical": 0.25}
    decision = model.decide(probs, THRESHOLDS, None)
    assert (decision.urgency, decision.by, decision.threshold) == ("critical", "lift", 0.2)


def test_decide_keeps_the_rules_critical_whatever_the_model_says():
    probs = {"low": 0.9, "medium": 0.1, "high": 0.0, "critical": 0.0}
    assert model.decide(probs, THRESHOLDS, _rules("critical")).urgency == "critical"


def test_decide_keeps_the_rules_high_for_a_suicide_cue_whatever_the_model_says():
    probs = {"low": 0.1, "medium": 0.85, "high": 0.04, "critical": 0.01}
    assert model.decide(probs, THRESHOLDS, _rules("high", "suicide_self_harm")).urgency == "high"
    assert model.decide(probs, THRESHOLDS, _rules("high", "mental_health")).urgency == "medium"


def test_decide_leaves_a_text_with_no_known_phrase_at_medium_unless_sure_it_is_low():
    unsure_low = {"low": 0.65, "medium": 0.2, "high": 0.1, "critical": 0.05}
    sure_low = {"low": 0.9, "medium": 0.08, "high": 0.01, "critical": 0.01}
    assert model.decide(unsure_low, THRESHOLDS, _rules("medium", unsure=True)).urgency == "medium"
    assert model.decide(sure_low, THRESHOLDS, _rules("medium", unsure=True)).urgency == "low"


def test_decide_keeps_a_lower_rules_level_unless_the_model_finds_it_unlikely():
    plausible = {"low": 0.1, "medium": 0.55, "high": 0.3, "critical": 0.05}  # P(high or above) 0.35 >= trust 0.3
    unlikely = {"low": 0.2, "medium": 0.7, "high": 0.08, "critical": 0.02}  # 0.10
    assert model.decide(plausible, THRESHOLDS, _rules("high")).urgency == "high"
    assert model.decide(unlikely, THRESHOLDS, _rules("high")).urgency == "medium"


def test_char_ngrams_match_scikit_learn_char_wb():
    text = pytest.importorskip("sklearn.feature_extraction.text")
    analyzer = text.TfidfVectorizer(analyzer="char_wb", ngram_range=model.NGRAMS).build_analyzer()
    for sample in ("муж бьёт меня", "a bb ccc", "پسرم فلج مغزیه", "otam meni urardi"):
        assert model.char_ngrams(sample) == Counter(analyzer(sample))


def test_model_raises_an_indirect_danger_and_says_why():
    rules = classify(text=INDIRECT_DANGER, use_model=False)
    both = classify(text=INDIRECT_DANGER)
    assert (rules.urgency, both.urgency) == ("high", "critical")
    assert any(r.startswith("model: most like calls labelled critical") for r in both.reasons)


def test_the_model_may_lower_a_rules_level_it_finds_unlikely_and_says_so():
    text = "одна ращу дочь с тяжёлым ДЦП, не сплю годами, плачу по ночам, помощи ни от кого"  # caregiver strain
    result = classify(text=text)
    assert rank(result.urgency) < rank(analyse(text).urgency)
    assert any(r.startswith("model: the rules'") and "is unlikely here" in r for r in result.reasons)


def test_answer_floors_still_win():
    result = classify(text="где можно получить коляску?", answers={"danger_now": "yes"})
    assert result.urgency == "critical"


def test_no_text_means_no_model_reason():
    result = classify(answers={"silent": "yes"})
    assert not any(r.startswith("model:") for r in result.reasons)


def test_retraining_reproduces_the_shipped_artifact():
    train = pytest.importorskip("hotline.triage.train")
    pytest.importorskip("sklearn")
    fresh = train.fit(train.read_rows())
    shipped = json.loads((DATA / "model.json").read_text(encoding="utf-8"))
    assert fresh["features"] == shipped["features"] and fresh["thresholds"] == shipped["thresholds"]
    assert fresh["urgency"]["classes"] == shipped["urgency"]["classes"]
    assert fresh["category"]["classes"] == shipped["category"]["classes"]
    drift = max(abs(a - b) for row_a, row_b in zip(fresh["weights"], shipped["weights"]) for a, b in zip(row_a, row_b))
    assert drift <= 2, "model.json is stale: run `hotline triage train`"
