"""The active blocks' caller hashes in Redis, so the first webhook of a call checks a block without the database.

A sorted set from caller hash to the block's expiry (epoch seconds): a block expires by itself, as its score
passes. A sentinel member says the set was built; the set is rebuilt from the database after every change and
whenever it is missing (it lapses hourly, so a change Redis missed while down is caught up within the hour).
The new-call webhook reads a copy of the set that each web process keeps for SNAPSHOT_S, so a new call costs no
round trip to Redis; the later webhooks of a call read Redis itself. Every check fails open: Redis down or slow,
or the set not built, means not blocked.
"""

from datetime import datetime
from functools import lru_cache
import logging
import time

from redis import Redis
from redis.exceptions import RedisError
from sqlalchemy.orm import Session

from hotline.settings import get_settings

log = logging.getLogger(__name__)
BLOCKS_KEY = "hotline:blocks"
BUILT = "*built*"  # not a hash (hashes are hex): marks a set built from the database
REBUILD_S = 3600  # the set lapses and is rebuilt from the database at least this often
SNAPSHOT_S = 2.0  # how old each web process's copy of the set may be when a new call arrives
_snapshots: dict[str, tuple[float, dict[str, float]]] = {}  # by Redis URL: (read at, monotonic; expiries)


@lru_cache
def _connection(url: str, timeout: float) -> Redis:
    return Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)


def fast_redis() -> Redis:
    """Redis with the block check's own short timeout: a caller never waits on it."""
    settings = get_settings()
    return _connection(settings.redis_url, settings.block_check_timeout_s)


def lookup(redis: Redis, caller_hash: str, now: float | None = None) -> bool | None:
    """True blocked, False not blocked, None when the set has not been built."""
    pipe = redis.pipeline(transaction=False)
    pipe.zscore(BLOCKS_KEY, caller_hash)
    pipe.zscore(BLOCKS_KEY, BUILT)
    expires, built = pipe.execute()
    if built is None:
        return None
    return expires is not None and expires > (time.time() if now is None else now)


def is_blocked_fast(caller_hash: str | None) -> bool:
    """For /twilio/voice: this process's copy of the set, at most SNAPSHOT_S old; not blocked whenever it cannot
    tell. The new-call webhook makes no round trip to Redis (a later webhook of the call checks Redis itself)."""
    if not caller_hash:
        return False
    return _snapshot().get(caller_hash, 0.0) > time.time()


def _snapshot() -> dict[str, float]:
    """The set's members and expiries as this process last read them; re-read when older than SNAPSHOT_S."""
    url = get_settings().redis_url
    read_at, expiries = _snapshots.get(url, (float("-inf"), {}))
    if time.monotonic() - read_at < SNAPSHOT_S:
        return expiries
    try:
        members = fast_redis().zrange(BLOCKS_KEY, 0, -1, withscores=True)
        expiries = {member.decode(): score for member, score in members}
    except (RedisError, OSError):
        expiries = {}  # fail open, and ask Redis again only after SNAPSHOT_S
    _snapshots[url] = (time.monotonic(), expiries)
    return expiries


def forget_snapshot() -> None:
    """The next check re-reads the set (after a change made by this process)."""
    _snapshots.clear()


def is_blocked(caller_hash: str | None) -> bool:
    """For the later webhooks: as is_blocked_fast, but a missing set is rebuilt from the database first."""
    if not caller_hash:
        return False
    try:
        found = lookup(fast_redis(), caller_hash)
        if found is None:
            rebuild()
            found = lookup(fast_redis(), caller_hash)
        return bool(found)
    except (RedisError, OSError):
        return False
    except Exception:  # the database: a caller is never kept from a human by a failed check
        log.exception("block check failed; treating the caller as not blocked")
        return False


def write(redis: Redis, expiries: dict[str, datetime]) -> None:
    """Replace the set in one step, so a check never sees it half built."""
    temporary = f"{BLOCKS_KEY}:building"
    pipe = redis.pipeline()
    pipe.delete(temporary)
    pipe.zadd(temporary, {BUILT: float("inf"), **{h: at.timestamp() for h, at in expiries.items()}})
    pipe.rename(temporary, BLOCKS_KEY)
    pipe.expire(BLOCKS_KEY, REBUILD_S)
    pipe.execute()


def rebuild(db_session: Session | None = None) -> int:
    """Load the active blocks from the database into Redis; returns how many callers are blocked."""
    from hotline.db import transaction
    from hotline.operations import blocks
    from hotline.redis_conn import get_redis

    if db_session is None:
        with transaction() as own_session:
            expiries = blocks.active_expiries(db_session=own_session)
    else:
        expiries = blocks.active_expiries(db_session=db_session)
    write(get_redis(), expiries)
    forget_snapshot()
    return len(expiries)


def refresh_after_change() -> None:
    """After a block is set or lifted (run after the commit): Redis follows the database."""
    try:
        rebuild()
    except (RedisError, OSError):
        log.warning("blocks changed while Redis is unavailable; the set catches up when it next lapses")
