"""A caller's own data, found by their number's keyed hash (under every key of the ring): export and erase."""

from collections import Counter
from typing import Any

from sqlalchemy import Table, or_, select, update
from sqlalchemy.orm import Session

from hotline.calls.models import Call
from hotline.privacy import keyring
from hotline.privacy.rotate import HASH_COLUMNS
from hotline.privacy.scrub import scrub_calls
from hotline.schema import metadata

CALL_FIELDS = ("call_sid", "line", "language", "region", "status", "urgency", "category", "reasons", "answers",
               "transcript", "created_at", "queued_at", "connected_at", "ended_at")
SKIP_COLUMNS = {"caller_hash", "caller_encrypted", "sender_hash", "password_hash"}


def calls_of(db_session: Session, number: str) -> list[Call]:
    hashes = keyring.hashes_of(number)
    return list(db_session.scalars(select(Call).where(Call.caller_hash.in_(hashes)).order_by(Call.created_at)))


def export(*, db_session: Session, number: str) -> dict[str, Any]:
    """Everything held about this caller: their calls with steps, and rows of any table about those calls."""
    calls = calls_of(db_session, number)
    ids = [call.id for call in calls]
    return {"phone": number, "calls": [_call(call) for call in calls],
            "related": _related_rows(db_session, ids), "by_number": _rows_by_hash(db_session, number)}


def _call(call: Call) -> dict[str, Any]:
    out = {name: _plain(getattr(call, name)) for name in CALL_FIELDS}
    out["events"] = [{"kind": e.kind, "node": e.node, "input": e.input, "detail": e.detail,
                      "at": _plain(e.created_at)} for e in call.events]
    return out


def _related_rows(db_session: Session, call_ids: list[int]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for table in metadata.sorted_tables:
        if table.name in ("calls", "call_events", "audit_log") or "call_id" not in table.c or not call_ids:
            continue
        rows = db_session.execute(select(table).where(table.c.call_id.in_(call_ids))).mappings().all()
        if rows:
            found[table.name] = [_row(table, row) for row in rows]
    return found


def _rows_by_hash(db_session: Session, number: str) -> dict[str, list[dict[str, Any]]]:
    hashes, found = keyring.hashes_of(number), {}
    for table, column in _hash_tables():
        if table.name == "calls":
            continue
        rows = db_session.execute(select(table).where(column.in_(hashes))).mappings().all()
        if rows:
            found[table.name] = [_row(table, row) for row in rows]
    return found


def _hash_tables() -> list[tuple[Table, Any]]:
    return [(t, t.c[name]) for t in metadata.sorted_tables for name in HASH_COLUMNS if name in t.c]


def _row(table: Table, row) -> dict[str, Any]:
    return {key: _plain(value) for key, value in row.items() if key not in SKIP_COLUMNS}


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def erase(*, db_session: Session, number: str) -> dict[str, int]:
    """Remove the caller's words, recordings and number; the calls stay as counts (urgency, line, times).

    Rows whose hash cannot be emptied (flags and blocks require one) are kept: they protect the line.
    """
    calls = calls_of(db_session, number)
    counts: Counter = scrub_calls(db_session, [call.id for call in calls])
    for call in calls:
        call.caller_hash, call.caller_encrypted = None, None
    counts["calls"] = len(calls)
    hashes = keyring.hashes_of(number)
    for table, column in _hash_tables():
        if table.name != "calls" and column.nullable:
            result = db_session.execute(update(table).where(column.in_(hashes)).values({column.name: None}))
            counts[f"{table.name}.{column.name}"] += result.rowcount or 0
    counts["outbound_actions"] = _erase_outbound(db_session, number)
    db_session.flush()
    return {key: value for key, value in counts.items() if value}


def _erase_outbound(db_session: Session, number: str) -> int:
    """Calls back and messages to the caller keep their kind and time, not the number or the text."""
    table = metadata.tables.get("outbound_actions")
    if table is None:
        return 0
    normalised = keyring.normalise(number)
    result = db_session.execute(update(table).where(or_(table.c.to == number, table.c.to == normalised,
                                                        table.c.body.contains(normalised)))
                                .values(to=None, body=None))
    return result.rowcount or 0
