"""Per-language lexicons of stem patterns, compiled once at import.

Each language module defines ``CUES``: a mapping from a cue kind (see ``hotline.triage.signals``) to a list of
``(pattern, gloss)`` pairs. Patterns are regular expressions written in the language's proper spelling; they
are folded like the text (see ``normalize``) and anchored at a word start, so a stem matches every ending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hotline.triage.lexicon import danger, danger_now, en, en_more, fa, fa_more, needs, ru, ru_more, services, tg, tg_more, uz, uz_more
from hotline.triage.normalize import fold_pattern

LANGUAGES = ("tg", "ru", "uz", "fa", "en")

# Which view of the text each lexicon reads: the folded text, or the Uzbek Latin transliteration.
VIEW = {"tg": "folded", "ru": "folded", "uz": "uzbek", "fa": "folded", "en": "folded"}
# Which scripts make a lexicon worth trying.
SCRIPTS = {"tg": {"cyrillic"}, "ru": {"cyrillic"}, "uz": {"latin", "cyrillic"}, "fa": {"arabic"}, "en": {"latin"}}


@dataclass(frozen=True)
class Cue:
    """One compiled lexicon entry."""

    language: str
    kind: str
    regex: re.Pattern[str]
    gloss: str


def _compile(language: str, cues: dict[str, list[tuple[str, str]]]) -> tuple[Cue, ...]:
    """Fold and compile a language's patterns, anchored at a word start."""
    return tuple(
        Cue(language, kind, re.compile(r"(?<!\w)(?:" + fold_pattern(pattern) + ")"), gloss)
        for kind, entries in cues.items()
        for pattern, gloss in entries
    )


def _merge(*parts: dict[str, list[tuple[str, str]]]) -> dict[str, list[tuple[str, str]]]:
    """One language's cues from its base module and its extension module."""
    merged: dict[str, list[tuple[str, str]]] = {}
    for part in parts:
        for kind, entries in part.items():
            merged.setdefault(kind, []).extend(entries)
    return merged


_MODULES = {"tg": (tg, tg_more), "ru": (ru, ru_more), "uz": (uz, uz_more), "fa": (fa, fa_more), "en": (en, en_more)}
LEXICONS: dict[str, tuple[Cue, ...]] = {
    name: _compile(name, _merge(*(m.CUES for m in modules), services.CUES[name], danger.CUES[name], danger_now.CUES[name], danger_now.HIGH_RISK[name], needs.CUES[name])) for name, modules in _MODULES.items()
}
