"""The key ring: the current secret key (which hashes and encrypts) and the previous ones (still read).

Operators rotate by setting HOTLINE_SECRET_KEY to a new key and HOTLINE_PREVIOUS_SECRET_KEYS to a JSON list
holding the old one, then running `hotline keys rotate`: every row is re-encrypted and re-hashed under the new
key. Until then numbers under an old key still decrypt (call backs keep working).
"""

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet

from hotline.keys import secret_key
from hotline.settings import get_settings

HASH_PURPOSE = "phone-hash"
ENCRYPTION_PURPOSE = "phone-encryption"


def current_secret() -> bytes:
    return secret_key()


def previous_secrets() -> list[bytes]:
    current = current_secret()
    return [key.encode() for key in get_settings().previous_secret_keys if key and key.encode() != current]


def all_secrets() -> list[bytes]:
    return [current_secret(), *previous_secrets()]


def derive(secret: bytes, purpose: str) -> bytes:
    """The same derivation as hotline.keys.derived_key, for any key of the ring."""
    return hashlib.blake2b(purpose.encode(), key=secret[:64], digest_size=32).digest()


def normalise(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


def hash_with(secret: bytes, number: str) -> str:
    return hmac.new(derive(secret, HASH_PURPOSE), normalise(number).encode(), hashlib.sha256).hexdigest()


def hashes_of(number: str) -> list[str]:
    """The number's hash under every key of the ring, current first: finds rows not yet rotated."""
    return [hash_with(secret, number) for secret in all_secrets()]


@lru_cache(maxsize=8)
def _fernet_for(secrets: tuple[bytes, ...]) -> MultiFernet:
    return MultiFernet([Fernet(base64.urlsafe_b64encode(derive(s, ENCRYPTION_PURPOSE))) for s in secrets])


def fernet() -> MultiFernet:
    """Encrypts with the current key; decrypts with any key of the ring."""
    return _fernet_for(tuple(all_secrets()))


def current_fernet() -> MultiFernet:
    return _fernet_for((current_secret(),))
