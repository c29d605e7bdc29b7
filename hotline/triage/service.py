"""classify(): combine IVR answers, free text and caller history into one urgency, category and reasons."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from hotline.triage.answers import urgency_from_answers
from hotline.triage.matching import RISK_KINDS
from hotline.triage.model import Model, Opinion, load
from hotline.triage.scale import max_urgency, precedence, rank
from hotline.triage.text import TextVerdict, analyse

REPEAT_WINDOW = timedelta(hours=24)
MEANINGFUL_ANSWERS = frozenset({"topic", "someone_hurt", "aggressor_present", "weapon", "suicide_now", "danger_now", "silent"})
CONFIRMED = 0.65  # text-rule confidence from which the rules' level counts as backed by a strong cue
MODEL: Model | None = load()  # read at import, so the first call is as fast as the rest


@dataclass(frozen=True)
class PriorCall:
    """An earlier call of the same caller."""

    created_at: datetime  # timezone-aware UTC
    urgency: str | None


@dataclass(frozen=True)
class TriageResult:
    """The decision and why."""

    urgency: str
    category: str
    confidence: float
    reasons: list[str] = field(default_factory=list)


def classify(
    *,
    answers: Mapping[str, str] | None = None,
    text: str = "",
    language: str | None = None,
    line: str | None = None,
    history: Sequence[PriorCall] = (),
    now: datetime | None = None,
    use_model: bool = True,
) -> TriageResult:
    """Triage one call; every rule that fires adds a reason, and the highest signal wins.

    The model (when shipped and ``use_model``) is one more signal: it can raise the urgency and name the
    category when the text rules name none, never lower what the answers or the rules decided."""
    answers = answers or {}
    floor, answer_category, reasons = urgency_from_answers(answers, line)
    verdict = analyse(text)
    urgency = max_urgency(floor, verdict.urgency)
    reasons = reasons + verdict.reasons
    opinion = MODEL.opinion(text, verdict.hits, rules_tier(verdict)) if use_model and MODEL and (text or "").strip() else None
    text_category = verdict.category
    if opinion:
        urgency, text_category = _second_opinion(opinion, urgency, verdict.category, reasons)
    repeat = _repeat_floor(history, now or datetime.now(timezone.utc))
    if repeat:
        urgency = max_urgency(urgency, "high")
        reasons.append(repeat)
    if urgency is None or _is_silent(answers, text):
        urgency = max_urgency(urgency, "medium")
        reasons.append("rule: silence is not safety (no answers and no text) → at least medium")
    category = _category(answer_category, floor, text_category, verdict.urgency, answers, line)
    return TriageResult(urgency, category, _confidence(verdict.urgency, verdict.confidence, floor, urgency), reasons)


def rules_tier(verdict: TextVerdict) -> str:
    """How firmly the text rules decided (see ``hotline.triage.model.TIERS``)."""
    if verdict.urgency == "low":
        return "settled_low"  # only a question about a service, with no sign of risk or need
    if rank(verdict.urgency) <= rank("medium") and any(h.kind in RISK_KINDS and (h.past or h.negated) for h in verdict.hits):
        return "deescalated"  # a risk named only as past or negated: the rules read it as no current risk
    return "confirmed" if verdict.confidence >= CONFIRMED else "open"


def _second_opinion(opinion: Opinion, urgency: str | None, text_category: str | None,
                    reasons: list[str]) -> tuple[str | None, str | None]:
    """Raise the urgency to the model's risk-averse level; take its category when the rules named none."""
    if rank(opinion.urgency) > rank(urgency):
        reasons.append(f"model: similar to calls labelled {opinion.urgency} (p={opinion.urgency_p:.2f} of "
                       f"{opinion.urgency} or above, over its cross-validated threshold {opinion.threshold:.2f}) "
                       f"→ at least {opinion.urgency}")
        urgency = opinion.urgency
    if text_category is None:
        reasons.append(f"model: the text is most like calls about {opinion.category} (p={opinion.category_p:.2f})")
        text_category = opinion.category
    return urgency, text_category


def _confidence(text_urgency: str | None, text_confidence: float, floor: str | None, urgency: str) -> float:
    """A screening answer is firm; a text cue is as firm as the evidence behind it; a rule-only raise is middling."""
    if floor == urgency:
        return 0.9
    return text_confidence if text_urgency == urgency else 0.6


def _is_silent(answers: Mapping[str, str], text: str) -> bool:
    """No meaningful answer and no text: the caller may be hiding (TRIAGE.md rule 2)."""
    return not (text or "").strip() and not any(k in MEANINGFUL_ANSWERS for k in answers)


def _repeat_floor(history: Sequence[PriorCall], now: datetime) -> str | None:
    """Reason if a high or critical call came in the 24 h before now (TRIAGE.md rule 4)."""
    now = now if now.tzinfo else now.replace(tzinfo=timezone.utc)
    for call in history:
        when = call.created_at if call.created_at.tzinfo else call.created_at.replace(tzinfo=timezone.utc)
        if rank(call.urgency) >= rank("high") and timedelta(0) <= now - when <= REPEAT_WINDOW:
            return f"rule: repeat caller within 24 h of a {call.urgency} call → at least high"
    return None


def _category(answer_cat: str | None, floor: str | None, text_cat: str | None, text_urgency: str | None,
              answers: Mapping[str, str], line: str | None) -> str:
    """The category of the signal that drives the response; the menu topic when the text is no stronger."""
    if answers.get("topic") == "elder_disability" and text_cat == "disability":
        return "disability"
    candidates = [(rank(floor), answer_cat), (rank(text_urgency), text_cat)]
    candidates = [(r, c) for r, c in candidates if c]
    if candidates:
        return max(candidates, key=lambda rc: (rc[0], -precedence(rc[1])))[1]
    return "mental_health" if str(line) == "1480" else "information"
