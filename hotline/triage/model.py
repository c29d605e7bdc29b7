"""The statistical reading of a text: logistic regression over character n-grams, words and lexicon cue kinds.

Trained by ``hotline triage train`` (scikit-learn, see ``hotline.triage.train``) on the labelled rows shipped in
``data/train.jsonl``; the fitted weights are written to ``data/model.json`` and read here with plain Python, so
classifying needs neither scikit-learn nor numpy. The same ``features()`` serves training and prediction, and the
same ``decide()`` turns probabilities and the rules' level into one urgency for calibration and for classify.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hotline.triage.matching import Hit, find_hits
from hotline.triage.normalize import normalize
from hotline.triage.scale import URGENCIES, rank
from hotline.triage.text import TextVerdict

ARTIFACT = Path(__file__).resolve().parent / "data" / "model.json"
NGRAMS = (2, 5)
WORD_WEIGHT = 0.7  # the unit-length vector of whole words counts, next to the unit-length n-gram vector, this much
CUE_WEIGHT = 0.3  # a lexicon cue kind counts this much
MIN_DF = 2  # an n-gram or word seen in one training row only is noise, and it would double the artifact
SURE_LOW = 0.7  # where the rules found no known phrase (unsure, so medium), the model says low only this sure


def char_ngrams(folded: str) -> Counter:
    """Character n-grams inside word boundaries (like scikit-learn's char_wb), each word padded with spaces."""
    grams: Counter = Counter()
    low, high = NGRAMS
    for word in folded.split():
        padded = f" {word} "
        for n in range(low, high + 1):
            for i in range(max(1, len(padded) - n + 1)):
                grams[padded[i:i + n]] += 1
            if len(padded) <= n:
                break  # a short word counts once, whole
    return grams


def cue_kinds(hits: Sequence[Hit]) -> set[str]:
    """The lexicon cue kinds of a text, with negation and past marked, as language-independent features."""
    return {"k:" + h.kind + ("_neg" if h.negated else "") + ("_past" if h.past else "") for h in hits}


def terms(folded: str) -> Counter:
    """The n-grams ("c:") and whole words ("w:") of a folded text, counted."""
    out = Counter({"c:" + g: c for g, c in char_ngrams(folded).items()})
    out.update("w:" + word for word in folded.split())
    return out


def _unit(block: dict[str, float], weight: float = 1.0) -> dict[str, float]:
    """A block of features scaled to length ``weight``."""
    norm = math.sqrt(sum(v * v for v in block.values())) or 1.0
    return {k: weight * v / norm for k, v in block.items()}


def features(text: str, idf: dict[str, float], hits: Sequence[Hit] | None = None) -> dict[str, float]:
    """Sub-linear tf-idf of the n-grams and of the words known to the model (each block of unit length, the words at
    WORD_WEIGHT), plus the cue kinds at CUE_WEIGHT."""
    known = {t: (1.0 + math.log(c)) * idf[t] for t, c in terms(normalize(text)).items() if t in idf}
    vector = _unit({t: v for t, v in known.items() if t.startswith("c:")})
    vector.update(_unit({t: v for t, v in known.items() if t.startswith("w:")}, WORD_WEIGHT))
    for kind in cue_kinds(find_hits(text) if hits is None else hits):
        vector[kind] = CUE_WEIGHT
    return vector


@dataclass(frozen=True)
class Head:
    """One multinomial logistic regression: classes, intercepts, and its slice of the shared weight rows."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, list[int]]  # feature → integer weights of every head, scaled by `scale`
    offset: int
    scale: float

    def probabilities(self, vector: dict[str, float]) -> dict[str, float]:
        """Softmax of the linear scores."""
        width, start = len(self.classes), self.offset
        sums = [0.0] * width
        for name, value in vector.items():
            row = self.weights.get(name)
            if row:
                for k in range(width):
                    sums[k] += row[start + k] * value
        scores = [b + s / self.scale for b, s in zip(self.intercept, sums)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}


@dataclass(frozen=True)
class Thresholds:
    """Where the model's reading becomes risk-averse, chosen on held-out folds by ``hotline triage train``."""

    critical: float  # P(critical) beyond which the call is critical, though another level be more likely
    high: float  # P(high or above) beyond which it is at least high
    medium: float  # P(medium or above) beyond which it is at least medium
    rules_trust: float  # the rules' level (below critical) stands when the model gives it P(level or above) >= this


@dataclass(frozen=True)
class Decision:
    """One urgency from the model and the rules, and what decided it."""

    urgency: str
    by: str  # "rules-firm", "rules", "unsure", "lift" (a threshold passed) or "likely" (the most likely level)
    p: float  # P(urgency or above) in the model's eyes
    threshold: float | None  # the threshold passed, for a lift


def decide(probs: dict[str, float], thresholds: Thresholds, rules: TextVerdict | None) -> Decision:
    """The most likely level, raised where a level's threshold is passed. The rules' firm levels always stand (their
    critical; a suicide cue's high), their other levels unless the model finds them unlikely (TRIAGE.md rule 1:
    unsure means higher). A text with no known phrase is low only when the model is SURE_LOW sure of it."""
    cum = cumulative(probs)
    level = max(probs, key=probs.get)
    decision = Decision(level, "likely", cum[level], None)
    for lift in ("medium", "high", "critical"):
        threshold = getattr(thresholds, lift)
        if cum[lift] > threshold and rank(lift) > rank(decision.urgency):
            decision = Decision(lift, "lift", cum[lift], threshold)
    level = rules.urgency if rules else None
    if rank(level) > rank(decision.urgency):
        if rules.firm:
            return Decision(level, "rules-firm", cum[level], None)
        if cum[level] >= thresholds.rules_trust:
            return Decision(level, "rules", cum[level], None)
    if rules and rules.unsure and decision.urgency == "low" and probs["low"] < SURE_LOW:
        return Decision("medium", "unsure", cum["medium"], None)
    return decision


@dataclass(frozen=True)
class Opinion:
    """What the model says about one text."""

    probabilities: dict[str, float]  # per urgency level
    categories: dict[str, float]  # per category

    @property
    def category(self) -> str:
        """The most likely category."""
        return max(self.categories, key=self.categories.get)

    def at_least(self, level: str) -> float:
        """P(level or above)."""
        return cumulative(self.probabilities)[level]


@dataclass(frozen=True)
class Model:
    """The loaded artifact."""

    idf: dict[str, float]
    urgency: Head
    category: Head
    thresholds: Thresholds

    def opinion(self, text: str, hits: Sequence[Hit] | None = None) -> Opinion | None:
        """Urgency probabilities and the most likely category; None when no n-gram or word of the text is known."""
        vector = features(text, self.idf, hits)
        if not any(name[:2] in ("c:", "w:") for name in vector):
            return None
        return Opinion(self.urgency.probabilities(vector), self.category.probabilities(vector))


def cumulative(probs: dict[str, float]) -> dict[str, float]:
    """P(level or above) for each level."""
    out, running = {}, 0.0
    for level in reversed(URGENCIES):
        running += probs.get(level, 0.0)
        out[level] = running
    return out


def from_dict(data: dict) -> Model:
    """Build a Model from the artifact's JSON object."""
    names, scale = data["features"], float(data["scale"])
    weights = dict(zip(names, data["weights"]))
    urgency, category = data["urgency"], data["category"]
    idf = {name: value for name, value in zip(names, data["idf"]) if name[:2] in ("c:", "w:")}
    return Model(
        idf,
        Head(tuple(urgency["classes"]), tuple(urgency["intercept"]), weights, 0, scale),
        Head(tuple(category["classes"]), tuple(category["intercept"]), weights, len(urgency["classes"]), scale),
        Thresholds(**data["thresholds"]),
    )


@lru_cache(maxsize=1)
def load(path: Path = ARTIFACT) -> Model | None:
    """The shipped model, read once; None when the artifact is missing (the rules then decide alone)."""
    try:
        return from_dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
