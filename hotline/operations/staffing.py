"""Who is on shift for a line, and how long a call takes: the inputs of closing a line and of overflow.

On shift means a counselor (or supervisor) who takes the line is available, busy or in wrap-up. A line with
no staff account at all (a fresh install, the demo), or whose staff have no presence on record (Redis lost
it), has no floor to measure: it is treated as staffed, and its callers queue as before. The mean handle time is cached a minute per process.
"""

from datetime import timedelta
import time

from redis.exceptions import RedisError
from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline.calls.models import Call
from hotline.counselors import service as counselors
from hotline.db import utcnow
from hotline.settings import get_settings

ON_SHIFT = ("available", "busy", "wrap-up")
HANDLE_CACHE_S = 60.0
HANDLE_SAMPLE = 50  # the most recent answered calls whose handle time is averaged
HANDLE_WINDOW = timedelta(days=7)

_cache: dict[tuple[str, str], tuple[float, float]] = {}


def on_shift(*, db_session: Session, line: str) -> int | None:
    """Counselors on shift for the line; None when the line has no staff at all or presence is unknown."""
    try:
        staff = [c for c in counselors.list_counselors(db_session=db_session)
                 if not c.skills.lines or line in c.skills.lines]
    except (RedisError, OSError):
        return None  # presence unknown: queue as before
    if not any(c.presence.since is not None for c in staff):
        return None  # no staff, or none has ever reported a presence (Redis lost it): queue as before
    return sum(1 for c in staff if c.presence.presence in ON_SHIFT)


def unstaffed(*, db_session: Session, line: str) -> bool:
    """True only when the line has staff and none of them is on shift."""
    return on_shift(db_session=db_session, line=line) == 0


def handle_time_s(*, db_session: Session, line: str) -> float:
    """The mean time a counselor spends on a call of this line, from the recent answered calls."""
    key = (get_settings().database_url, line)
    return _cached(key, HANDLE_CACHE_S, lambda: _mean_handle(db_session, line))


def _mean_handle(db_session: Session, line: str) -> float:
    rows = db_session.execute(
        select(Call.connected_at, Call.ended_at)
        .where(Call.line == line, Call.status == "completed", Call.training.is_(False), Call.connected_at.is_not(None),
               Call.ended_at.is_not(None), Call.ended_at > utcnow() - HANDLE_WINDOW)
        .order_by(Call.ended_at.desc()).limit(HANDLE_SAMPLE)).all()
    durations = [(ended - connected).total_seconds() for connected, ended in rows]
    durations = [d for d in durations if d > 0]
    if not durations:
        return float(get_settings().overflow_default_handle_s)
    return sum(durations) / len(durations)


def _cached(key: tuple[str, str], ttl: float, compute):
    now = time.monotonic()
    hit = _cache.get(key)
    if hit and now - hit[0] < ttl:
        return hit[1]
    value = compute()
    _cache[key] = (now, value)
    return value


def forget() -> None:
    """Drop the cached handle times (tests)."""
    _cache.clear()
