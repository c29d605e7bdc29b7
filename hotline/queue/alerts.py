"""Alerts to the floor: published on a Redis channel for live consoles, and kept in a short list for the rest."""

import json

from redis import Redis

CHANNEL = "hotline:alerts"
RECENT_KEY = "hotline:alerts:recent"
KEEP = 50


def publish(redis: Redis, alert: dict) -> None:
    text = json.dumps(alert)
    pipe = redis.pipeline()
    pipe.lpush(RECENT_KEY, text)
    pipe.ltrim(RECENT_KEY, 0, KEEP - 1)
    pipe.publish(CHANNEL, text)
    pipe.execute()


def recent(redis: Redis, limit: int = 20) -> list[dict]:
    """The newest alerts first."""
    return [json.loads(item) for item in redis.lrange(RECENT_KEY, 0, max(0, limit - 1))]
