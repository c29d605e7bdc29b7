"""No phone number, name or note text in a log line: every record is redacted as it is made.

Installed once per process (the app, the worker, the clock, the CLI) as the log record factory, so it covers
every logger and every handler, including ones added later. Redacted: phone numbers, the values of fields that
hold a person's words or identity (notes, transcript, description, name, caller, From/To, body, phone), and the
bound parameters SQLAlchemy prints in its errors.
"""

import logging
import re

REDACTED = "[redacted]"
PHONE = re.compile(r"(?<![\w+])\+?\d(?:[ \-()]{0,2}\d){8,14}(?![\w])")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
SENSITIVE_KEYS = ("notes", "note", "transcript", "description", "name", "full_name", "caller", "from", "to",
                  "phone", "number", "body", "text", "speechresult")
_KEYS = "|".join(SENSITIVE_KEYS)
FIELD = re.compile(
    rf"""(?P<key>(?<![.\w])["']?(?:{_KEYS})\b["']?)(?P<sep>\s*[:=]\s*)(?P<value>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,;&}}\])]+)""", re.IGNORECASE)
SQL_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(?:\(|\n|$))", re.DOTALL)


def _phone(match: re.Match) -> str:
    text = match.group(0)
    return text if ISO_DATE.match(text) else "[phone]"


def _field(match: re.Match) -> str:
    return f"{match.group('key')}{match.group('sep')}{REDACTED}"


def redact(text: str) -> str:
    """The text with numbers, sensitive field values and SQL parameters replaced."""
    if not text:
        return text
    text = SQL_PARAMETERS.sub("[parameters: redacted]", text)
    text = FIELD.sub(_field, text)
    return PHONE.sub(_phone, text)


class RedactingFilter(logging.Filter):
    """For a handler or logger set up by hand: redacts the record in place and always lets it through."""

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record)
        return True


def redact_record(record: logging.LogRecord) -> logging.LogRecord:
    if getattr(record, "_hotline_redacted", False):
        return record
    try:
        message = record.getMessage()
    except (TypeError, ValueError, KeyError):  # a bad format string: keep what there is, redacted
        message = f"{record.msg} {record.args}"
    redacted = redact(message)
    if redacted != message and not _redact_args(record, redacted):
        record.msg, record.args = redacted, None
    if record.exc_info and not record.exc_text:
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
    record._hotline_redacted = True
    return record


def _redact_args(record: logging.LogRecord, redacted: str) -> bool:
    """Redact the arguments one by one, keeping their shape (formatters such as uvicorn's read them), when that
    gives the same message as redacting it whole; False otherwise."""
    if not isinstance(record.args, tuple):
        return False
    args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
    msg = redact(record.msg) if isinstance(record.msg, str) else record.msg
    try:
        if msg % args != redacted:
            return False
    except (TypeError, ValueError, KeyError):
        return False
    record.msg, record.args = msg, args
    return True


_installed = False


def install() -> None:
    """Redact every log record this process makes, from any logger; safe to call more than once."""
    global _installed
    if _installed:
        return
    make = logging.getLogRecordFactory()

    def factory(*args, **kwargs) -> logging.LogRecord:
        return redact_record(make(*args, **kwargs))

    logging.setLogRecordFactory(factory)
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactingFilter())
    _installed = True
