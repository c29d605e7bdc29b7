"""A statistical second opinion: logistic regression over character n-grams and lexicon cue kinds.

Trained by ``hotline triage train`` (scikit-learn, see ``hotline.triage.train``) on the labelled rows shipped in
``data/train.jsonl``; the fitted weights are written to ``data/model.json`` and read here with plain Python, so
classifying needs neither scikit-learn nor numpy. The same ``features()`` serves training and prediction.
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
from hotline.triage.scale import URGENCIES

ARTIFACT = Path(__file__).resolve().parent / "data" / "model.json"
NGRAMS = (2, 5)
CUE_WEIGHT = 0.3  # a lexicon cue kind counts, next to the unit-length n-gram vector, this much


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


def features(text: str, idf: dict[str, float], hits: Sequence[Hit] | None = None) -> dict[str, float]:
    """Sub-linear tf-idf of the n-grams known to the model (unit length), plus the cue kinds at CUE_WEIGHT."""
    grams = char_ngrams(normalize(text))
    vector = {"c:" + g: (1.0 + math.log(c)) * idf["c:" + g] for g, c in grams.items() if "c:" + g in idf}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    vector = {k: v / norm for k, v in vector.items()}
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


# How firmly the text rules decided, which sets how much evidence the model needs to raise their level:
# "settled_low": a service question with no sign of risk or need (the rules said low on a confident cue);
# "deescalated": the text names a risk only as past or negated ("years ago", "I am not going to"), and the rules
# read it as no current risk; "open": the rules found no strong cue; "confirmed": a strong cue backs their level.
TIERS = ("settled_low", "deescalated", "open", "confirmed")
# The highest level the model alone may ask for in each tier. When the rules settled a plain question as low, the
# text names no danger, so the model may at most ask for a counselor's look (medium), never a critical alarm.
CAPS = {"settled_low": "medium", "deescalated": "critical", "open": "critical", "confirmed": "critical"}
# A lift needs real evidence: P(level or above) must pass what the model says of a text it knows nothing about
# (its intercepts alone, e.g. ~0.11 for critical) by this factor. Without the floor every unfamiliar text, such as
# a plain question in words the training rows never used, would be lifted to critical.
EVIDENCE_MARGIN = 1.25
# Where the rules read the text on purpose as no current risk (a plain question; a risk said to be past or
# negated), words the model cannot read, the model overrules them only when it finds the higher level more likely
# than not. Elsewhere the cross-validated thresholds and the evidence floor decide.
TIER_FLOOR = {"settled_low": 0.5, "deescalated": 0.5, "open": 0.0, "confirmed": 0.0}


@dataclass(frozen=True)
class Opinion:
    """What the model says about one text."""

    urgency: str  # the highest level whose cumulative probability passes its threshold (low when none does)
    urgency_p: float  # P(that level or above)
    threshold: float  # the threshold it passed (1.0 when none did)
    category: str
    category_p: float
    probabilities: dict[str, float]  # per urgency level


@dataclass(frozen=True)
class Model:
    """The loaded artifact."""

    idf: dict[str, float]
    urgency: Head
    category: Head
    # tier (see TIERS) → level → the P(level or above) beyond which the model asks for at least that level, chosen
    # by cross-validation on held-out folds of the training rows (`hotline triage train`), never below the floor.
    thresholds: dict[str, dict[str, float]]

    @property
    def floor(self) -> dict[str, float]:
        """Per level, the P(level or above) a lift must pass: the no-evidence output times EVIDENCE_MARGIN."""
        return evidence_floor(self.urgency)

    def floor_of(self, tier: str) -> dict[str, float]:
        """The evidence floor raised to the tier's floor."""
        return {level: max(p, TIER_FLOOR.get(tier, 0.0)) for level, p in self.floor.items()}

    def opinion(self, text: str, hits: Sequence[Hit] | None = None, tier: str = "open") -> Opinion:
        """Urgency at the calibrated thresholds of the rules' tier, and the most likely category."""
        vector = features(text, self.idf, hits)
        probs = self.urgency.probabilities(vector)
        thresholds = self.thresholds.get(tier) or self.thresholds["open"]
        level, p_level, threshold = level_at(probs, thresholds, CAPS.get(tier, "critical"), self.floor_of(tier))
        cats = self.category.probabilities(vector)
        category = max(cats, key=cats.get)
        return Opinion(level, p_level, threshold, category, cats[category], probs)


def cumulative(probs: dict[str, float]) -> dict[str, float]:
    """P(level or above) for each level."""
    out, running = {}, 0.0
    for level in reversed(URGENCIES):
        running += probs.get(level, 0.0)
        out[level] = running
    return out


def evidence_floor(head: Head) -> dict[str, float]:
    """P(level or above) of a text without any known feature (the intercepts alone), times EVIDENCE_MARGIN."""
    return {level: min(1.0, p * EVIDENCE_MARGIN) for level, p in cumulative(head.probabilities({})).items()}


def level_at(probs: dict[str, float], thresholds: dict[str, float], cap: str = "critical",
             floor: dict[str, float] | None = None) -> tuple[str, float, float]:
    """The highest level up to ``cap`` whose P(level or above) exceeds both its threshold and its evidence floor.

    Returns (level, P(level or above), threshold passed); ("low", P(low or above), 1.0) when none passes."""
    cum = cumulative(probs)
    for level in reversed(URGENCIES[1:]):
        if URGENCIES.index(level) > URGENCIES.index(cap):
            continue
        threshold = max(thresholds.get(level, 1.0), (floor or {}).get(level, 0.0))
        if cum[level] > threshold:
            return level, cum[level], threshold
    return "low", cum["low"], 1.0


def from_dict(data: dict) -> Model:
    """Build a Model from the artifact's JSON object."""
    names, scale = data["features"], float(data["scale"])
    weights = dict(zip(names, data["weights"]))
    urgency, category = data["urgency"], data["category"]
    idf = {name: value for name, value in zip(names, data["idf"]) if name.startswith("c:")}
    return Model(
        idf,
        Head(tuple(urgency["classes"]), tuple(urgency["intercept"]), weights, 0, scale),
        Head(tuple(category["classes"]), tuple(category["intercept"]), weights, len(urgency["classes"]), scale),
        {tier: dict(levels) for tier, levels in data["thresholds"].items()},
    )


@lru_cache(maxsize=1)
def load(path: Path = ARTIFACT) -> Model | None:
    """The shipped model, read once; None when the artifact is missing (the rules then decide alone)."""
    try:
        return from_dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
