"""Find lexicon cues in a text, with the clause each sits in, negation and past tense marked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hotline.triage.lexicon import LEXICONS, SCRIPTS, VIEW
from hotline.triage.normalize import normalize, scripts, tajik_cyrillic_view, uzbek_view

# Clause breaks: punctuation and the words for "but", so a negation or a "years ago" stays in its clause.
_CLAUSE_BREAK = re.compile(
    r"[.,;:!?\n،؛]|(?<!\w)(?:но|а|однако|вале|лекин|аммо|lekin|ammo|biroq|but|ولی|اما|ولے)(?!\w)"
)
_WORD_END = re.compile(r"\w*")
# English function words: Latin text with one of them is English, not Tajik typed in Latin ("hungry" is not "хун").
_ENGLISH = re.compile(r"(?<!\w)(?:the|and|my|is|are|was|were|to|of|with|for|have|has|she|he|it|we|they|not|this|"
                      r"that|his|her|our|your|im|i|me|a|an|at|on|from|but|so|do|dont|can|cant|will)(?!\w)")
# Kinds whose meaning flips under a negation or a distant-past marker in the same clause.
RISK_KINDS = frozenset(
    {"suicide_intent", "suicide_ideation", "self_harm", "means", "weapon", "violence", "threat_kill", "sexual",
     "overdose", "act", "threat", "control", "emotional", "unconscious", "bleeding"}
)

# Kinds whose cue is itself a negation: the danger is the "not" ("not breathing", "does not answer").
NEGATIVE_DANGER = frozenset({"unconscious", "no_response"})


@dataclass(frozen=True)
class Hit:
    """One cue found in one view of the text."""

    kind: str
    phrase: str
    gloss: str
    language: str
    view: str
    start: int
    end: int
    clause: int
    negated: bool = False
    past: bool = False


def views(text: str) -> dict[str, str]:
    """The folded text, the Uzbek Latin view of it, and (when it has Latin letters) a Tajik Cyrillic view."""
    out = {"folded": normalize(text), "uzbek": normalize(uzbek_view(text))}
    if "latin" in scripts(out["folded"]) and not _ENGLISH.search(out["folded"]):
        out["tajik"] = normalize(tajik_cyrillic_view(text))
    return out


def _clause_starts(text: str) -> list[int]:
    """Start offsets of the clauses of a text."""
    return [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)]


def _clause_of(starts: list[int], position: int) -> int:
    """Index of the clause that holds a position."""
    return sum(1 for s in starts if s <= position) - 1


def _languages_for(text: str) -> list[tuple[str, str]]:
    """(lexicon, view) for every lexicon whose script appears in the text: the stated language may be missing or
    wrong. Latin letters also get the Tajik lexicon, on the Tajik Cyrillic view (Tajik typed in Latin)."""
    present = scripts(normalize(text))
    out = [(lang, VIEW[lang]) for lang, needed in SCRIPTS.items() if needed & present]
    if "latin" in present and not _ENGLISH.search(normalize(text)):
        out.append(("tg", "tajik"))
    return out


def find_hits(text: str) -> list[Hit]:
    """All cues of all plausible lexicons, each tagged with clause, negation and past."""
    texts = views(text)
    starts = {name: _clause_starts(body) for name, body in texts.items()}
    raw: list[Hit] = []
    for language, view in _languages_for(text):
        body = texts[view]
        for cue in LEXICONS[language]:
            for m in cue.regex.finditer(body):
                clause = _clause_of(starts[view], m.start())
                word = _WORD_END.match(body, m.end())
                raw.append(Hit(cue.kind, m.group(0) + word.group(0), cue.gloss, language, view, m.start(), m.end(), clause))
    return [_mark(hit, raw) for hit in _dedupe(raw)]


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """One hit per kind and place: Tajik and Russian lexicons often share a stem."""
    seen: set[tuple[str, str, int]] = set()
    out = []
    for hit in hits:
        key = (hit.view, hit.kind, hit.start)
        if key not in seen:
            seen.add(key)
            out.append(hit)
    return out


def _mark(hit: Hit, hits: list[Hit]) -> Hit:
    """Flag a risk cue negated or past when such a marker shares its clause (and is not part of the cue)."""
    if hit.kind not in RISK_KINDS:
        return hit
    same = [h for h in hits if h.view == hit.view and h.clause == hit.clause]
    # A negator that is part of a danger cue ("not breathing", "not picking up") negates nothing else.
    dangers = [h for h in same if h.kind in NEGATIVE_DANGER]
    negated = any(h.kind == "neg" and not (hit.start <= h.start and h.end <= hit.end)
                  and not any(d.start <= h.start and h.end <= d.end for d in dangers) for h in same)
    past = any(h.kind == "past" for h in same)
    if negated or past:
        return Hit(**{**hit.__dict__, "negated": negated, "past": past})
    return hit
