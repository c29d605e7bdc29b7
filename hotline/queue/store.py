"""Waiting calls in Redis: a sorted set of CallSids by arrival, and a hash per call; rebuilt from the database."""

import time

from redis import Redis
from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline.calls.models import Call
from hotline.queue.policy import Waiting, order

QUEUE_KEY = "hotline:queue"
LOADED_KEY = "hotline:queue:loaded"


def _entry_key(call_sid: str) -> str:
    return f"hotline:queue:call:{call_sid}"


def add(redis: Redis, entry: Waiting) -> None:
    pipe = redis.pipeline()
    pipe.hset(_entry_key(entry.call_sid), mapping={
        "urgency": entry.urgency or "", "language": entry.language or "", "line": entry.line,
        "enqueued_at": entry.enqueued_at, "skill": entry.skill,
    })
    pipe.zadd(QUEUE_KEY, {entry.call_sid: entry.enqueued_at}, nx=True)
    pipe.execute()


# Check and write in one step, so a call claimed in between does not leave an orphaned hash behind.
_SET_IF_WAITING = """
if redis.call('zscore', KEYS[1], ARGV[1]) then
  redis.call('hset', KEYS[2], 'urgency', ARGV[2])
  return 1
end
return 0
"""


def set_urgency(redis: Redis, call_sid: str, urgency: str) -> bool:
    """Reorder a waiting call; False when it is no longer waiting."""
    return bool(redis.eval(_SET_IF_WAITING, 2, QUEUE_KEY, _entry_key(call_sid), call_sid, urgency))


def remove(redis: Redis, call_sid: str) -> bool:
    """Take a call out of the queue; True for exactly one of several racing removers (ZREM is atomic)."""
    removed = redis.zrem(QUEUE_KEY, call_sid)
    if removed:
        redis.delete(_entry_key(call_sid))
    return bool(removed)


def contains(redis: Redis, call_sid: str) -> bool:
    return redis.zscore(QUEUE_KEY, call_sid) is not None


def waiting(redis: Redis, now: float | None = None) -> list[Waiting]:
    """The waiting calls in the order they will be served."""
    sids = [sid.decode() for sid in redis.zrange(QUEUE_KEY, 0, -1)]
    pipe = redis.pipeline()
    for sid in sids:
        pipe.hgetall(_entry_key(sid))
    entries = [_from_hash(sid, data) for sid, data in zip(sids, pipe.execute()) if data]
    return order(entries, time.time() if now is None else now)


def _from_hash(call_sid: str, data: dict[bytes, bytes]) -> Waiting:
    text = {k.decode(): v.decode() for k, v in data.items()}
    return Waiting(
        call_sid=call_sid, urgency=text.get("urgency") or None, language=text.get("language") or None,
        line=text.get("line", ""), enqueued_at=float(text.get("enqueued_at", 0)), skill=text.get("skill", ""),
    )


def entry_for(call: Call) -> Waiting:
    enqueued = (call.queued_at or call.created_at).timestamp()
    return Waiting(call.call_sid, call.urgency, call.language, call.line, enqueued, call.answers.get("skill", ""))


def ensure_loaded(redis: Redis, db_session: Session) -> int:
    """Rebuild the queue from the database when Redis has lost it (restart, flush); returns calls restored."""
    if redis.exists(LOADED_KEY):
        return 0
    calls = db_session.scalars(select(Call).where(Call.status == "queued", Call.training.is_(False))).all()
    for call in calls:
        add(redis, entry_for(call))
    redis.set(LOADED_KEY, "1")
    return len(calls)


def reconcile(redis: Redis, db_session: Session) -> tuple[int, int]:
    """Make Redis match the database: add queued calls it lost, drop calls no longer waiting; (added, dropped)."""
    queued = {call.call_sid: call for call in db_session.scalars(
        select(Call).where(Call.status == "queued", Call.training.is_(False)))}
    listed = {sid.decode() for sid in redis.zrange(QUEUE_KEY, 0, -1)}
    for sid in queued.keys() - listed:
        add(redis, entry_for(queued[sid]))
    stale = listed - queued.keys()
    for sid in stale:
        remove(redis, sid)
    redis.set(LOADED_KEY, "1")
    return len(queued.keys() - listed), len(stale)
