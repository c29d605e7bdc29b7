"""The text rules: which cues, alone or together, raise a call to which urgency and category."""

from __future__ import annotations

from hotline.triage.matching import Hit
from hotline.triage.signals import SERVICE_TOPICS, STRONG, SUBJECT_CATEGORY, TOPICS, WEAK, Context, Signal, phrase

# Self-harm with its own blade is chronic self-harm (high); means turn only suicidal talk or an act critical.
SUICIDE_CONTEXT = ("self_harm", "suicide_intent", "suicide_ideation", "farewell", "act", "overdose")
HARM_CONTEXT = ("violence", "threat_kill", "threat")


def _by_subject(ctx: Context, hit: Hit, default: str, child: str = "child_abuse") -> str:
    """Category of a harm from whom it is done to."""
    subject = ctx.subject(hit)
    if subject in ("child", "child_age") and ctx.has("pension_theft"):
        # "her son takes her pension": the son is who harms, the older (or disabled) person is the one harmed
        return "disability" if ctx.has("disability") else "elder"
    if subject in ("child", "child_age"):
        return child
    return SUBJECT_CATEGORY.get(subject, default) if subject else default


def suicide_signals(ctx: Context) -> list[Signal]:
    """Suicidal talk, self-harm, negated or past mentions, and the means that make it critical."""
    out: list[Signal] = []
    for hit in ctx.hits:
        if hit.kind not in ("suicide_intent", "suicide_ideation", "self_harm"):
            continue
        if hit.past and not hit.negated and ctx.has("again"):
            out.append(Signal("high", "suicide_self_harm", STRONG, phrase(hit, "high (in the past, and the thoughts are back)")))
        elif hit.negated or hit.past:
            why = "negated" if hit.negated else "in the past"
            out.append(Signal("medium", "mental_health", STRONG, phrase(hit, f"medium ({why}: not a current risk)")))
        elif hit.kind == "suicide_intent":
            out.append(Signal("critical", "suicide_self_harm", STRONG, phrase(hit, "critical (stated intent)")))
        elif hit.kind == "suicide_ideation" and ctx.near_now(hit):
            out.append(Signal("critical", "suicide_self_harm", STRONG, phrase(hit, "critical (thoughts of suicide now)")))
        else:
            out.append(Signal("high", "suicide_self_harm", STRONG, phrase(hit, "high")))
    return out + _means_signals(ctx)


def _means_signals(ctx: Context) -> list[Signal]:
    """Means and methods (pills, rope, roof, gas, knife) next to suicidal talk or an act → critical."""
    out: list[Signal] = []
    drugs = ctx.has("substance") and not ctx.has("suicide_intent", "suicide_ideation", "farewell")
    category = "substance_use" if drugs else "suicide_self_harm"
    if ctx.has("young_child") and not ctx.has("suicide_intent", "suicide_ideation", "farewell", "self_harm"):
        category = "health"  # a toddler who swallowed pills or bleach is a poisoning, not a suicide attempt
    for hit in ctx.active:
        if hit.kind == "overdose" and ctx.has("fainted"):
            continue
        if hit.kind == "overdose":
            out.append(Signal("critical", category, STRONG, phrase(hit, "critical")))
        elif hit.kind == "means" and ctx.has(*SUICIDE_CONTEXT[1:]):
            out.append(Signal("critical", category, STRONG, phrase(hit, "critical (means with suicidal talk or act)")))
        elif hit.kind == "farewell":
            urgency = "critical" if ctx.has("means", "weapon", "suicide_intent", "suicide_ideation") else "high"
            out.append(Signal(urgency, "suicide_self_harm", STRONG, phrase(hit, urgency)))
        elif hit.kind == "weapon" and ctx.has("farewell", "suicide_intent", "suicide_ideation"):
            out.append(Signal("critical", "suicide_self_harm", STRONG, phrase(hit, "critical (weapon at hand)")))
    for hit in ctx.hits:
        if hit.kind == "overdose" and hit.past:
            out.append(Signal("high", category, STRONG, phrase(hit, "high (overdose in the past)")))
    return out


def harm_signals(ctx: Context) -> list[Signal]:
    """Violence, threats, sexual abuse, control and neglect, categorised by who is harmed."""
    out: list[Signal] = []
    for hit in ctx.hits:
        if hit.kind in ("violence", "sexual") and hit.past and not hit.negated:
            out.append(Signal("medium", "mental_health", WEAK, phrase(hit, "medium (in the past)")))
    for hit in ctx.active:
        out.extend(_harm(ctx, hit))
    return out


def _harm(ctx: Context, hit: Hit) -> list[Signal]:
    """The signal of one active harm cue."""
    kind = hit.kind
    if kind in ("violence", "violence_now", "threat_kill", "threat", "control", "emotional", "bruise", "danger"):
        category = _by_subject(ctx, hit, "domestic_violence")
        urgency, reason = _violence_level(ctx, hit)
        return [Signal(urgency, category, STRONG, reason)]
    if kind == "weapon" and not ctx.has(*SUICIDE_CONTEXT):
        urgency = "critical" if ctx.has("now_strong", "now", "threat", "threat_kill", "partner") else "high"
        return [Signal(urgency, _by_subject(ctx, hit, "domestic_violence"), STRONG, phrase(hit, f"{urgency} (a weapon)"))]
    if kind == "sexual":
        category = _by_subject(ctx, hit, "domestic_violence")
        urgency = "critical" if ctx.near_now(hit) and category == "child_abuse" else "high"
        return [Signal(urgency, category, STRONG, phrase(hit, urgency))]
    if kind == "grooming" and ctx.has("child", "child_age", "young_child"):
        urgency = "critical" if ctx.has("now_strong") else "high"
        return [Signal(urgency, "child_abuse", STRONG, phrase(hit, f"{urgency} (an adult grooming a child)"))]
    if kind == "pension_theft":
        category = "disability" if ctx.has("disability") else "elder"
        return [Signal("high", category, STRONG, phrase(hit, "high (an older or disabled person's money taken)"))]
    if kind == "hunger" and not ctx.has("money"):
        return [Signal("high", _by_subject(ctx, hit, "child_without_care"), STRONG, phrase(hit, "high (hungry, no other need named)"))]
    if kind == "psychosis":
        return [Signal("high", None, WEAK, phrase(hit, "high (hallucinations or paranoia)"))]
    if kind == "pp_risk":
        return [Signal("high", "mental_health", STRONG, phrase(hit, "high (a mother rejecting her baby)"))]
    if kind == "help":
        return [Signal("high", None, WEAK, phrase(hit, "high (a cry for help: unsure, so high)"))]
    if kind == "exploitation":
        urgency = "critical" if ctx.has("now_strong") or (ctx.has("soon") and ctx.has("control")) else "high"
        return [Signal(urgency, "child_abuse", STRONG, phrase(hit, urgency))]
    if kind == "neglect":
        left = ctx.has("alone", "cwc_risk", "abandoned", "parents_away", "street_child")
        category = "child_without_care" if left else _by_subject(ctx, hit, "child_abuse")
        return [Signal("high", category, STRONG, phrase(hit, "high (neglect)"))]
    return []


def _violence_level(ctx: Context, hit: Hit) -> tuple[str, str]:
    """Urgency and reason of a violence-like cue: now, a weapon, a death threat or blood make it critical."""
    if hit.kind == "threat_kill":
        return "critical", phrase(hit, "critical (threat to kill)")
    if hit.kind == "danger" and not ctx.near_now(hit):
        return "high", phrase(hit, "high")
    if hit.kind in ("violence_now", "danger") or (hit.kind == "violence" and ctx.near_now(hit)):
        return "critical", phrase(hit, "critical (happening now)")
    if hit.kind == "violence" and ctx.has("weapon", "bleeding"):
        found = ctx.first("weapon", "bleeding")
        return "critical", phrase(hit, "critical") + f"; rule: with '{found.phrase}' ({found.gloss}) → critical"
    return "high", phrase(hit, "high")


def care_signals(ctx: Context) -> list[Signal]:
    """Children or older people missing, alone, abandoned or without care; collapse; eviction."""
    out: list[Signal] = []
    exposed = ctx.has("night", "soon")
    # A baby or toddler alone is in danger whatever the hour.
    unsafe = ctx.has("night", "days", "neglect", "street_child", "young_child")
    for hit in ctx.active:
        kind = hit.kind
        if kind == "alone_weak" and ctx.subject(hit) in ("child", "child_age") and not ctx.has("alone"):
            kind = "alone"  # a plain "alone" counts only when it is said of a child
        if kind == "missing":
            category = "elder" if ctx.subject(hit) == "elder" else "child_without_care"
            out.append(Signal("critical", category, STRONG, phrase(hit, "critical (missing)")))
        elif kind in ("alone", "abandoned"):
            category = _by_subject(ctx, hit, "child_without_care", child="child_without_care")
            if kind == "abandoned" and ctx.subject(hit) in ("self", "partner"):
                category = "domestic_violence"
            elif kind == "alone" and category == "domestic_violence":
                category = "child_without_care"  # "children alone, mother left": the mother is absent, not harmed
            urgency = "critical" if unsafe else "high"
            out.append(Signal(urgency, category, STRONG, phrase(hit, urgency)))
        elif kind == "street_child":
            urgency = "critical" if ctx.has("night", "days", "now", "now_strong") else "high"
            out.append(Signal(urgency, "child_without_care", STRONG, phrase(hit, f"{urgency} (a child sleeping rough)")))
        elif kind == "cwc_risk":
            out.append(Signal("high", "child_without_care", STRONG, phrase(hit, "high")))
        elif kind == "no_response" and (ctx.has("elder", "alone", "bleeding", *SUICIDE_CONTEXT)):
            out.append(Signal("critical", _collapse_category(ctx), STRONG, phrase(hit, "critical (no response)")))
        elif kind == "unconscious" and not any(h.kind == "fainted" and h.start <= hit.start < h.end for h in ctx.hits):
            out.append(Signal("critical", _collapse_category(ctx), STRONG, phrase(hit, "critical")))
        elif kind == "bleeding" and not ctx.has(*HARM_CONTEXT):
            out.append(Signal("high", "health", WEAK, phrase(hit, "high")))
        elif kind == "eviction" and (ctx.has("nowhere") or exposed):
            out.append(Signal("high", "basic_needs", STRONG, phrase(hit, "high (losing shelter now)")))
    out.extend(_past_collapse(ctx))
    return out


def _collapse_category(ctx: Context) -> str:
    """Who collapsed decides the category."""
    if ctx.has("substance") and not ctx.has("suicide_intent", "suicide_ideation", "farewell", "self_harm"):
        return "substance_use"  # too much heroin and not breathing: a drug emergency, not a suicide attempt
    if ctx.has(*SUICIDE_CONTEXT):
        return "suicide_self_harm"
    if ctx.has("substance"):
        return "substance_use"
    return "elder" if ctx.has("elder") else "health"


def _past_collapse(ctx: Context) -> list[Signal]:
    """A collapse or drug emergency that already happened: serious, not this minute."""
    out = []
    for hit in ctx.hits:
        if hit.kind == "unconscious" and hit.past:
            out.append(Signal("high", _collapse_category(ctx), STRONG, phrase(hit, "high (earlier collapse)")))
    for hit in ctx.hits:
        if hit.kind == "fainted":
            out.append(Signal("high", _collapse_category(ctx), STRONG, phrase(hit, "high (collapsed earlier)")))
    drugs = ctx.first("substance")
    minor = drugs and any(h.kind == "child_age" and h.view == drugs.view and h.clause == drugs.clause for h in ctx.hits)
    if drugs and (ctx.has("hospital") or minor):
        out.append(Signal("high", "substance_use", STRONG, phrase(drugs, "high") + "; rule: drugs with a minor or a hospital visit → high"))
    return out


def topic_signals(ctx: Context) -> list[Signal]:
    """Topic words: a medium need, or `low` when the call is only a question about a service."""
    out: list[Signal] = []
    for hit in ctx.hits:
        if hit.kind in TOPICS:
            category, strength = TOPICS[hit.kind]
            out.append(Signal("medium", category, strength, phrase(hit, f"medium ({category or 'need'})")))
    return out


def only_service_question(ctx: Context) -> bool:
    """Whether the text is a question about a service (or a follow-up) with no sign of need or distress."""
    if ctx.has("admin", "prof"):
        return True
    if not ctx.has("info"):
        return False
    need = [h for h in ctx.hits if h.kind in TOPICS and h.kind not in SERVICE_TOPICS]
    return not need
