"""Fit the model of ``hotline.triage.model`` on ``data/train.jsonl`` and cross-validate rules + model.

scikit-learn is imported only here (it takes ~2 s to import), never on the classify path.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from hotline.triage.matching import find_hits
from hotline.triage.model import ARTIFACT, char_ngrams, cue_kinds, features, from_dict, level_at
from hotline.triage.normalize import normalize
from hotline.triage.scale import URGENCIES, rank

TRAIN_ROWS = Path(__file__).resolve().parent / "data" / "train.jsonl"
C = 10.0  # inverse regularisation, chosen by 5-fold cross-validation (1, 3, 10, 30, 100 tried)
# P(level or above) that makes the model ask for at least that level. Chosen by cross-validation
# (`hotline triage train --cv`) to keep under-triage near 5 % on rows the rules were not tuned on
# while over-triage stays under ~40 % (TRIAGE.md rule 1: when unsure, the higher level).
# "open": the text rules found no strong cue; "confirmed": they did, so the model needs more to overrule them.
THRESHOLDS = {"open": {"medium": 0.2, "high": 0.5, "critical": 0.1},
              "confirmed": {"medium": 0.5, "high": 0.6, "critical": 0.3}}
SCALE = 1000  # weights are stored as integers in thousandths: a smaller file that loads faster


def read_rows(path: Path | str = TRAIN_ROWS) -> list[dict]:
    """Labelled rows of a JSON Lines file; the lead's final test set is never read."""
    if "blind_b" in str(path):
        raise ValueError(f"{path}: blind_b is the final test set and is never used for training or tuning")
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _vectors(rows: Sequence[Mapping]) -> tuple[list[dict[str, float]], dict[str, float]]:
    """Feature dicts of the rows, with the idf learnt from them (smooth idf, like scikit-learn)."""
    df: dict[str, int] = {}
    for row in rows:
        for gram in char_ngrams(normalize(row["text"])):
            df["c:" + gram] = df.get("c:" + gram, 0) + 1
    n = len(rows)
    idf = {name: math.log((1 + n) / (1 + count)) + 1.0 for name, count in df.items()}
    return [features(row["text"], idf, find_hits(row["text"])) for row in rows], idf


def _fit_head(vectors, labels, names):
    """One balanced multinomial logistic regression over the named features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    matrix = DictVectorizer(sort=True).fit(names).transform(vectors)
    return LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(matrix, labels)


def fit(rows: Sequence[Mapping], thresholds: Mapping[str, Mapping[str, float]] = THRESHOLDS) -> dict:
    """The artifact (a JSON-ready dict): feature names, idf, the urgency and category heads, the thresholds."""
    vectors, idf = _vectors(rows)
    names = sorted(idf) + sorted({k for v in vectors for k in v if k.startswith("k:")})
    index = [{name: 1.0} for name in names]  # fixes the DictVectorizer's columns to `names`, in order
    out = {"trained_on": len(rows), "C": C, "thresholds": {tier: dict(levels) for tier, levels in thresholds.items()}, "scale": SCALE}
    columns = []
    for target in ("urgency", "category"):
        head = _fit_head(vectors, [row[target] for row in rows], index)
        out[target] = {"classes": [str(c) for c in head.classes_],
                       "intercept": [round(float(b), 5) for b in head.intercept_]}
        columns.append(head.coef_.T)
    out["features"] = names
    out["idf"] = [round(idf.get(name, 0.0), 4) for name in names]
    out["weights"] = [[round(float(w) * SCALE) for w in list(u) + list(c)] for u, c in zip(*columns)]
    return out


def write(artifact: dict, path: Path = ARTIFACT) -> None:
    """Write the artifact as compact JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(artifact, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def folds(rows: Sequence[Mapping], k: int, seed: int) -> list[list[int]]:
    """k folds stratified by urgency, shuffled with a fixed seed."""
    by_level: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        by_level.setdefault(row["urgency"], []).append(i)
    out: list[list[int]] = [[] for _ in range(k)]
    rng = random.Random(seed)
    position = 0
    for level in URGENCIES:
        members = by_level.get(level, [])
        rng.shuffle(members)
        for i in members:
            out[position % k].append(i)
            position += 1
    return out


def out_of_fold(rows: Sequence[Mapping], k: int = 5, seed: int = 0) -> list[tuple[dict[str, float], str, float]]:
    """For each row, the urgency probabilities and category of a model that never saw it."""
    result: list = [None] * len(rows)
    for held in folds(rows, k, seed):
        held_set = set(held)
        model = from_dict(fit([r for i, r in enumerate(rows) if i not in held_set]))
        for i in held:
            op = model.opinion(rows[i]["text"])
            result[i] = (op.probabilities, op.category, op.category_p)
    return result


def figures(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Accuracy, under-, over-triage and critical recall of urgency predictions."""
    n = len(truth) or 1
    crit = [p for t, p in zip(truth, predicted) if t == "critical"]
    return {
        "accuracy": sum(t == p for t, p in zip(truth, predicted)) / n,
        "under": sum(rank(p) < rank(t) for t, p in zip(truth, predicted)) / n,
        "over": sum(rank(p) > rank(t) for t, p in zip(truth, predicted)) / n,
        "critical_recall": sum(p == "critical" for p in crit) / len(crit) if crit else 1.0,
    }


def cross_validate(rows: Sequence[Mapping], rules: Callable[[Mapping], tuple[str, str | None, bool]],
                   grid: Iterable[Mapping] = (THRESHOLDS,), k: int = 5, seed: int = 0) -> list[dict]:
    """Figures of rules alone, model alone and max(rules, model at thresholds), out of fold, per threshold set.

    ``rules(row)`` gives the rules' urgency, their text category (None when the text names none) and whether a
    strong cue backs them (the "confirmed" tier of the thresholds)."""
    oof = out_of_fold(rows, k, seed)
    ruled = [rules(row) for row in rows]
    truth = [row["urgency"] for row in rows]
    cats = [row["category"] for row in rows]
    combined_cat = [rc or mc for (_, rc, _), (_, mc, _) in zip(ruled, oof)]
    report = []
    for thresholds in grid:
        model_u = [level_at(p, thresholds["confirmed" if firm else "open"])[0] for (p, _, _), (_, _, firm) in zip(oof, ruled)]
        both = [max(r, m, key=rank) for (r, _, _), m in zip(ruled, model_u)]
        report.append({
            "thresholds": {tier: dict(levels) for tier, levels in thresholds.items()},
            "rules": figures(truth, [r for r, _, _ in ruled]),
            "model_open": figures(truth, [level_at(p, thresholds["open"])[0] for p, _, _ in oof]),
            "combined": figures(truth, both),
            "category": {"rules": _share(cats, [c for _, c, _ in ruled]), "model": _share(cats, [c for _, c, _ in oof]),
                         "combined": _share(cats, combined_cat)},
        })
    return report


def _share(truth: Sequence[str], predicted: Sequence[str | None]) -> float:
    """Share of equal pairs."""
    return sum(t == p for t, p in zip(truth, predicted)) / (len(truth) or 1)
