"""Flags and blocks on abusive callers: plain functions over the database; the request commits."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hotline.auth.models import User
from hotline.calls.models import Call
from hotline.db import after_commit, utcnow
from hotline.operations import blocklist
from hotline.operations.models import CallerBlock, CallerFlag

MIN_DAYS, MAX_DAYS = 7, 365  # a week to a year


def flag(*, db_session: Session, call: Call, reason: str, user: User) -> CallerFlag:
    """A counselor's flag on the caller of `call`; the caller must have a number (a hash)."""
    found = CallerFlag(caller_hash=call.caller_hash, call_id=call.id, reason=reason, flagged_by=user.id)
    db_session.add(found)
    db_session.flush()
    return found


def flag_count(*, db_session: Session, caller_hash: str) -> int:
    return db_session.scalar(select(func.count(CallerFlag.id)).where(CallerFlag.caller_hash == caller_hash)) or 0


def recent_flags(*, db_session: Session, limit: int = 100) -> list[CallerFlag]:
    return list(db_session.scalars(select(CallerFlag).order_by(CallerFlag.id.desc()).limit(limit)))


def block(*, db_session: Session, caller_hash: str, days: int, reason: str, user: User) -> CallerBlock:
    """Block a caller for `days` (a week to a year); Redis follows once the request commits."""
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ValueError(f"a block lasts {MIN_DAYS} to {MAX_DAYS} days, not {days}")
    now = utcnow()
    found = CallerBlock(caller_hash=caller_hash, reason=reason, days=days, created_by=user.id,
                        created_at=now, expires_at=now + timedelta(days=days))
    db_session.add(found)
    db_session.flush()
    after_commit(db_session, blocklist.refresh_after_change)
    return found


def get_block(*, db_session: Session, block_id: int) -> CallerBlock | None:
    return db_session.get(CallerBlock, block_id)


def lift(*, db_session: Session, found: CallerBlock, user: User) -> CallerBlock:
    """End a block before it expires; lifting one already ended changes nothing."""
    if found.active(utcnow()):
        found.lifted_at, found.lifted_by = utcnow(), user.id
        after_commit(db_session, blocklist.refresh_after_change)
    return found


def list_blocks(*, db_session: Session, include_ended: bool = False) -> list[CallerBlock]:
    """Blocks, newest first: the active ones, or all of them."""
    query = select(CallerBlock).order_by(CallerBlock.id.desc())
    if not include_ended:
        query = query.where(CallerBlock.lifted_at.is_(None), CallerBlock.expires_at > utcnow())
    return list(db_session.scalars(query))


def active_expiries(*, db_session: Session) -> dict[str, datetime]:
    """Each blocked caller's hash and when their last active block ends."""
    rows = db_session.execute(
        select(CallerBlock.caller_hash, func.max(CallerBlock.expires_at))
        .where(CallerBlock.lifted_at.is_(None), CallerBlock.expires_at > utcnow())
        .group_by(CallerBlock.caller_hash)).all()
    return {caller_hash: _aware(expires) for caller_hash, expires in rows}


def _aware(value: datetime) -> datetime:
    """func.max() returns the column's raw value on SQLite (a naive UTC datetime or a string)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
