"""Signed cookies and CSRF tokens for the staff pages.

A page session is an ordinary bearer token of `hotline.auth` (stored only hashed, expiring, revocable at
logout) carried in an HttpOnly cookie signed with a key derived from the hotline's secret. The CSRF token
of a session is an HMAC of its secret, so nothing more is stored; before login a random nonce in a
signed cookie (double submit) guards the login form.
"""

import base64
import hashlib
import hmac
import secrets

from hotline.keys import derived_key
from hotline.settings import get_settings

SESSION_COOKIE = "hotline_session"
LOGIN_CSRF_COOKIE = "hotline_login_csrf"
CSRF_FIELD = "csrf_token"


def _mac(purpose: str, value: str) -> str:
    digest = hmac.new(derived_key(purpose), value.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def sign(value: str, *, purpose: str = "web-session") -> str:
    """The value with its signature appended: `value.signature`."""
    return f"{value}.{_mac(purpose, value)}"


def unsign(signed: str | None, *, purpose: str = "web-session") -> str | None:
    """The value of a signed string, or None when the signature does not match."""
    if not signed or "." not in signed:
        return None
    value, signature = signed.rsplit(".", 1)
    return value if hmac.compare_digest(signature, _mac(purpose, value)) else None


def csrf_for_session(secret: str) -> str:
    """The CSRF token of a session: stable for the session, useless for any other."""
    return _mac("web-csrf", secret)


def new_login_nonce() -> str:
    return secrets.token_urlsafe(24)


def tokens_match(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected, given)


def cookie_options(max_age: int) -> dict:
    """HttpOnly, SameSite=Lax, and Secure whenever the hotline is served over HTTPS."""
    secure = get_settings().public_base_url.startswith("https://")
    return {"max_age": max_age, "httponly": True, "samesite": "lax", "secure": secure, "path": "/"}
