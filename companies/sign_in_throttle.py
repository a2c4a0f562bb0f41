"""The one sign-in throttle: every password check goes through it (see ``CompanyUserBackend``).

Failures are counted in the cache on four tiers: the person at this client address (tight), the
person from anywhere (loose: strangers elsewhere must not keep the owner out for long), the client
address and its subnet (/24 for IPv4, /64 for IPv6: password spraying across many accounts). An
address that signed the person in before counts only on the first tier. Past a tier's free
failures each further try first waits, the wait doubling from ``SIGN_IN_FIRST_DELAY`` up to the
tier's cap; during a wait even the right password is refused. A success clears the
person-and-client tier and marks the address as known to that person.

The person is the account the typed address resolves to (look-alikes included), or for an
address with no account a key of its look-alike skeleton, so both are treated the same.

A later step that checks a secret (the two-factor code) calls ``sign_in_attempt_begin`` and
``sign_in_attempt_end`` the same way.
"""

from __future__ import annotations

import contextlib
import ipaddress
import math
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from companies.models import hash_token
from companies.text import email_skeleton
from rainbow_admin.errors import Throttled
from rainbow_admin.rate_limits import wait_text


class SignInThrottled(Throttled):
    """Too many failed sign-ins: wait ``retry_after`` seconds (HTTP 429)."""


@dataclass(frozen=True)
class _Tier:
    key: str
    free: int
    cap: timedelta


@dataclass
class SignInAttempt:
    """One try in progress: the tiers it was counted on and the waits it reserved."""

    person: str
    client: str | None
    tiers: list[tuple[_Tier, int]] = field(default_factory=list)
    claimed: list[str] = field(default_factory=list)


def client_address(request) -> str | None:
    """The address the request came from (the proxy in front decides what REMOTE_ADDR holds)."""
    if request is None:
        return None
    address = (getattr(request, "META", {}) or {}).get("REMOTE_ADDR") or ""
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def person_key_for_address(address: str) -> str:
    """The counter of an address with no account: its look-alikes share it."""
    return "a" + hash_token(email_skeleton(address))[:32]


def _subnet(client: str) -> str:
    ip = ipaddress.ip_address(client)
    prefix = 24 if ip.version == 4 else 64
    return str(ipaddress.ip_network(f"{client}/{prefix}", strict=False))


def _known_key(person: str, client: str) -> str:
    return f"sign-in:known:{person}:{client}"


def _tiers(person: str, client: str | None) -> list[_Tier]:
    """The tiers a try counts on; the person-and-client tier comes first.

    An address that signed this person in before only counts on the first: strangers failing on
    the person elsewhere, or on other accounts from a shared office address, do not slow them.
    """
    tiers = []
    if client is not None:
        tiers.append(
            _Tier(
                f"sign-in:pc:{person}:{client}",
                settings.SIGN_IN_FREE_FAILURES,
                settings.SIGN_IN_MAX_DELAY,
            )
        )
        if cache.get(_known_key(person, client)):
            return tiers
    tiers.append(
        _Tier(
            f"sign-in:p:{person}",
            settings.SIGN_IN_FREE_FAILURES_PER_PERSON,
            settings.SIGN_IN_MAX_DELAY_PER_PERSON,
        )
    )
    if client is not None:
        tiers.append(
            _Tier(
                f"sign-in:c:{client}",
                settings.SIGN_IN_FREE_FAILURES_PER_CLIENT,
                settings.SIGN_IN_MAX_DELAY,
            )
        )
        tiers.append(
            _Tier(
                f"sign-in:n:{_subnet(client)}",
                settings.SIGN_IN_FREE_FAILURES_PER_SUBNET,
                settings.SIGN_IN_MAX_DELAY,
            )
        )
    return tiers


def _delay(tier: _Tier, failures: int) -> float:
    """The wait after ``failures`` failures on a tier: none while free, then doubling, capped."""
    if failures < tier.free:
        return 0.0
    first = settings.SIGN_IN_FIRST_DELAY.total_seconds()
    return min(first * 2 ** min(failures - tier.free, 32), tier.cap.total_seconds())


def _wait_key(tier: _Tier) -> str:
    return tier.key + ":until"


def _refuse(seconds: float) -> SignInThrottled:
    seconds = max(1, math.ceil(seconds))
    return SignInThrottled(
        _("Too many failed sign-ins. Try again in %(wait)s.") % {"wait": wait_text(seconds)},
        code="sign_in_locked",
        retry_after=seconds,
    )


def _memory() -> int:
    return math.ceil(settings.SIGN_IN_FAILURE_MEMORY.total_seconds())


def sign_in_attempt_begin(*, person: str, client: str | None) -> SignInAttempt:
    """Count a try before its secret is checked, or refuse it while a wait runs.

    The try is counted first so that parallel tries cannot all pass once a wait is over: past the
    free failures a try must pass the tier's gate (an atomic add keyed by the wait that just
    ended), and only one does; it holds the next wait while its secret is checked.
    """
    now = time.time()
    tiers = _tiers(person, client)
    waits = cache.get_many([_wait_key(tier) for tier in tiers])
    remaining = max([until - now for until in waits.values()] + [0.0])
    if remaining > 0:
        raise _refuse(remaining)
    attempt = SignInAttempt(person=person, client=client)
    for tier in tiers:
        cache.add(tier.key, 0, _memory())
        try:
            count = cache.incr(tier.key)
        except ValueError:  # expired in between
            cache.add(tier.key, 1, _memory())
            count = 1
        cache.touch(tier.key, _memory())
        attempt.tiers.append((tier, count))
        # ``count - 1`` failures came before this try: past the free ones it needs the gate.
        delay = _delay(tier, count - 1)
        if delay > 0:
            gate = f"{_wait_key(tier)}:gate:{waits.get(_wait_key(tier))!r}"
            if not cache.add(gate, 1, math.ceil(delay) + 1):
                _undo(attempt)
                raise _refuse(delay)
            cache.set(_wait_key(tier), now + delay, math.ceil(delay) + 1)
            attempt.claimed += [gate, _wait_key(tier)]
    return attempt


def _undo(attempt: SignInAttempt) -> None:
    for tier, _count in attempt.tiers:
        with contextlib.suppress(ValueError):  # expired in between
            cache.decr(tier.key)
    cache.delete_many(attempt.claimed)


def sign_in_attempt_end(attempt: SignInAttempt, *, succeeded: bool) -> None:
    """Record how a try ended: a failure starts the next wait, a success clears its tracks."""
    if succeeded:
        _undo(attempt)
        if attempt.client is not None:
            cache.delete_many([attempt.tiers[0][0].key, _wait_key(attempt.tiers[0][0])])
            cache.set(
                _known_key(attempt.person, attempt.client),
                1,
                math.ceil(settings.SIGN_IN_KNOWN_CLIENT_MEMORY.total_seconds()),
            )
        return
    now = time.time()
    for tier, count in attempt.tiers:
        delay = _delay(tier, count)
        if delay > 0:
            cache.set(_wait_key(tier), now + delay, math.ceil(delay) + 1)
