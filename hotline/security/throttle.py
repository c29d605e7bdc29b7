"""Login rate limiting: failures counted in Redis per username and per client address; too many lock both out.

A locked login is refused before the password is checked (429 with Retry-After). If Redis is down, logins are
not throttled (staff must still reach callers) and a warning is logged.
"""

import hashlib
import logging
from dataclasses import dataclass

from redis.exceptions import RedisError

from hotline.redis_conn import get_redis
from hotline.settings import get_settings

log = logging.getLogger(__name__)
PREFIX = "hotline:login"


@dataclass(frozen=True)
class Subject:
    kind: str  # "user" or "ip"
    value: str
    limit: int

    @property
    def key(self) -> str:  # hashed: a username typed as a password must not sit in Redis in clear
        return hashlib.sha256(f"{self.kind}:{self.value}".encode()).hexdigest()[:32]


def _subjects(username: str, address: str | None) -> list[Subject]:
    settings = get_settings()
    found = [Subject("user", (username or "").strip().lower(), settings.login_max_failures)]
    if address:
        found.append(Subject("ip", address, settings.login_max_failures_ip))
    return found


def locked_for(username: str, address: str | None) -> int:
    """Seconds until this login may be tried again; 0 when it may be tried now."""
    try:
        redis = get_redis()
        ttls = [redis.ttl(f"{PREFIX}:lock:{s.key}") for s in _subjects(username, address)]
    except (RedisError, OSError):
        log.warning("login throttle unavailable: Redis is down")
        return 0
    return max([ttl for ttl in ttls if ttl and ttl > 0], default=0)


def failed(username: str, address: str | None) -> int:
    """Count a failed login; returns the lockout in seconds it caused (0 if none)."""
    lockout = get_settings().login_lockout_s
    locked = 0
    try:
        redis = get_redis()
        for subject in _subjects(username, address):
            count_key = f"{PREFIX}:fail:{subject.key}"
            pipe = redis.pipeline()
            pipe.incr(count_key)
            pipe.expire(count_key, lockout)
            count, _ = pipe.execute()
            if count >= subject.limit:
                redis.set(f"{PREFIX}:lock:{subject.key}", 1, ex=lockout)
                redis.delete(count_key)
                log.warning("login locked for %d s after %d failures (%s)", lockout, count, subject.kind)
                locked = lockout
    except (RedisError, OSError):
        log.warning("login throttle unavailable: Redis is down")
    return locked


def succeeded(username: str) -> None:
    """A good password clears the username's failures (not the address's: one good account is no alibi)."""
    try:
        get_redis().delete(f"{PREFIX}:fail:{_subjects(username, None)[0].key}")
    except (RedisError, OSError):
        pass
