"""The statistical second opinion: shipped, reproducible, only ever raising, explained (its speed: benchmarks/)."""

import json
from collections import Counter
from pathlib import Path

import pytest

from hotline.triage import classify, model, service
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


def test_training_rows_never_include_the_validation_or_final_test_sets():
    sources = {row["source"] for row in _rows()}
    assert sources == {"examples", "dev", "holdout", "blind_a", "blind_c", "written"}


def test_training_refuses_the_final_test_set():
    from hotline.triage.train import read_rows

    with pytest.raises(ValueError, match="blind_b"):
        read_rows("tests/triage/data/blind_b.jsonl")


def test_cumulative_threshold_takes_the_highest_level_that_passes():
    probs = {"low": 0.1, "medium": 0.5, "high": 0.3, "critical": 0.1}
    assert model.level_at(probs, {"medium": 0.2, "high": 0.5, "critical": 0.05}) == ("critical", pytest.approx(0.1), 0.05)
    assert model.level_at(probs, {"medium": 0.2, "high": 0.35, "critical": 0.2})[:2] == ("high", pytest.approx(0.4))
    assert model.level_at(probs, {"medium": 0.95, "high": 0.5, "critical": 0.2}) == ("low", pytest.approx(1.0), 1.0)


def test_cumulative_threshold_respects_the_evidence_floor_and_the_cap():
    probs = {"low": 0.1, "medium": 0.5, "high": 0.3, "critical": 0.1}
    thresholds = {"medium": 0.2, "high": 0.35, "critical": 0.05}
    assert model.level_at(probs, thresholds, floor={"critical": 0.12})[0] == "high"  # 0.1 of critical is no evidence
    assert model.level_at(probs, thresholds, cap="medium")[0] == "medium"


def test_char_ngrams_match_scikit_learn_char_wb():
    text = pytest.importorskip("sklearn.feature_extraction.text")
    analyzer = text.TfidfVectorizer(analyzer="char_wb", ngram_range=model.NGRAMS).build_analyzer()
    for sample in ("муж бьёт меня", "a bb ccc", "پسرم فلج مغزیه", "otam meni urardi"):
        assert model.char_ngrams(sample) == Counter(analyzer(sample))


def test_model_raises_an_indirect_danger_and_says_why():
    rules = classify(text=INDIRECT_DANGER, use_model=False)
    both = classify(text=INDIRECT_DANGER)
    assert rank(both.urgency) > rank(rules.urgency)
    assert any(r.startswith("model: similar to calls labelled") and "→ at least" in r for r in both.reasons)


@pytest.mark.parametrize("row", _rows()[::7])
def test_model_never_lowers_the_rules(row):
    assert rank(classify(text=row["text"]).urgency) >= rank(classify(text=row["text"], use_model=False).urgency)


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
