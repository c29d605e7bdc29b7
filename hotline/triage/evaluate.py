"""Measure triage against labelled rows: confusion matrix, under-/over-triage, critical recall, accuracy."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hotline.triage.service import classify
from hotline.triage.scale import URGENCIES, rank


@dataclass(frozen=True)
class Evaluation:
    """Figures of one evaluation run."""

    n: int
    confusion: dict[str, dict[str, int]]  # true urgency → predicted urgency → count
    urgency_accuracy: float
    category_accuracy: float
    under_triage: float
    over_triage: float
    critical_recall: float
    misses: list[dict]


def evaluate(rows: Iterable[Mapping], use_model: bool = True) -> Evaluation:
    """Classify each labelled row (text, language, answers) and compare with its urgency and category."""
    confusion = {t: {p: 0 for p in URGENCIES} for t in URGENCIES}
    n = urgency_ok = category_ok = under = over = 0
    misses = []
    for row in rows:
        result = classify(text=row.get("text", ""), language=row.get("language"), answers=row.get("answers"),
                          use_model=use_model)
        truth = row["urgency"]
        confusion[truth][result.urgency] += 1
        n += 1
        urgency_ok += result.urgency == truth
        category_ok += result.category == row.get("category")
        under += rank(result.urgency) < rank(truth)
        over += rank(result.urgency) > rank(truth)
        if result.urgency != truth or result.category != row.get("category"):
            misses.append({"id": row.get("id"), "true": (truth, row.get("category")),
                           "predicted": (result.urgency, result.category), "reasons": result.reasons})
    critical = sum(confusion["critical"].values())
    return Evaluation(
        n=n, confusion=confusion, urgency_accuracy=_ratio(urgency_ok, n), category_accuracy=_ratio(category_ok, n),
        under_triage=_ratio(under, n), over_triage=_ratio(over, n),
        critical_recall=_ratio(confusion["critical"]["critical"], critical) if critical else 1.0, misses=misses,
    )


def _ratio(part: int, whole: int) -> float:
    """A share, 0 when there is nothing to share."""
    return part / whole if whole else 0.0


def format_evaluation(ev: Evaluation) -> str:
    """A readable confusion matrix (rows true, columns predicted) and the headline figures."""
    width = max(len(u) for u in URGENCIES) + 2
    lines = ["true \\ predicted".ljust(width + 8) + "".join(u.rjust(width) for u in URGENCIES)]
    for truth in URGENCIES:
        lines.append(truth.ljust(width + 8) + "".join(str(ev.confusion[truth][p]).rjust(width) for p in URGENCIES))
    lines += [
        "",
        f"n                  {ev.n}",
        f"urgency accuracy   {ev.urgency_accuracy:.3f}",
        f"category accuracy  {ev.category_accuracy:.3f}",
        f"critical recall    {ev.critical_recall:.3f}",
        f"under-triage       {ev.under_triage:.3f}",
        f"over-triage        {ev.over_triage:.3f}",
    ]
    return "\n".join(lines)
