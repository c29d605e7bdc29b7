"""Caller numbers: a keyed hash to recognise repeat callers, an encrypted copy to call back; never in clear."""

import hashlib
import hmac

from cryptography.fernet import InvalidToken, MultiFernet

from hotline.keys import derived_key


def hash_phone(number: str | None) -> str | None:
    if not number:
        return None
    normalised = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return hmac.new(derived_key("phone-hash"), normalised.encode(), hashlib.sha256).hexdigest()


def _fernet() -> MultiFernet:
    """Encrypts under the current key, decrypts under any key of the ring (until `hotline keys rotate`)."""
    from hotline.privacy.keyring import fernet

    return fernet()


def encrypt_phone(number: str | None) -> str | None:
    return _fernet().encrypt(number.encode()).decode() if number else None


def decrypt_phone(token: str | None) -> str | None:
    if not token:
        return None
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return None
