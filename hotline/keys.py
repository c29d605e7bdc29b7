"""The hotline's secret key, from settings or, on a single machine, a key file made once under var/."""

from functools import lru_cache
import hashlib
import secrets

from hotline.settings import get_settings

DEVELOPMENT_SECRET = "hotline-development-secret"


@lru_cache
def secret_key() -> bytes:
    settings = get_settings()
    if settings.secret_key:
        return settings.secret_key.encode()
    if settings.development:
        return DEVELOPMENT_SECRET.encode()
    path = settings.var_dir / "secret.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip().encode()


def derived_key(purpose: str) -> bytes:
    """A separate 32-byte key per purpose, so one leaked use does not expose another."""
    return hashlib.blake2b(purpose.encode(), key=secret_key()[:64], digest_size=32).digest()
