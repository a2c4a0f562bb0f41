"""The one error type users can cause.

Services raise a ``DomainError`` subclass with a stable ``code``; the API maps the class to an HTTP
status (``rainbow_admin.api.errors``) and pages show ``message`` to the user.
"""

from __future__ import annotations

from django.utils.functional import Promise


class DomainError(Exception):
    status = 400

    def __init__(self, message: str | Promise, *, code: str, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.field = field

    def __str__(self) -> str:
        return str(self.message)


class InvalidInput(DomainError):
    """The request is malformed or breaks a rule on its own content (HTTP 400)."""

    status = 400


class NotAllowed(DomainError):
    """The actor may see the object but not do this to it (HTTP 403)."""

    status = 403


class NotFound(DomainError):
    """The object does not exist or belongs to another tenant (HTTP 404)."""

    status = 404


class Conflict(DomainError):
    """The object is not in a state that allows this (HTTP 409)."""

    status = 409


class Throttled(DomainError):
    """Too soon to do this again (HTTP 429 with Retry-After)."""

    status = 429

    def __init__(self, message: str | Promise, *, code: str, retry_after: int) -> None:
        super().__init__(message, code=code)
        self.retry_after = max(1, int(retry_after))
