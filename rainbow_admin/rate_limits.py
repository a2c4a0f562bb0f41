"""The one rate-limit helper of everything that sends email or reveals accounts.

Fixed windows counted in the cache (Redis): ``rate_limit_hit`` counts one use of an action by a
key (an address, a client, a company, a person) and refuses it past the limit with ``Throttled``
(code ``throttled``), which the API answers with 429 and ``Retry-After`` and pages show as a
message. Limits and windows are settings, so tests can shorten them.
"""

from __future__ import annotations

import hashlib
import math
import time

from django.core.cache import cache
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rainbow_admin.errors import Throttled


def wait_text(seconds: float) -> str:
    """A wait in the words a person reads: "30 seconds", "15 minutes", "2 hours"."""
    seconds = max(1, math.ceil(seconds))
    if seconds < 120:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    if minutes < 120:
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    hours = math.ceil(minutes / 60)
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


def rate_limit_hit(
    *,
    action: str,
    key: str,
    limit: int,
    window: int,
    message: str | Promise | None = None,
) -> None:
    """Count one ``action`` by ``key``; past ``limit`` in this ``window`` (seconds), refuse it.

    ``message`` may hold ``%(wait)s``; the default says to try again after the wait.
    """
    now = time.time()
    window = max(1, int(window))
    bucket = int(now // window)
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"rate:{action}:{window}:{digest}:{bucket}"
    cache.add(cache_key, 0, window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired in between
        cache.add(cache_key, 1, window + 1)
        count = 1
    if count > limit:
        retry_after = math.ceil((bucket + 1) * window - now)
        text = str(message or _("Too many requests. Try again in %(wait)s."))
        raise Throttled(
            text % {"wait": wait_text(retry_after)}, code="throttled", retry_after=retry_after
        )
