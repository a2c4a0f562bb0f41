"""Time helpers for tests of fixed windows (``rainbow_admin.rate_limits``)."""

import time

DAY = 24 * 3600


def seconds_left_today() -> float:
    """Seconds until the daily window ends: the next midnight UTC."""
    return DAY - time.time() % DAY


def is_the_daily_wait(retry_after: str) -> bool:
    """``Retry-After`` points at the end of the day's window (midnight UTC)."""
    return abs(int(retry_after) - seconds_left_today()) <= 2
