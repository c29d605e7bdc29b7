"""evaluate() on hand-made rows, on the shared examples, and on our own dev and holdout sets with the targets."""

import json
from pathlib import Path

import pytest

from hotline.triage.evaluate import evaluate, format_evaluation

HERE = Path(__file__).resolve().parent
SHARED = Path(__file__).resolve().parents[3] / "shared/triage/examples.jsonl"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _assert_targets(ev):
    assert ev.critical_recall == 1.0, format_evaluation(ev)
    assert ev.under_triage <= 0.05, format_evaluation(ev)
    assert ev.urgency_accuracy >= 0.85, format_evaluation(ev)
    assert ev.category_accuracy >= 0.8, format_evaluation(ev)


def test_evaluate_counts_under_and_over_triage():
    rows = [
        {"id": "a", "text": "выпила все таблетки, прощайте", "urgency": "critical", "category": "suicide_self_harm"},
        {"id": "b", "text": "где можно получить коляску?", "urgency": "medium", "category": "disability"},  # predicted low
        {"id": "c", "text": "муж бьёт меня", "urgency": "medium", "category": "domestic_violence"},  # predicted high
    ]
    ev = evaluate(rows, use_model=False)  # the arithmetic, on the rules' decisions
    assert ev.n == 3
    assert ev.confusion["critical"]["critical"] == 1
    assert ev.confusion["medium"]["low"] == 1 and ev.confusion["medium"]["high"] == 1
    assert ev.under_triage == pytest.approx(1 / 3) and ev.over_triage == pytest.approx(1 / 3)
    assert ev.urgency_accuracy == pytest.approx(1 / 3) and ev.category_accuracy == pytest.approx(1.0)
    assert ev.critical_recall == 1.0
    assert {m["id"] for m in ev.misses} == {"b", "c"}


def test_critical_recall_drops_when_a_critical_call_is_missed():
    ev = evaluate([{"text": "где можно получить коляску?", "urgency": "critical", "category": "disability"}])
    assert ev.critical_recall == 0.0 and ev.under_triage == 1.0


def test_format_evaluation_prints_matrix_and_figures():
    text = format_evaluation(evaluate([{"text": "муж бьёт меня", "urgency": "high", "category": "domestic_violence"}], use_model=False))
    assert "true \\ predicted" in text and "critical recall" in text and "under-triage" in text
    assert "urgency accuracy   1.000" in text


@pytest.mark.skipif(not SHARED.exists(), reason="shared examples not present")
def test_shared_examples_meet_targets():
    _assert_targets(evaluate(_rows(SHARED)))


def test_dev_set_meets_targets():
    _assert_targets(evaluate(_rows(HERE / "data/dev.jsonl")))


def test_holdout_meets_targets():
    rows = _rows(HERE / "data/holdout.jsonl")
    assert len(rows) >= 150
    assert {r["language"] for r in rows} == {"tg", "ru", "uz", "fa", "en"}
    assert len({r["category"] for r in rows}) == 12 and len({r["urgency"] for r in rows}) == 4
    _assert_targets(evaluate(rows))
