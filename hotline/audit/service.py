"""Write, read and verify the audit log. Entries are written in the caller's transaction (services only flush)."""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from hotline.audit.models import AuditEntry
from hotline.db import utcnow

GENESIS = "0" * 64
ACTOR_KEY = "audit_actor"
AUDIT_LOCK = 7_000_007  # PostgreSQL advisory lock: one writer extends the chain at a time


def set_actor(db_session: Session, *, user_id: int | None, username: str) -> None:
    """Name who acts in this transaction; entries written without one say "cli" (or what the job set)."""
    db_session.info[ACTOR_KEY] = (user_id, username)


def entry_hash(*, seq: int, at: datetime, actor_id: int | None, actor: str, action: str, target: str | None,
               detail: dict[str, Any], prev_hash: str) -> str:
    """SHA-256 over a canonical JSON of the entry's fields and the previous entry's hash."""
    body = json.dumps([seq, at.isoformat(timespec="microseconds"), actor_id, actor, action, target, detail,
                       prev_hash], sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(body.encode()).hexdigest()


def _tip(db_session: Session) -> tuple[int, str]:
    if db_session.get_bind().dialect.name == "postgresql":
        db_session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK})
    with db_session.no_autoflush:
        last = db_session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc())
                                  .limit(1)).first()
    return (last.seq, last.hash) if last else (0, GENESIS)


def build(db_session: Session, *, action: str, target: str | None, detail: dict[str, Any] | None,
          after: tuple[int, str] | None = None) -> AuditEntry:
    """A new entry chained after `after` (or the log's last entry); not yet added to the session."""
    seq, prev_hash = after or _tip(db_session)
    actor_id, actor = db_session.info.get(ACTOR_KEY, (None, "cli"))
    fields = {"seq": seq + 1, "at": utcnow(), "actor_id": actor_id, "actor": actor, "action": action,
              "target": target, "detail": _plain(detail or {}), "prev_hash": prev_hash}
    return AuditEntry(**fields, hash=entry_hash(**fields))


def record(*, db_session: Session, action: str, target: str | None = None,
           detail: dict[str, Any] | None = None) -> AuditEntry:
    """Append one entry in this transaction."""
    entry = build(db_session, action=action, target=target, detail=detail)
    db_session.add(entry)
    db_session.flush()
    return entry


def _plain(detail: dict[str, Any]) -> dict[str, Any]:
    """JSON as stored and read back, so the hash computed now matches the one verified later."""
    return json.loads(json.dumps(detail, default=str))


def list_entries(*, db_session: Session, action: str | None = None, target: str | None = None,
                 limit: int = 100, before_seq: int | None = None) -> list[AuditEntry]:
    """The newest entries first, optionally of one action or one target."""
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    if target:
        query = query.where(AuditEntry.target == target)
    if before_seq:
        query = query.where(AuditEntry.seq < before_seq)
    return list(db_session.scalars(query))


@dataclass(frozen=True)
class Verdict:
    entries: int
    broken_seq: int | None = None
    broken_id: int | None = None
    reason: str | None = None
    tip: str = GENESIS

    @property
    def intact(self) -> bool:
        return self.broken_seq is None


def verify(*, db_session: Session, batch: int = 1000) -> Verdict:
    """Walk the chain in order; the first entry whose number, link or hash does not hold is named."""
    expected_seq, prev_hash, count, last_seq = 1, GENESIS, 0, 0
    while True:
        rows = list(db_session.scalars(select(AuditEntry).where(AuditEntry.seq > last_seq)
                                       .order_by(AuditEntry.seq).limit(batch)))
        if not rows:
            return Verdict(entries=count, tip=prev_hash)
        for entry in rows:
            reason = _fault(entry, expected_seq, prev_hash)
            if reason:
                return Verdict(entries=count, broken_seq=entry.seq, broken_id=entry.id, reason=reason, tip=prev_hash)
            expected_seq, prev_hash, count, last_seq = entry.seq + 1, entry.hash, count + 1, entry.seq


def _fault(entry: AuditEntry, expected_seq: int, prev_hash: str) -> str | None:
    if entry.seq != expected_seq:
        return f"entry {expected_seq} is missing (found {entry.seq} next)"
    if entry.prev_hash != prev_hash:
        return "its link to the previous entry does not match (an entry before it was changed or removed)"
    fields = {"seq": entry.seq, "at": entry.at, "actor_id": entry.actor_id, "actor": entry.actor,
              "action": entry.action, "target": entry.target, "detail": entry.detail or {},
              "prev_hash": entry.prev_hash}
    if entry_hash(**fields) != entry.hash:
        return "its content does not match its hash (it was edited)"
    return None
