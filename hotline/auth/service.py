"""Staff accounts and their bearer tokens: create, authenticate, issue, resolve and revoke."""

from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline.audit import service as audit
from hotline.audit import tracking  # noqa: F401  (audits every change to users and partners)
from hotline.auth import security
from hotline.auth.models import ROLES, ApiToken, User
from hotline.calls.models import LANGUAGES, LINES
from hotline.db import add_unique, utcnow
from hotline.security import passwords, throttle
from hotline.settings import get_settings

MIN_PASSWORD_LENGTH = passwords.MIN_LENGTH
MAX_USERNAME_LENGTH = 64


class UserError(ValueError):
    """A user account that cannot be created as asked; the message says why, in one line."""


def get_by_username(*, db_session: Session, username: str) -> User | None:
    return db_session.scalar(select(User).where(User.username == username))


def list_users(*, db_session: Session) -> list[User]:
    return list(db_session.scalars(select(User).order_by(User.username)))


def create_user(*, db_session: Session, username: str, password: str, role: str,
                languages: Iterable[str] | None = None, lines: Iterable[str] | None = None) -> User:
    """Add a staff account after checking every field; raises UserError naming the first fault."""
    username = _valid_username(username)
    _check_password(password, username)
    if role not in ROLES:
        raise UserError(f"unknown role '{role}' (choose from {', '.join(ROLES)})")
    user = User(username=username, password_hash=security.hash_password(password), role=role,
                languages=_valid_choices("language", languages, LANGUAGES),
                lines=_valid_choices("line", lines, LINES), active=True)
    if get_by_username(db_session=db_session, username=username):
        raise UserError(f"username '{username}' is taken")
    if not add_unique(db_session, user):  # created by someone else in the meantime
        raise UserError(f"username '{username}' is taken")
    return user


def _valid_username(username: str) -> str:
    username = (username or "").strip()
    if not username:
        raise UserError("username must not be empty")
    if len(username) > MAX_USERNAME_LENGTH or any(ch.isspace() for ch in username):
        raise UserError(f"username must be one word of at most {MAX_USERNAME_LENGTH} characters")
    return username


def _check_password(password: str, username: str = "") -> None:
    fault = passwords.policy_fault(password, username)
    if fault:
        raise UserError(fault)


def _valid_choices(what: str, values: Iterable[str] | None, allowed: tuple[str, ...]) -> list[str]:
    """The chosen values in canonical order; all of them when none are given."""
    if values is None:
        return list(allowed)
    chosen = {value.strip() for value in values if value.strip()}
    unknown = sorted(chosen - set(allowed))
    if unknown:
        raise UserError(f"unknown {what} '{unknown[0]}' (choose from {', '.join(allowed)})")
    if not chosen:
        raise UserError(f"at least one {what} is needed (choose from {', '.join(allowed)})")
    return [value for value in allowed if value in chosen]


def login_locked_for(*, username: str, address: str | None = None) -> int:
    """Seconds this username (or client address) is locked out after too many failed logins; 0 if not."""
    return throttle.locked_for(username, address)


def authenticate(*, db_session: Session, username: str, password: str, address: str | None = None) -> User | None:
    """The active user with these credentials, or None; equally slow whether or not the username exists.

    A locked-out username or address gets None without a check; every failure counts towards a lockout.
    """
    if throttle.locked_for(username, address):
        return None
    user = get_by_username(db_session=db_session, username=username)
    if user is None:
        security.spend_verify_time(password)
        throttle.failed(username, address)
        return None
    if not security.verify_password(user.password_hash, password) or not user.active:
        throttle.failed(username, address)
        return None
    throttle.succeeded(username)
    if security.needs_rehash(user.password_hash):
        user.password_hash = security.hash_password(password)
    return user


def issue_token(*, db_session: Session, user: User) -> tuple[str, ApiToken]:
    """A new bearer secret for the user; only its hash is stored, so the secret is returned once."""
    secret = security.new_token()
    token = ApiToken(token_hash=security.token_hash(secret), user_id=user.id,
                     expires_at=utcnow() + timedelta(seconds=get_settings().token_ttl_s), revoked=False)
    db_session.add(token)
    db_session.flush()
    return secret, token


def token_for_secret(*, db_session: Session, secret: str) -> ApiToken | None:
    """The live token of this secret: not expired, not revoked, and its user still active."""
    if not secret:
        return None
    token = db_session.scalar(select(ApiToken).where(ApiToken.token_hash == security.token_hash(secret)))
    if token is None or token.revoked or token.expires_at <= utcnow() or not token.user.active:
        return None
    audit.set_actor(db_session, user_id=token.user_id, username=token.user.username)
    return token


def revoke_token(*, token: ApiToken) -> None:
    token.revoked = True
