"""One HTTP POST to a checked address: 10-second timeout, no redirects, the first 1 KB kept.

Connections are kept per (address, port, name) in each worker process, so a busy endpoint does
not pay a new TCP (and TLS) handshake per event.
"""

from __future__ import annotations

import ssl
import threading
import time
from dataclasses import dataclass

import urllib3
from django.conf import settings

from webhooks.egress import Target

ANSWER_KEPT_BYTES = 1024
_pools: dict[tuple[str, str, int, str], urllib3.HTTPConnectionPool] = {}
_pools_lock = threading.Lock()
MAX_POOLS = 200


@dataclass(frozen=True)
class Answer:
    status: int
    body: str
    duration_ms: int


def _pool(target: Target) -> urllib3.HTTPConnectionPool:
    key = (target.scheme, target.address, target.port, target.host)
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None:
            if len(_pools) >= MAX_POOLS:
                for old in _pools.values():
                    old.close()
                _pools.clear()
            if target.scheme == "https":
                pool = urllib3.HTTPSConnectionPool(
                    target.address,
                    target.port,
                    maxsize=2,
                    server_hostname=target.host,
                    assert_hostname=target.host,
                    ssl_context=ssl.create_default_context(),
                    retries=False,
                )
            else:
                pool = urllib3.HTTPConnectionPool(
                    target.address, target.port, maxsize=2, retries=False
                )
            _pools[key] = pool
        return pool


def post(target: Target, body: bytes, headers: dict[str, str]) -> Answer:
    """POST ``body``; raises ``urllib3.exceptions.HTTPError`` (or ``OSError``) when no answer."""
    timeout = urllib3.Timeout(total=settings.WEBHOOK_TIMEOUT_SECONDS)
    started = time.monotonic()
    response = _pool(target).urlopen(
        "POST",
        target.path,
        body=body,
        headers={**headers, "Host": target.host_header},
        redirect=False,
        retries=False,
        timeout=timeout,
        preload_content=False,
        assert_same_host=False,
    )
    kept = response.read(ANSWER_KEPT_BYTES, decode_content=True)
    duration_ms = int((time.monotonic() - started) * 1000)
    if response.length_remaining == 0:
        response.release_conn()  # read to the end: the connection serves the next event
    else:
        response.close()  # a longer or unsized answer: not read further, the connection goes
    return Answer(
        status=response.status,
        body=kept[:ANSWER_KEPT_BYTES].decode("utf-8", errors="replace"),
        duration_ms=duration_ms,
    )
