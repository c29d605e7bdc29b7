"""The staff pages in Tajik, Russian and English: Babel catalogues (.po compiled to .mo), chosen per user."""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
import gettext
import logging
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
log = logging.getLogger(__name__)
DOMAIN = "messages"
UI_LANGUAGES = ("tg", "ru", "en")
LANGUAGE_NAMES = {"tg": "Тоҷикӣ", "ru": "Русский", "en": "English"}
DEFAULT = "en"
_current: ContextVar[str] = ContextVar("ui_language", default=DEFAULT)


def compile_catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every .po whose .mo is missing or older (a fresh clone, an edited catalogue); the .mo files written."""
    written = []
    for po_path in sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        try:
            with mo_path.open("wb") as mo_file:
                write_mo(mo_file, catalog)
        except OSError as exc:  # an installed, read-only copy: its shipped .mo serve
            log.warning("could not compile %s: %s", po_path, exc)
            continue
        written.append(mo_path)
    return written


@lru_cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language (English names the ids in words); the source strings without one."""
    if language not in UI_LANGUAGES:
        language = DEFAULT
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[language], fallback=True)


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message


def pick(requested: str | None, accept_language: str | None) -> str:
    """The language asked for by name, else the browser's first supported one (Accept-Language), else English."""
    if requested in UI_LANGUAGES:
        return requested
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in UI_LANGUAGES:
            return code
    return DEFAULT


def gettext_(message: str) -> str:
    """The message in the active language; an empty one stays empty (gettext would answer the catalogue header)."""
    return translations(_current.get()).gettext(message) if message else message


def ngettext_(singular: str, plural: str, n: int) -> str:
    return translations(_current.get()).ngettext(singular, plural, n)


def current() -> str:
    return _current.get()


@contextmanager
def active(language: str | None):
    """Translate into this language (a user's setting) for the block: the pages drawn inside it."""
    token = _current.set(language if language in UI_LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _current.reset(token)


def install(env) -> None:
    """Give a Jinja2 environment `_()` and `{% trans %}` in the active language."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext_, ngettext_, newstyle=True)
    env.globals["ui_language"] = current
