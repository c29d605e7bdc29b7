"""The Redis connection for live call state and the job queues, with short timeouts so a dead Redis fails fast."""

from functools import lru_cache

from redis import Redis
from redis.exceptions import RedisError

from hotline.settings import get_settings


@lru_cache
def _connection(url: str, timeout: float) -> Redis:
    return Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout, health_check_interval=10)


def get_redis() -> Redis:
    settings = get_settings()
    return _connection(settings.redis_url, settings.redis_timeout_s)


def redis_alive() -> bool:
    try:
        return bool(get_redis().ping())
    except (RedisError, OSError):
        return False
