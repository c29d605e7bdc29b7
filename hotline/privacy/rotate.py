"""`hotline keys rotate`: every caller number re-encrypted, and every keyed hash re-computed, under the current key.

Repeat callers still match afterwards: the hashes of every table (calls, case files, flags, blocks, inbound SMS)
are mapped from each old key's hash of a number to the current key's hash of the same number. Safe to re-run;
done in batches, one transaction each.
"""

import logging
from collections import Counter

from cryptography.fernet import InvalidToken
from sqlalchemy import Table, select, update

from hotline.db import transaction
from hotline.privacy import keyring
from hotline.schema import metadata

log = logging.getLogger(__name__)
HASH_COLUMNS = ("caller_hash", "sender_hash")
BATCH = 500


def rotate(*, batch: int = BATCH) -> dict[str, int]:
    """Re-key everything under the current key; returns counts (re-encrypted, re-hashed per table, unreadable)."""
    counts: Counter = Counter()
    mapping: dict[str, str] = {}
    _reencrypt_calls(batch, counts, mapping)
    for table, column in _hash_columns():
        counts[f"{table.name}.{column}"] += _rehash(table, column, mapping)
    log.info("keys rotated: %s", ", ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "nothing to do")
    return dict(counts)


def _hash_columns() -> list[tuple[Table, str]]:
    return [(table, name) for table in metadata.sorted_tables for name in HASH_COLUMNS if name in table.c]


def _reencrypt_calls(batch: int, counts: Counter, mapping: dict[str, str]) -> None:
    calls = metadata.tables["calls"]
    current, previous = keyring.current_secret(), keyring.previous_secrets()
    last_id = 0
    while True:
        with transaction() as db_session:
            rows = db_session.execute(select(calls.c.id, calls.c.caller_encrypted).where(
                calls.c.id > last_id, calls.c.caller_encrypted.is_not(None)).order_by(calls.c.id).limit(batch)).all()
            for row in rows:
                number, stale = _read(row.caller_encrypted)
                if number is None:
                    counts["unreadable"] += 1
                    continue
                new_hash = keyring.hash_with(current, number)
                mapping.update({keyring.hash_with(old, number): new_hash for old in previous})
                if stale:
                    db_session.execute(update(calls).where(calls.c.id == row.id).values(
                        caller_encrypted=keyring.current_fernet().encrypt(number.encode()).decode()))
                    counts["calls.caller_encrypted"] += 1
        if not rows:
            return
        last_id = rows[-1].id


def _read(token: str) -> tuple[str | None, bool]:
    """The number, and whether it was encrypted under an old key."""
    try:
        return keyring.current_fernet().decrypt(token.encode()).decode(), False
    except InvalidToken:
        pass
    try:
        return keyring.fernet().decrypt(token.encode()).decode(), True
    except InvalidToken:
        return None, False


def _rehash(table: Table, name: str, mapping: dict[str, str]) -> int:
    column, changed = table.c[name], 0
    with transaction() as db_session:
        present = set(db_session.scalars(select(column).where(column.is_not(None)).distinct()))
        for old in present & mapping.keys():
            result = db_session.execute(update(table).where(column == old).values({name: mapping[old]}))
            changed += result.rowcount or 0
    return changed
