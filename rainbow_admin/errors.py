"""The one error type users can cause.

Services raise a ``DomainError`` subclass with a stable ``code``; the API maps the class to an HTTP
status (``rainbow_admin.api.errors``) and pages show ``message`` to the user.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

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


class InvalidInputs(InvalidInput):
    """Several inputs of one request are wrong: every error at once (DESIGN.md: "Forms: all
    errors at once"). The first one is the message, code and field of the whole; ``errors``
    holds them all, in the order of the form."""

    def __init__(self, errors: list[InvalidInput]) -> None:
        first = errors[0]
        super().__init__(first.message, code=first.code, field=first.field)
        self.errors = errors


class InputErrors:
    """Collect the errors of a request's inputs, field after field, then raise them together:

        errors = InputErrors()
        with errors.check():
            name = clean_name(data["name"])
        with errors.check():
            timeout = clean_timeout(data["ring_timeout"])
        errors.raise_any()

    A check that fails leaves what it would have assigned unset, so ``raise_any`` comes before
    the values are used; checks that need an earlier value go inside the same block."""

    def __init__(self) -> None:
        self.errors: list[InvalidInput] = []

    @contextmanager
    def check(self) -> Iterator[None]:
        try:
            yield
        except InvalidInputs as exc:
            self.errors.extend(exc.errors)
        except InvalidInput as exc:
            self.errors.append(exc)

    def raise_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise InvalidInputs(list(self.errors))


def input_errors(exc: DomainError) -> list[DomainError]:
    """Every error a refusal carries: several for ``InvalidInputs``, else itself."""
    return list(exc.errors) if isinstance(exc, InvalidInputs) else [exc]
