"""Fit the model of ``hotline.triage.model`` on ``data/train.jsonl`` and cross-validate rules + model.

scikit-learn is imported only here (it takes ~2 s to import), never on the classify path.
"""

from __future__ import annotations

import itertools
import json
import math
import random
from collections.abc import Mapping, Sequence
from pathlib import Path

from hotline.triage.matching import find_hits
from hotline.triage.model import MIN_DF, ARTIFACT, Thresholds, decide, features, from_dict, terms
from hotline.triage.normalize import normalize
from hotline.triage.scale import URGENCIES, rank
from hotline.triage.text import TextVerdict, analyse

TRAIN_ROWS = Path(__file__).resolve().parent / "data" / "train.jsonl"
CALIBRATION = Path(__file__).resolve().parent / "data" / "calibration.json"
C = 30.0  # inverse regularisation, chosen by 5-fold cross-validation (10, 30, 100 tried)
# The thresholds of ``model.decide`` are chosen on held-out folds (``calibrate``): of every combination on the grid,
# the one with the best urgency accuracy among those that keep under-triage within UNDER_MAX and critical recall at
# CRITICAL_MIN or more (trauma triage accepts 5 % under- against 50 % over-triage, TRIAGE.md rule 1); when none
# does, the one with the least cost (a missed critical counts 10, another under-triage 5, an over-triage 1).
UNDER_MAX = 0.05
CRITICAL_MIN = 0.95
GRID = {
    "critical": (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5),
    "high": (0.2, 0.3, 0.4, 0.5, 0.6, 1.0),
    "medium": (0.4, 0.5, 0.6, 0.7, 1.0),
    "rules_trust": (0.0, 0.1, 0.2, 0.3, 0.4, 1.0),
}
# Rows the text rules were written against show the rules near-perfect and would teach the calibration to trust
# them; only rows from sources the rules were not tuned on calibrate.
RULES_SOURCES = frozenset({"examples", "dev", "holdout", "blind_a", "written"})
SCALE = 1000  # weights are stored as integers in thousandths: a smaller file that loads faster


def read_rows(path: Path | str = TRAIN_ROWS) -> list[dict]:
    """Labelled rows of a JSON Lines file; the lead's final test set is never read."""
    if "blind_b" in str(path):
        raise ValueError(f"{path}: blind_b is the final test set and is never used for training or tuning")
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _vectors(rows: Sequence[Mapping]) -> tuple[list[dict[str, float]], dict[str, float]]:
    """Feature dicts of the rows, with the idf learnt from them (smooth idf, like scikit-learn; MIN_DF rows at least)."""
    df: dict[str, int] = {}
    for row in rows:
        for term in terms(normalize(row["text"])):
            df[term] = df.get(term, 0) + 1
    n = len(rows)
    idf = {name: math.log((1 + n) / (1 + count)) + 1.0 for name, count in df.items() if count >= MIN_DF}
    return [features(row["text"], idf, find_hits(row["text"])) for row in rows], idf


def _fit_head(vectors, labels, names):
    """One balanced multinomial logistic regression over the named features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    matrix = DictVectorizer(sort=True).fit(names).transform(vectors)
    return LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(matrix, labels)


def shipped_thresholds() -> dict[str, float]:
    """The thresholds chosen by the last calibration (data/calibration.json)."""
    return json.loads(CALIBRATION.read_text(encoding="utf-8"))["thresholds"]


def fit(rows: Sequence[Mapping], thresholds: Mapping[str, float] | None = None) -> dict:
    """The artifact (a JSON-ready dict): feature names, idf, the urgency and category heads, the thresholds."""
    thresholds = shipped_thresholds() if thresholds is None else thresholds
    vectors, idf = _vectors(rows)
    names = sorted(set(idf) | {k for v in vectors for k in v if k.startswith("k:")})
    index = [{name: 1.0} for name in names]  # fixes the DictVectorizer's columns to `names`, in (sorted) order
    out = {"trained_on": len(rows), "C": C, "thresholds": dict(thresholds), "scale": SCALE}
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


def out_of_fold(rows: Sequence[Mapping], k: int = 5, seed: int = 0) -> list[tuple[dict[str, float], str]]:
    """For each row, the urgency probabilities and the category of a model that never saw it."""
    blank = dict.fromkeys(GRID, 1.0)
    result: list = [None] * len(rows)
    for held in folds(rows, k, seed):
        held_set = set(held)
        model = from_dict(fit([r for i, r in enumerate(rows) if i not in held_set], thresholds=blank))
        for i in held:
            op = model.opinion(rows[i]["text"])
            result[i] = (op.probabilities, op.category) if op else ({u: float(u == "medium") for u in URGENCIES}, "information")
    return result


def figures(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Accuracy, under-, over-triage and critical recall of urgency predictions."""
    n = len(truth) or 1
    crit = [p for t, p in zip(truth, predicted) if t == "critical"]
    return {
        "accuracy": round(sum(t == p for t, p in zip(truth, predicted)) / n, 3),
        "under": round(sum(rank(p) < rank(t) for t, p in zip(truth, predicted)) / n, 3),
        "over": round(sum(rank(p) > rank(t) for t, p in zip(truth, predicted)) / n, 3),
        "critical_recall": round(sum(p == "critical" for p in crit) / len(crit), 3) if crit else 1.0,
    }


def choose_thresholds(cases: Sequence[tuple[dict[str, float], TextVerdict, str]]) -> dict[str, float]:
    """The grid's best thresholds for held-out cases (the model's probabilities, the rules' verdict, the truth):
    the best accuracy within UNDER_MAX and CRITICAL_MIN, else the least cost."""
    truth = [t for _, _, t in cases]
    best, best_key = None, None
    for values in itertools.product(*GRID.values()):
        thresholds = Thresholds(**dict(zip(GRID, values)))
        predicted = [decide(p, thresholds, verdict).urgency for p, verdict, _ in cases]
        got = figures(truth, predicted)
        within = got["under"] <= UNDER_MAX and got["critical_recall"] >= CRITICAL_MIN
        key = (within, got["accuracy"] if within else -_cost(truth, predicted), got["critical_recall"])
        if best_key is None or key > best_key:
            best, best_key = dict(zip(GRID, values)), key
    return best


def _cost(truth: Sequence[str], predicted: Sequence[str]) -> int:
    """A missed critical counts 10, another under-triage 5, an over-triage 1."""
    return sum(10 if t == "critical" and p != t else 5 if rank(p) < rank(t) else rank(p) > rank(t)
               for t, p in zip(truth, predicted))


def calibrate(rows: Sequence[Mapping], k: int = 5, seed: int = 0) -> dict:
    """Choose the thresholds on held-out folds of the rows the rules were not written against, and report the
    text rules alone, the model alone and both, out of fold."""
    oof = out_of_fold(rows, k, seed)
    ruled = [analyse(row.get("text", "")) for row in rows]
    calibration = [i for i, row in enumerate(rows) if row.get("source") not in RULES_SOURCES]
    thresholds = choose_thresholds([(oof[i][0], ruled[i], rows[i]["urgency"]) for i in calibration])
    chosen = Thresholds(**thresholds)
    truth = [rows[i]["urgency"] for i in calibration]
    cats = [rows[i]["category"] for i in calibration]
    return {
        "thresholds": thresholds, "calibration_rows": len(calibration),
        "under_max": UNDER_MAX, "critical_min": CRITICAL_MIN,
        "out_of_fold": {
            "rules": figures(truth, [ruled[i].urgency or "medium" for i in calibration]),
            "model_most_likely": figures(truth, [max(oof[i][0], key=oof[i][0].get) for i in calibration]),
            "rules_and_model": figures(truth, [decide(oof[i][0], chosen, ruled[i]).urgency for i in calibration]),
            "category": {"rules_first": round(_share(cats, [ruled[i].category or oof[i][1] for i in calibration]), 3),
                         "model": round(_share(cats, [oof[i][1] for i in calibration]), 3)},
        },
    }


def write_calibration(report: dict, path: Path = CALIBRATION) -> None:
    """Write the calibration report, whose thresholds ``fit`` ships in the artifact."""
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _share(truth: Sequence[str], predicted: Sequence[str | None]) -> float:
    """Share of equal pairs."""
    return sum(t == p for t, p in zip(truth, predicted)) / (len(truth) or 1)
