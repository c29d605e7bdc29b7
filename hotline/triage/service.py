"""classify(): combine IVR answers, free text and caller history into one urgency, category and reasons."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from hotline.triage.answers import urgency_from_answers
from hotline.triage.model import Decision, Model, Opinion, decide, load
from hotline.triage.scale import max_urgency, precedence, rank
from hotline.triage.text import TextVerdict, analyse

REPEAT_WINDOW = timedelta(hours=24)
# Where the rules are most specific, their category stands when the model finds it at least this likely: a firm
# cue names the response (a drunk father beating a child is child_abuse), a service question names what it asks
# about. Elsewhere the model's category, right more often on unseen callers than the rules' first cue.
CATEGORY_AGREEMENT = 0.25
MEANINGFUL_ANSWERS = frozenset({"topic", "someone_hurt", "aggressor_present", "weapon", "suicide_now", "danger_now", "silent"})
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

    The text is read by the rules and (when shipped and ``use_model``) by the model together: see ``_read``.
    The screening answers, the repeat-caller and the silence rules are floors that nothing lowers."""
    answers = answers or {}
    floor, answer_category, reasons = urgency_from_answers(answers, line)
    verdict = analyse(text)
    reasons = reasons + verdict.reasons
    opinion = MODEL.opinion(text, verdict.hits) if use_model and MODEL and (text or "").strip() else None
    text_urgency, text_category = _read(verdict, opinion, MODEL, reasons) if opinion else (verdict.urgency, verdict.category)
    urgency = max_urgency(floor, text_urgency)
    repeat = _repeat_floor(history, now or datetime.now(timezone.utc))
    if repeat:
        urgency = max_urgency(urgency, "high")
        reasons.append(repeat)
    if urgency is None or _is_silent(answers, text):
        urgency = max_urgency(urgency, "medium")
        reasons.append("rule: silence is not safety (no answers and no text) → at least medium")
    category = _category(answer_category, floor, text_category, text_urgency, answers, line)
    text_confidence = round(opinion.probabilities[text_urgency], 2) if opinion else verdict.confidence
    return TriageResult(urgency, category, _confidence(text_urgency, text_confidence, floor, urgency), reasons)


def _read(verdict: TextVerdict, opinion: Opinion, model: Model, reasons: list[str]) -> tuple[str, str]:
    """The text's urgency by ``model.decide`` (the rules' firm levels always stand) and its category."""
    decision = decide(opinion.probabilities, model.thresholds, verdict)
    reasons.extend(_decision_reasons(decision, verdict, opinion))
    category = opinion.category
    specific = decision.urgency == verdict.urgency and (verdict.firm or verdict.urgency == "low")
    if specific and opinion.categories.get(verdict.category, 0.0) >= CATEGORY_AGREEMENT:
        category = verdict.category
    reasons.append(f"model: the text is most like calls about {opinion.category} (p={opinion.categories[opinion.category]:.2f})"
                   + (f"; the rules' {verdict.urgency} cue says {category}" if category != opinion.category else ""))
    return decision.urgency, category


def _decision_reasons(decision: Decision, verdict: TextVerdict, opinion: Opinion) -> list[str]:
    """What the model added to the rules' reasons, and where it overruled them."""
    level, out = decision.urgency, []
    if decision.by == "lift":
        out.append(f"model: similar to calls labelled {level} (p={decision.p:.2f} of {level} or above, over its "
                   f"cross-validated threshold {decision.threshold:.2f}) → at least {level}")
    elif decision.by == "likely":
        out.append(f"model: most like calls labelled {level} (p={opinion.probabilities[level]:.2f})")
    elif decision.by == "unsure":
        out.append(f"model: not sure it is low either (p={opinion.probabilities['low']:.2f}) → medium")
    elif decision.by in ("rules", "rules-firm"):
        likely = max(opinion.probabilities, key=opinion.probabilities.get)
        why = "a cue the model never lowers" if decision.by == "rules-firm" else f"p={decision.p:.2f} of {level} or above"
        out.append(f"model: most like calls labelled {likely} (p={opinion.probabilities[likely]:.2f}); the rules' {level} "
                   f"stands ({why})")
    if verdict.urgency and rank(verdict.urgency) > rank(level):
        out.append(f"model: the rules' {verdict.urgency} is unlikely here (p={opinion.at_least(verdict.urgency):.2f} "
                   f"of {verdict.urgency} or above) → {level}")
    return out


def _confidence(text_urgency: str | None, text_confidence: float, floor: str | None, urgency: str) -> float:
    """A screening answer is firm; a text reading is as firm as the evidence behind it; a rule-only raise is middling."""
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
