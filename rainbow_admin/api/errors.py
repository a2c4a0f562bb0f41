"""Every API error is ``{"detail": "...", "code": "..."}`` with the right status."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from rainbow_admin.errors import DomainError, InvalidInput, Throttled, input_errors
from rainbow_admin.uploads import UploadTooLarge


def _first_message(detail: Any) -> tuple[str, str, str | None] | None:
    """(message, code, field) of the first error in a DRF error structure, or None if it holds
    none (a valid row of a list is ``{}``). ``field`` is the top-level input the error is about
    (``hours`` for ``{"hours": {"1": [...]}}``), None for the body as a whole."""
    if isinstance(detail, dict):
        for field, value in detail.items():
            found = _first_message(value)
            if found is not None:
                name = str(field) if field != "non_field_errors" else None
                return found[0], found[1], name
        return None
    if isinstance(detail, list):
        for value in detail:
            found = _first_message(value)
            if found is not None:
                return found
        return None
    code = getattr(detail, "code", None) or "invalid"
    return str(detail), code, None


def error_response(detail: str, code: str, http_status: int, **extra: Any) -> Response:
    return Response({"detail": detail, "code": code, **extra}, status=http_status)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        body: dict[str, Any] = {}
        # A service shared with the pages names the form's input; a view whose body names it
        # otherwise says so (``error_fields = {"file": "content"}``).
        renamed = getattr(context.get("view"), "error_fields", {})
        if exc.field:
            body["field"] = renamed.get(exc.field, exc.field)
        if isinstance(exc, InvalidInput):
            # Every field's errors, one or several, in the shape of a serializer's (``errors``).
            errors: dict[str, list[str]] = {}
            for error in input_errors(exc):
                name = renamed.get(error.field, error.field) if error.field else "non_field_errors"
                errors.setdefault(name, []).append(str(error))
            body["errors"] = errors
        response = error_response(str(exc.message), exc.code, exc.status, **body)
        if isinstance(exc, Throttled):
            response["Retry-After"] = str(exc.retry_after)
        return response
    if isinstance(exc, Http404):
        return error_response(_("Not found."), "not_found", status.HTTP_404_NOT_FOUND)
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, exceptions.ValidationError):
        first = _first_message(exc.detail) or (str(exc.default_detail), "invalid", None)
        message, code, field = first
        extra: dict[str, Any] = {"errors": exc.detail}
        if field:
            message = f"{field}: {message}"
            extra["field"] = field
        return error_response(message, code, status.HTTP_400_BAD_REQUEST, **extra)
    if isinstance(exc, exceptions.ParseError) and isinstance(exc.__context__, UploadTooLarge):
        return error_response(
            _("The file is too large (%(max)s MB at most).")
            % {"max": settings.UPLOAD_MAX_BYTES // (1024 * 1024)},
            "file_too_large",
            400,
        )
    if isinstance(exc, exceptions.ParseError):
        return error_response(_("The request body is not valid JSON."), "malformed_body", 400)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.APIException):
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else "error"
        response.data = {"detail": str(exc.detail), "code": code}
    return response


def parse_uuid(value: str, *, field: str = "id") -> uuid.UUID:
    """Turn a path or body value into a UUID, or refuse it with a 400."""
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        raise InvalidInput(
            _("“%(value)s” is not a valid id.") % {"value": value}, code="invalid_id", field=field
        ) from None
