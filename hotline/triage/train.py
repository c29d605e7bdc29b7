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
from hotline.triage.model import (ARTIFACT, CAPS, TIERS, char_ngrams, cumulative, features, from_dict,
                                  level_at)
from hotline.triage.normalize import normalize
from hotline.triage.scale import URGENCIES, rank

TRAIN_ROWS = Path(__file__).resolve().parent / "data" / "train.jsonl"
CALIBRATION = Path(__file__).resolve().parent / "data" / "calibration.json"
C = 10.0  # inverse regularisation, chosen by 5-fold cross-validation (1, 3, 10, 30, 100 tried)
# Thresholds of the model's lifts are chosen on held-out folds (``calibrate``): for each tier of the rules (see
# ``model.TIERS``) and each level, the highest threshold at which rules + model still reach the recall target of
# that level on rows the model never saw; where no threshold reaches it, the one with the least cost
# (a miss counts MISS_COST times a needless lift: trauma triage accepts 5 % under- against 50 % over-triage,
# TRIAGE.md rule 1). A lift must also pass the model's evidence floor (``model.evidence_floor``).
RECALL_TARGET = {"medium": 0.95, "high": 0.95, "critical": 1.0}
MISS_COST = {"medium": 2.0, "high": 5.0, "critical": 10.0}
GRID = tuple(round(0.05 + 0.025 * i, 3) for i in range(37))  # 0.05 … 0.95
# Rows whose sources the text rules were written against show the rules near-perfect and would teach the
# calibration that lifts are never needed; only rows from sources the rules were not tuned on calibrate.
CALIBRATION_SOURCES = frozenset({"blind_c"})
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


def shipped_thresholds() -> dict[str, dict[str, float]]:
    """The thresholds chosen by the last calibration (data/calibration.json)."""
    return json.loads(CALIBRATION.read_text(encoding="utf-8"))["thresholds"]


def fit(rows: Sequence[Mapping], thresholds: Mapping[str, Mapping[str, float]] | None = None) -> dict:
    """The artifact (a JSON-ready dict): feature names, idf, the urgency and category heads, the thresholds."""
    thresholds = shipped_thresholds() if thresholds is None else thresholds
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


def out_of_fold(rows: Sequence[Mapping], k: int = 5, seed: int = 0) -> list[tuple[dict[str, float], str, float, dict]]:
    """For each row, the urgency probabilities, category and evidence floor of a model that never saw it."""
    result: list = [None] * len(rows)
    for held in folds(rows, k, seed):
        held_set = set(held)
        model = from_dict(fit([r for i, r in enumerate(rows) if i not in held_set], thresholds={"open": {}}))
        for i in held:
            op = model.opinion(rows[i]["text"])
            result[i] = (op.probabilities, op.category, op.category_p, {tier: model.floor_of(tier) for tier in TIERS})
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


def choose_threshold(level: str, cases: Sequence[tuple[float, str, str, float]]) -> float:
    """The threshold of one tier and level from held-out cases (P(level or above), rules' urgency, true urgency,
    the evidence floor of the model that judged the case).

    The highest threshold on the grid at which the level's recall reaches its target; when none does, the one
    with the least cost. 1.0 (never lift) when nothing at this level is ever missed or gained."""
    positives = [c for c in cases if rank(c[2]) >= rank(level)]
    candidates = list(GRID) + [1.0]

    def outcome(t: float) -> tuple[float, float]:
        caught = sum(1 for p, r, _, f in positives if rank(r) >= rank(level) or p > max(t, f))
        needless = sum(1 for p, r, truth, f in cases if rank(r) < rank(level) and rank(truth) < rank(level) and p > max(t, f))
        recall = caught / len(positives) if positives else 1.0
        return recall, MISS_COST[level] * (len(positives) - caught) + needless

    reaching = [t for t in candidates if outcome(t)[0] >= RECALL_TARGET[level]]
    if reaching:
        return max(reaching)
    return min(candidates, key=lambda t: (outcome(t)[1], -t))


def calibrate(rows: Sequence[Mapping], rules: Callable[[Mapping], tuple[str, str | None, str]], k: int = 5,
              seed: int = 0, repeats: int = 3) -> dict:
    """Choose the thresholds on held-out folds and report rules, model and both, out of fold, on the calibration
    rows and on all rows. ``rules(row)`` gives the rules' urgency, their text category and their tier."""
    # Repeated folds: with a few dozen critical calibration rows, one fold assignment alone swings the thresholds
    # (and critical recall) by several rows; the thresholds are chosen on the cases of every repeat pooled.
    oofs = [out_of_fold(rows, k, seed + r) for r in range(repeats)]
    oof = oofs[0]
    ruled = [rules(row) for row in rows]
    calibration = [i for i, row in enumerate(rows) if row.get("source") in CALIBRATION_SOURCES]
    thresholds: dict[str, dict[str, float]] = {}
    for tier in TIERS:
        members = [i for i in calibration if ruled[i][2] == tier]
        thresholds[tier] = {level: choose_threshold(level, [(cumulative(o[i][0])[level], ruled[i][0], rows[i]["urgency"], o[i][3][tier][level])
                                                            for o in oofs for i in members])
                            for level in URGENCIES[1:]}
    report = {"thresholds": thresholds, "calibration_rows": len(calibration), "recall_target": RECALL_TARGET,
              "miss_cost": MISS_COST, "out_of_fold": {}}
    for name, subset in (("calibration", calibration), ("all", list(range(len(rows))))):
        truth = [rows[i]["urgency"] for i in subset]
        combined = [max(ruled[i][0], level_at(oof[i][0], thresholds[ruled[i][2]], CAPS[ruled[i][2]], oof[i][3][ruled[i][2]])[0], key=rank) for i in subset]
        cats = [rows[i]["category"] for i in subset]
        report["out_of_fold"][name] = {
            "n": len(subset),
            "rules": figures(truth, [ruled[i][0] for i in subset]),
            "rules_and_model": figures(truth, combined),
            "category": {"rules_or_model": round(_share(cats, [ruled[i][1] or oof[i][1] for i in subset]), 3)},
        }
    return report


def write_calibration(report: dict, path: Path = CALIBRATION) -> None:
    """Write the calibration report, whose thresholds ``fit`` ships in the artifact."""
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _share(truth: Sequence[str], predicted: Sequence[str | None]) -> float:
    """Share of equal pairs."""
    return sum(t == p for t, p in zip(truth, predicted)) / (len(truth) or 1)
