"""What the IVR answers alone decide, so the webhook can set a floor at once, before the worker runs."""

from __future__ import annotations

from collections.abc import Mapping

from hotline.triage.scale import max_urgency

# Topic → (category, urgency floor). `danger` has no category of its own: the text decides, else `information`,
# TRIAGE.md's "anything else" (a counselor re-files it); its urgency is critical either way.
TOPICS: dict[str, tuple[str | None, str | None]] = {
    "danger": (None, "critical"),
    "child": ("child_abuse", "high"),
    "violence": ("domestic_violence", "high"),
    "suicide": ("suicide_self_harm", "high"),
    "elder_disability": ("elder", "medium"),
    "stress": ("mental_health", "medium"),
    "family": ("family_relationships", "medium"),
    "disability": ("disability", "medium"),
    "other": (None, None),
}
YES, SILENT = "yes", "silent"


def urgency_from_answers(answers: Mapping[str, str], line: str | None = None) -> tuple[str | None, str | None, list[str]]:
    """Urgency floor, category and reasons that the IVR answers alone decide (unknown keys are ignored)."""
    answers = {str(k): str(v).strip().lower() for k, v in (answers or {}).items() if v is not None}
    urgency, category, reasons = _topic(answers.get("topic"))
    for floor, reason in _screening(answers):
        urgency = max_urgency(urgency, floor)
        reasons.append(reason)
    if answers.get("silent") == YES:
        urgency = max_urgency(urgency, "medium")
        reasons.append("rule: silent caller (pressed nothing, said nothing) → at least medium")
    if answers.get("counselor_requested") == YES:
        reasons.append("answer counselor_requested=yes: caller pressed 0 for a counselor")
    return urgency, category, reasons


def _topic(topic: str | None) -> tuple[str | None, str | None, list[str]]:
    """Floor and category of the menu topic."""
    if topic not in TOPICS:
        return None, None, []
    category, floor = TOPICS[topic]
    if floor is None:
        return None, category, []
    return floor, category, [f"answer topic={topic} → at least {floor}"]


def _screening(answers: Mapping[str, str]) -> list[tuple[str, str]]:
    """Floors from the yes/no screening questions (TRIAGE.md rule 3)."""
    out = []
    if answers.get("danger_now") == YES:
        out.append(("critical", "answer danger_now=yes: someone in danger right now → critical"))
    elif answers.get("danger_now") == SILENT:
        out.append(("high", "answer danger_now=silent: no answer to the danger question → at least high"))
    if answers.get("suicide_now") in (YES, SILENT):
        out.append(("critical", f"answer suicide_now={answers['suicide_now']}: thoughts of suicide now (refusal counts as yes) → critical"))
    for key, meaning in (("someone_hurt", "someone is hurt"), ("weapon", "a weapon"), ("aggressor_present", "the aggressor is present")):
        if answers.get(key) == YES:
            out.append(("critical", f"answer {key}=yes: {meaning} → critical"))
    return out
