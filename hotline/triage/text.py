"""Classify free text (speech recognition, counselor notes, SMS) into urgency, category and reasons."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from hotline.triage import text_rules
from hotline.triage.matching import Hit, find_hits
from hotline.triage.scale import precedence, rank
from hotline.triage.signals import TOPICS, Context, Signal

HIGH_RISK = ("critical", "high")


@dataclass(frozen=True)
class TextVerdict:
    """What the text alone says."""

    urgency: str | None
    category: str | None
    reasons: list[str]
    confidence: float
    hits: tuple[Hit, ...] = field(default=(), repr=False)  # the cues found, for the model's features
    unsure: bool = False  # no known phrase at all: medium only because unsure (TRIAGE.md rule 1)

    @property
    def firm(self) -> bool:
        """Critical, or a suicide or self-harm cue at high: levels no statistical reading may lower."""
        return self.urgency == "critical" or (self.urgency == "high" and self.category == "suicide_self_harm")


def analyse(text: str) -> TextVerdict:
    """Apply every text rule and keep the highest signal, because under-triage costs more than over-triage."""
    if not text or not text.strip():
        return TextVerdict(None, None, [], 0.0)
    ctx = Context(find_hits(text))
    signals = _signals(ctx)
    if not any(s.urgency in HIGH_RISK for s in signals) and text_rules.only_service_question(ctx):
        verdict = _service_question(ctx, signals)
    elif not signals:
        verdict = TextVerdict("medium", None, ["no known phrase in the text: unsure, so medium rather than low"], 0.3,
                              unsure=True)
    else:
        verdict = _verdict(signals)
    return replace(verdict, hits=tuple(ctx.hits))


def _signals(ctx: Context) -> list[Signal]:
    """All signals of all rule groups."""
    return (
        text_rules.suicide_signals(ctx)
        + text_rules.harm_signals(ctx)
        + text_rules.care_signals(ctx)
        + text_rules.topic_signals(ctx)
    )


def _service_question(ctx: Context, signals: list[Signal]) -> TextVerdict:
    """A question about a service or a follow-up: low, in the category the question is about."""
    marker = ctx.first("prof", "admin", "info")
    reason = f"phrase '{marker.phrase}' (means: {marker.gloss}) → low (question or follow-up)" if marker else "a question with no sign of need → low"
    category = "information" if ctx.has("prof") else _best_category(signals)
    if category == "elder" and ctx.has("health", "health_weak"):
        category = "health"  # a medicine or clinic question for an older person is a health question
    if category == "mental_health" and not any(h.kind in TOPICS and h.kind != "psych" for h in ctx.hits):
        category = "information"  # asking the psychologist's hours is a question about the service
    return TextVerdict("low", category or "information", [reason] + [s.reason for s in signals[:3]], 0.6)


def _best_category(signals: list[Signal]) -> str | None:
    """The category of the strongest, highest, most precedent signal."""
    named = [s for s in signals if s.category]
    if not named:
        return None
    best = max(named, key=lambda s: (rank(s.urgency), s.strength, -precedence(s.category)))
    return best.category


def _verdict(signals: list[Signal]) -> TextVerdict:
    """Highest urgency wins; reasons of the deciding signals first."""
    top = max(rank(s.urgency) for s in signals)
    ordered = sorted(signals, key=lambda s: -rank(s.urgency))
    reasons = list(dict.fromkeys(s.reason for s in ordered if s.reason))[:6]
    urgency = ordered[0].urgency
    deciding = sum(1 for s in signals if rank(s.urgency) == top and s.strength > 1)
    confidence = min(0.95, 0.55 + 0.1 * deciding)
    return TextVerdict(urgency, _best_category(signals), reasons, round(confidence, 2))
