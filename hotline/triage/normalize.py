"""Text normalisation so one stem pattern matches the spellings callers really type."""

from __future__ import annotations

import re
import unicodedata

# Tajik letters typed without the special keyboard, and ё, fold to plain Russian letters.
_CYRILLIC_FOLD = str.maketrans({"ҳ": "х", "ӯ": "у", "ҷ": "ч", "қ": "к", "ғ": "г", "ӣ": "и", "ё": "е", "ў": "у"})
# Arabic-keyboard variants of Persian letters, Persian/Arabic digits, tatweel.
_ARABIC_FOLD = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "ـ": None, "\u200c": None, "\u200d": None}
    | {chr(0x06F0 + d): str(d) for d in range(10)}
    | {chr(0x0660 + d): str(d) for d in range(10)}
)
_APOSTROPHES = re.compile(r"['ʻʼ’‘`´]")
_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670]")
_PERSIAN_PREFIX = re.compile(r"\b(ن?می) (?=\S)")
_SPACES = re.compile(r"\s+")

# Uzbek Cyrillic to Latin, after apostrophes are dropped (oʻ → o, gʻ → g), so one Uzbek lexicon serves both.
_UZ_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z",
    "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ў": "o", "ф": "f", "х": "x", "ҳ": "h", "ц": "ts", "ч": "ch", "ш": "sh",
    "ъ": "", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ы": "i", "щ": "sh", "ӣ": "i", "ӯ": "u", "ҷ": "j",
}


# Tajik typed in Latin letters (SMS, chat, a phone without a Cyrillic keyboard) back to Cyrillic, digraphs first,
# so the Tajik lexicon reads it: "shavharam maro mezanad" → "шавхарам маро мезанад".
_TG_DIGRAPHS = (("sh", "ш"), ("ch", "ч"), ("kh", "х"), ("zh", "ж"), ("gh", "г"), ("ya", "я"), ("yo", "е"), ("yu", "ю"),
                ("ts", "ц"))
_TG_LETTERS = str.maketrans({
    "a": "а", "b": "б", "v": "в", "w": "в", "g": "г", "d": "д", "e": "е", "j": "ч", "z": "з", "i": "и", "y": "й",
    "k": "к", "q": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у",
    "f": "ф", "x": "х", "h": "х", "c": "к",
})


def tajik_cyrillic_view(text: str) -> str:
    """Lower-case and transliterate Latin letters to Tajik Cyrillic (folded), for Tajik typed in Latin."""
    text = _APOSTROPHES.sub("", unicodedata.normalize("NFC", text or "").lower())
    for latin, cyrillic in _TG_DIGRAPHS:
        text = text.replace(latin, cyrillic)
    return text.translate(_TG_LETTERS)


def normalize(text: str) -> str:
    """Lower-case and fold letter variants, apostrophes and Persian spacing to one spelling."""
    text = unicodedata.normalize("NFC", text or "").lower()
    text = text.translate(_ARABIC_FOLD)
    text = _DIACRITICS.sub("", text)
    text = _APOSTROPHES.sub("", text)
    text = _PERSIAN_PREFIX.sub(r"\1", text)
    text = text.translate(_CYRILLIC_FOLD)
    return _SPACES.sub(" ", text).strip()


def fold_pattern(pattern: str) -> str:
    """Apply the same letter folding to a (lower-case) lexicon pattern so it is written in proper spelling."""
    pattern = unicodedata.normalize("NFC", pattern).translate(_ARABIC_FOLD)  # not lower(): it would turn \S into \s
    return _APOSTROPHES.sub("", pattern).translate(_CYRILLIC_FOLD)


def uzbek_view(text: str) -> str:
    """Lower-case and transliterate Cyrillic to Uzbek Latin, so one Uzbek lexicon reads both scripts."""
    text = _APOSTROPHES.sub("", unicodedata.normalize("NFC", text or "").lower())
    return _SPACES.sub(" ", "".join(_UZ_LATIN.get(ch, ch) for ch in text)).strip()


def scripts(text: str) -> set[str]:
    """Which scripts the text uses: 'cyrillic', 'latin', 'arabic'."""
    found = set()
    for ch in text:
        if "\u0400" <= ch <= "\u04ff":
            found.add("cyrillic")
        elif "a" <= ch <= "z":
            found.add("latin")
        elif "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff":
            found.add("arabic")
    return found
