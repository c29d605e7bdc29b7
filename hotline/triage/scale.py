"""The urgency scale and category ids of TRIAGE.md, and how they compare."""

from __future__ import annotations

URGENCIES = ("low", "medium", "high", "critical")  # ascending

CATEGORIES = (
    "suicide_self_harm",
    "child_abuse",
    "domestic_violence",
    "elder",
    "disability",
    "child_without_care",
    "mental_health",
    "family_relationships",
    "substance_use",
    "health",
    "basic_needs",
    "information",
)

# When a call fits several categories, the one that drives the response wins (TRIAGE.md):
# earlier in this tuple = higher precedence.
PRECEDENCE = (
    "suicide_self_harm",
    "child_abuse",
    "domestic_violence",
    "child_without_care",
    "elder",
    "substance_use",
    "disability",
    "health",
    "basic_needs",
    "mental_health",
    "family_relationships",
    "information",
)

_RANK = {name: index for index, name in enumerate(URGENCIES)}


def rank(urgency: str | None) -> int:
    """Order urgencies so they can be compared; None sorts below low."""
    return -1 if urgency is None else _RANK[urgency]


def max_urgency(*urgencies: str | None) -> str | None:
    """Highest of the given urgencies, because the highest signal always wins."""
    present = [u for u in urgencies if u is not None]
    return max(present, key=rank) if present else None


def precedence(category: str | None) -> int:
    """Smaller is stronger; unknown categories come last."""
    return PRECEDENCE.index(category) if category in PRECEDENCE else len(PRECEDENCE)
