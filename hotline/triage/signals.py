"""Turn cue hits into urgency/category signals: the text rules of TRIAGE.md, each with its reason."""

from __future__ import annotations

from dataclasses import dataclass

from hotline.triage.matching import Hit

STRONG, WEAK = 2, 1

# Topic cues: (category, strength). They say what the call is about and imply a service need (medium).
TOPICS = {
    "mental": ("mental_health", STRONG), "mental_weak": ("mental_health", WEAK), "family": ("family_relationships", STRONG),
    "substance": ("substance_use", STRONG), "health": ("health", STRONG), "health_weak": ("health", WEAK),
    "money": ("basic_needs", STRONG), "disability": ("disability", STRONG), "elder": ("elder", STRONG),
    "cwc_topic": ("child_without_care", STRONG), "info_topic": ("information", STRONG),
    "violence_topic": ("domestic_violence", STRONG), "eviction": ("basic_needs", STRONG), "problem": (None, WEAK),
    "psych": ("mental_health", WEAK), "elder_weak": ("elder", WEAK), "care": ("elder", WEAK),
}
# Topics that are a request for a service or a document: a question about them alone is `low`.
SERVICE_TOPICS = frozenset({"disability", "elder", "cwc_topic", "health", "health_weak", "info_topic", "psych", "elder_weak"})
SUBJECT_CATEGORY = {"child": "child_abuse", "child_age": "child_abuse", "elder": "elder", "disability": "disability",
                    "partner": "domestic_violence", "self": "domestic_violence"}


@dataclass(frozen=True)
class Signal:
    """One piece of evidence: the urgency it asks for, the category it points to, and why."""

    urgency: str
    category: str | None
    strength: int
    reason: str


class Context:
    """The hits of one text, with the questions the rules ask of them."""

    def __init__(self, hits: list[Hit]):
        self.hits = hits
        self.active = [h for h in hits if not h.negated and not h.past]

    def has(self, *kinds: str) -> bool:
        """Whether an active (not negated, not past) cue of these kinds is present."""
        return any(h.kind in kinds for h in self.active)

    def first(self, *kinds: str) -> Hit | None:
        """The first active cue of these kinds."""
        return next((h for h in self.active if h.kind in kinds), None)

    def near_now(self, hit: Hit) -> bool:
        """Happening now: a strong 'now' anywhere, or a plain 'now' in the same clause with no sign of safety."""
        if self.has("now_strong"):
            return True
        plain = any(h.kind == "now" and h.view == hit.view and h.clause == hit.clause for h in self.hits)
        return plain and not self.has("safe")

    def subject(self, hit: Hit) -> str | None:
        """Who the harm is done to: 'me' in the clause, else the nearest person word (ties go to the child)."""
        selves = [h for h in self.hits if h.kind == "self" and h.view == hit.view and h.clause == hit.clause]
        if selves and not self._object_partner(hit, selves):
            return "child_age" if self.has("child_age") else "self"
        order = ("child_age", "child", "elder", "disability", "partner")
        people = [h for h in self.hits if h.kind in order and h.view == hit.view]
        if not people:
            people = [h for h in self.hits if h.kind in order]
        if not people:
            return None
        best = min(people, key=lambda h: (_distance(h, hit), order.index(h.kind)))
        if best.kind == "child" and self.has("partner") and self.has("self") and not self.has("child_age"):
            return "self"  # "my husband ..., I and the children ...": the children are there, the partner is the target
        if best.kind == "child" and any(h.kind == "elder" and h.clause == hit.clause for h in people):
            return "elder"  # "her son drove grandma out": with an older person, a son or daughter is the adult who harms
        return best.kind


    def _object_partner(self, hit: Hit, selves: list[Hit]) -> bool:
        """A partner or mother named right after the harm and nearer than 'me': "beats mum, I hid" harms mum."""
        after = [h for h in self.hits if h.kind == "partner" and h.view == hit.view and h.start >= hit.end]
        if not after:
            return False
        nearest = min(_distance(h, hit) for h in after)
        return nearest <= 2 and all(nearest < _distance(s, hit) for s in selves)


def _distance(a: Hit, b: Hit) -> int:
    """Characters between two hits in the same view (large across views)."""
    if a.view != b.view:
        return 10_000
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def phrase(hit: Hit, target: str) -> str:
    """The reason text for one matched phrase."""
    return f"phrase '{hit.phrase}' (means: {hit.gloss}) → {target}"
