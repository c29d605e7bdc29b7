"""Presence in Redis: one hash per counselor with the state, when it changed, and where to ring them."""

from dataclasses import dataclass
import time

from redis import Redis

PRESENCES = ("available", "busy", "wrap-up", "offline")
OFFLINE = "offline"


@dataclass(frozen=True)
class Presence:
    presence: str
    since: float | None
    phone: str | None = None


def _key(user_id: int) -> str:
    return f"hotline:presence:{user_id}"


def set_presence(redis: Redis, user_id: int, presence: str, phone: str | None = None,
                 now: float | None = None) -> Presence:
    """Change a counselor's state; the time is kept so the wallboard shows how long."""
    if presence not in PRESENCES:
        raise ValueError(f"unknown presence '{presence}' (choose from {', '.join(PRESENCES)})")
    since = time.time() if now is None else now
    mapping = {"presence": presence, "since": since}
    if phone is not None:
        mapping["phone"] = phone
    redis.hset(_key(user_id), mapping=mapping)
    return get_presence(redis, user_id)


def get_presence(redis: Redis, user_id: int) -> Presence:
    """A counselor never seen is offline."""
    return _from_hash(redis.hgetall(_key(user_id)))


def presences(redis: Redis, user_ids: list[int]) -> dict[int, Presence]:
    pipe = redis.pipeline()
    for user_id in user_ids:
        pipe.hgetall(_key(user_id))
    return {user_id: _from_hash(data) for user_id, data in zip(user_ids, pipe.execute())}


def _from_hash(data: dict[bytes, bytes]) -> Presence:
    text = {k.decode(): v.decode() for k, v in (data or {}).items()}
    if text.get("presence") not in PRESENCES:
        return Presence(OFFLINE, None)
    return Presence(text["presence"], float(text.get("since") or 0) or None, text.get("phone") or None)
