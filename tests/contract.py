"""Contract checks: every answer of the API the test suite receives is validated against the
OpenAPI document (``/api/schema/``), whoever asks, the operator included.

``ContractMiddleware`` is put first in ``MIDDLEWARE`` for the whole session (tests/conftest.py),
so it sees what the client receives, from the test client as from ``live_server``. It validates
each ``/api/v1/`` answer with openapi-core (OAS 3.1, strict JSON Schema): an undeclared status, a
missing or extra-typed field, a null the schema forbids is recorded, and the autouse fixture
``_answers_keep_the_contract`` fails the test that received it. The document is built once per
session, in-process, by drf-spectacular (what ``/api/schema/`` serves).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from functools import cache
from typing import Any

from django.http import HttpRequest, HttpResponse

API_PREFIX = "/api/v1/"

_violations: list[str] = []
_lock = threading.Lock()


@cache
def schema() -> dict[str, Any]:
    """The OpenAPI document, as ``/api/schema/`` serves it (built once per session)."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document, renderer_context={}))


class _Request:
    """openapi-core's view of a Django request; a multipart body already read counts as empty
    (only the answer is checked)."""

    def __new__(cls, request: HttpRequest) -> Any:
        from django.http.request import RawPostDataException
        from openapi_core.contrib.django import DjangoOpenAPIRequest

        class Request(DjangoOpenAPIRequest):
            @property
            def body(self) -> bytes:
                try:
                    return super().body
                except RawPostDataException:
                    return b""

        return Request(request)


@cache
def _openapi() -> Any:
    from openapi_core import OpenAPI

    return OpenAPI.from_dict(schema())


def check(request: HttpRequest, response: HttpResponse) -> str | None:
    """What is wrong with ``response`` to ``request`` by the schema, or None."""
    from openapi_core.contrib.django import DjangoOpenAPIResponse
    from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound

    if request.resolver_match is None or getattr(response, "streaming", False):
        return None
    media_type = response.get("Content-Type", "").split(";")[0].strip()
    if media_type and not media_type.endswith("json"):
        return _binary_problem(request, response, media_type)
    try:
        _openapi().validate_response(_Request(request), DjangoOpenAPIResponse(response))
    except (PathNotFound, OperationNotFound):
        return None  # a method or path the API does not offer (405 and 404 of Django itself)
    except Exception as error:
        causes = [str(c) for c in getattr(error, "schema_errors", ())] or [str(error)]
        if error.__cause__ is not None:
            causes += [str(c) for c in getattr(error.__cause__, "schema_errors", ())]
            causes.append(str(error.__cause__))
        return (
            f"{request.method} {request.path} answered {response.status_code} "
            f"against the schema: {'; '.join(causes)[:2000]}"
        )
    return None


def _binary_problem(request: HttpRequest, response: HttpResponse, media_type: str) -> str | None:
    """A binary answer (a voice prompt's ``audio/wav``): openapi-core reads every body as JSON
    Schema data, which bytes are not, so its status and media type are checked against the
    operation's declared answers instead."""
    route = request.resolver_match.route if request.resolver_match else ""
    path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
    operation = schema()["paths"].get(path, {}).get(request.method.lower())
    if operation is None:
        return None  # not an operation of the API (Django's own 404 or 405)
    declared = operation["responses"].get(str(response.status_code))
    if declared is None or media_type not in declared.get("content", {}):
        return (
            f"{request.method} {request.path} answered {response.status_code} {media_type}, "
            "which the schema does not declare"
        )
    return None


class ContractMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(API_PREFIX):
            problem = check(request, response)
            if problem:
                with _lock:
                    _violations.append(problem)
        return response


def take_violations() -> list[str]:
    with _lock:
        found = list(_violations)
        _violations.clear()
    return found
