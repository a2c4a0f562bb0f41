"""At most ``WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT`` attempts to one endpoint at a time.

A slot is a member of a Redis sorted set per endpoint, scored by when it was taken; a slot older
than ``WEBHOOK_ATTEMPT_LEASE`` (its worker was killed) no longer counts. Without Redis (the
embedded default runs tasks in-process, one at a time) there is nothing to bound.
"""

from __future__ import annotations

import functools
import time
import uuid

from django.conf import settings


@functools.cache
def _redis():  # one client per process
    import redis

    return redis.Redis.from_url(settings.REDIS_URL, socket_timeout=5, socket_connect_timeout=2)


def _key(endpoint_id: uuid.UUID) -> str:
    return f"webhooks:in-flight:{endpoint_id}"


def slot_take(endpoint_id: uuid.UUID) -> str | None:
    """A slot's token, or None when the endpoint already has its share of attempts running."""
    if not settings.REDIS_URL:
        return ""
    key, token, now = _key(endpoint_id), uuid.uuid4().hex, time.time()
    lease = settings.WEBHOOK_ATTEMPT_LEASE.total_seconds()
    pipe = _redis().pipeline(transaction=True)
    pipe.zremrangebyscore(key, "-inf", now - lease)
    pipe.zadd(key, {token: now})
    pipe.zrank(key, token)
    pipe.expire(key, int(lease) + 1)
    rank = pipe.execute()[2]
    if rank is not None and rank < settings.WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT:
        return token
    _redis().zrem(key, token)
    return None


def slot_give_back(endpoint_id: uuid.UUID, token: str) -> None:
    if token:
        _redis().zrem(_key(endpoint_id), token)
