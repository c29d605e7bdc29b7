"""Secrets the app must not run without outside development: a real secret key and a real Twilio token."""

from hotline.keys import DEVELOPMENT_SECRET
from hotline.settings import DEVELOPMENT_TWILIO_TOKEN, Settings

MIN_SECRET_LENGTH = 32
KNOWN_DEFAULTS = {DEVELOPMENT_SECRET, "changeme", "change-me", "secret", "hotline", "default"}


def secret_faults(settings: Settings) -> list[str]:
    """Why these settings are unsafe to serve callers with; empty in development or when all is well."""
    if settings.development:
        return []
    faults = []
    key = settings.secret_key or ""
    if not key:
        faults.append("HOTLINE_SECRET_KEY is not set (required unless HOTLINE_ENV=development)")
    elif key in KNOWN_DEFAULTS or len(key) < MIN_SECRET_LENGTH:
        faults.append(f"HOTLINE_SECRET_KEY is a default or shorter than {MIN_SECRET_LENGTH} characters")
    if settings.twilio_auth_token == DEVELOPMENT_TWILIO_TOKEN:
        faults.append("HOTLINE_TWILIO_AUTH_TOKEN is the development token")
    return faults
