"""The OpenAPI schema tells the errors each operation can answer, in the one shape they all have.

drf-spectacular documents the success of each operation; this postprocessing hook adds the error
answers (``{"detail", "code"}``, see ``rainbow_admin.api.errors``) an operation can give, so that
clients (and the schemathesis suite in ``tests/robustness``) can rely on the schema:

- 400 when the operation takes path ids, query parameters or a body (malformed id, bad input);
- 401 and 403 when it needs a signed-in caller (no or a bad token; not allowed);
- 404 when it names an object in its path (missing, or another tenant's) or a page, and on
  every operation of a signed-in caller (a caller without a company, the operator, gets 404
  from the operations about "my company");
- 415 when it takes a body (in another media type than its own);
- 409 for changes (wrong state, rule broken), for Cloud PBX resources of another kind of PBX
  and for the partner conversation of a company without a partner;
- 429 with ``Retry-After`` where requests are throttled (sign-in, invitations, member add and
  import, the directory, Contact messages; and any view listing the method in its
  ``throttled_methods``).

It also makes the document one a generated, strictly typed client can trust, for every
operation without per-view work (``AutoSchema`` and ``make_strict``):

- a tag per area of the API (companies, partners, licensing, telephony, notifications,
  webhooks) and a summary on every operation (the first line of its docstring, else made
  from its method and path);
- every ``{…_id}`` path parameter a ``format: uuid`` string;
- OAS 3.1 nulls (``type: [T, "null"]``) where a schema still says ``nullable``;
- closed objects (``additionalProperties: false``) for every component;
- a PATCH whose view sets ``partial_update_body = False`` takes its serializer's required
  fields (not the "every field optional" ``Patched…`` body).
"""

from __future__ import annotations

import re
from typing import Any

from drf_spectacular import openapi
from drf_spectacular.plumbing import get_doc

ERROR_COMPONENT = {
    "type": "object",
    "description": "Every error answer of the API.",
    "properties": {
        "detail": {"type": "string", "description": "A message for people, in their language."},
        "code": {"type": "string", "description": "A stable code for programs."},
        "field": {"type": "string", "description": "The input the error is about, if one."},
        "errors": {
            "type": "object",
            "additionalProperties": {},
            "description": "Each invalid field's errors (400 on invalid input).",
        },
    },
    "required": ["detail", "code"],
}

DESCRIPTIONS = {
    "400": "Invalid input: a malformed id, body or parameter, or a value a rule refuses.",
    "401": "No valid credentials: sign in or send `Authorization: Bearer <token>`.",
    "403": "Signed in but not allowed to do this.",
    "404": "No such object, or one the caller may not see.",
    "409": "The object is not in a state that allows this.",
    "416": "The `Range` asks for bytes the file does not have (`Content-Range: bytes */<size>`).",
    "415": "The body is not in a media type the operation takes (see its request body).",
    "429": "Too many requests: try again after `Retry-After` seconds.",
}

THROTTLED = {
    ("post", "/api/v1/auth/token/"),
    ("post", "/api/v1/invitations/"),
    ("post", "/api/v1/invitations/{invitation_id}/resend/"),
    ("post", "/api/v1/companies/{company_id}/members/"),
    ("post", "/api/v1/companies/{company_id}/member-imports/"),
    ("get", "/api/v1/resellers/"),
    ("get", "/api/v1/distributors/"),
    ("post", "/api/v1/partner/messages/"),
    ("post", "/api/v1/customers/{company_id}/messages/"),
    # Two-factor codes count on the sign-in throttle.
    ("post", "/api/v1/me/two-factor/totp/confirm/"),
    ("post", "/api/v1/me/two-factor/recovery-codes/"),
    ("delete", "/api/v1/me/two-factor/"),
}
# DELETEs that take a body (OpenAPI documents none for DELETE): 400 on a bad one.
DELETES_WITH_A_BODY = {"/api/v1/me/two-factor/"}
# The tag of each first path segment after ``/api/v1/`` (anything else: its own segment).
AREAS = {
    "auth": "companies",
    "me": "companies",
    "companies": "companies",
    "member-imports": "companies",
    "activity": "companies",
    "partner": "partners",
    "invitations": "partners",
    "customers": "partners",
    "resellers": "partners",
    "distributors": "partners",
    "offers": "licensing",
    "subscriptions": "licensing",
    "pbxs": "telephony",
    "notifications": "notifications",
    "webhooks": "webhooks",
    "customer-offers": "partners",
}
# A company's nested collections belong to the area of what they hold.
NESTED_AREAS = {"pbxs": "telephony", "subscriptions": "licensing"}
VERBS = {"get": "Get", "post": "Create", "patch": "Update", "put": "Replace", "delete": "Delete"}
# Reads that answer 409 when the caller's company has no partner.
CONFLICTING_READS = {"/api/v1/partner/messages/"}
CLOUD_RESOURCE = re.compile(r"^/api/v1/pbxs/\{pbx_id\}/[a-z-]+/")


def _error_statuses(path: str, method: str, operation: dict[str, Any]) -> list[str]:
    parameters = operation.get("parameters", [])
    in_path = any(p.get("in") == "path" for p in parameters)
    statuses = []
    has_body = "requestBody" in operation or (method == "delete" and path in DELETES_WITH_A_BODY)
    if in_path or parameters or has_body:
        statuses.append("400")
    if operation.get("security"):
        statuses += ["401", "403"]
    if in_path or operation.get("security") or any(p.get("name") == "page" for p in parameters):
        statuses.append("404")
    if method != "get" or CLOUD_RESOURCE.match(path) or path in CONFLICTING_READS:
        statuses.append("409")
    if "206" in operation.get("responses", {}):  # answers byte ranges
        statuses.append("416")
    if has_body:
        statuses.append("415")
    if (method, path) in THROTTLED or operation.pop("x-throttled", False):
        statuses.append("429")
    return statuses


def add_error_responses(result: dict[str, Any], generator, request, public) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: declare the error answers of every operation."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR_COMPONENT
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status in _error_statuses(path, method, operation):
                response: dict[str, Any] = {"description": DESCRIPTIONS[status], "content": content}
                if status == "429":
                    response["headers"] = {
                        "Retry-After": {
                            "schema": {"type": "integer"},
                            "description": "Seconds to wait before trying again.",
                        }
                    }
                responses.setdefault(status, response)
    return result


def _segments(path: str) -> list[str]:
    return path.removeprefix("/api/").strip("/").split("/")[1:]  # after the version


def area_of(path: str) -> str:
    segments = [s for s in _segments(path) if not s.startswith("{")]
    if not segments:
        return "api"
    if segments[0] == "companies" and len(segments) > 1:
        return NESTED_AREAS.get(segments[1], "companies")
    return AREAS.get(segments[0], segments[0])


def _singular(word: str) -> str:
    for plural, singular in (("ies", "y"), ("sses", "ss"), ("s", "")):
        if word.endswith(plural):
            return word[: -len(plural)] + singular
    return word


def summary_of(path: str, method: str) -> str:
    """A summary made from the method and the path, for operations without a docstring:
    ``GET /pbxs/{pbx_id}/devices/`` "List devices", ``PATCH …/devices/{item_id}/`` "Update a
    device", ``POST /invitations/{invitation_id}/accept/`` "Accept (invitation)"."""
    segments = _segments(path)
    if not segments:
        return VERBS.get(method, method.upper())
    last = segments[-1]
    literals = [s for s in segments if not s.startswith("{")]
    noun = literals[-1].replace("-", " ").replace(".", " ")
    if last.startswith("{"):
        article = "an" if noun[:1] in "aeiou" else "a"
        return f"{VERBS.get(method, method.upper())} {article} {_singular(noun)}"
    if len(segments) > 1 and segments[-2].startswith("{") and method == "post":
        owner = _singular(literals[-2].replace("-", " ")) if len(literals) > 1 else ""
        if not noun.endswith("s") or noun in {"greetings"}:
            return f"{noun.capitalize()} ({owner})".replace(" ()", "")
    if method == "get":
        return f"List {noun}" if noun.endswith("s") else f"Get {noun}"
    if method == "post" and noun.endswith("s"):
        return f"Create {_singular(noun)}"
    return f"{VERBS.get(method, method.upper())} {noun}"


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's AutoSchema with a tag per area, a summary on every operation and
    non-partial PATCH bodies where the view says so (``partial_update_body = False``)."""

    def get_tags(self) -> list[str]:
        return [area_of(self.path)]

    def get_summary(self) -> str:
        action = getattr(self.view, getattr(self.view, "action", self.method.lower()), None)
        doc = get_doc(action) if action is not None else ""
        first = doc.split("\n\n")[0].replace("\n", " ").strip() if doc else ""
        if first and len(first) <= 120:
            return first.rstrip(".:")
        return summary_of(self.path, self.method.lower())

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        # A view lists the methods a rate limit can refuse (429 with ``Retry-After``).
        if operation is not None and self.method.lower() in getattr(
            self.view, "throttled_methods", ()
        ):
            operation["x-throttled"] = True
        return operation

    def _get_request_for_media_type(self, serializer, direction="request"):
        if self.method == "PATCH" and getattr(self.view, "partial_update_body", True) is False:
            self.method = "PUT"  # DRF's full body: no ``Patched`` component, required fields kept
            try:
                return super()._get_request_for_media_type(serializer, direction)
            finally:
                self.method = "PATCH"
        return super()._get_request_for_media_type(serializer, direction)


UUID_PARAMETER = re.compile(r"(^|_)id$")


def _nullable_to_31(node: Any) -> None:
    """Rewrite OAS 3.0 ``nullable: true`` (left by DRF's paginator schema) as OAS 3.1 nulls."""
    if isinstance(node, dict):
        if node.pop("nullable", False):
            if "type" in node:
                kind = node["type"]
                node["type"] = [*kind, "null"] if isinstance(kind, list) else [kind, "null"]
            else:
                inner = {k: node.pop(k) for k in list(node) if k in {"$ref", "allOf", "oneOf"}}
                node["oneOf"] = [inner, {"type": "null"}]
        for value in node.values():
            _nullable_to_31(value)
    elif isinstance(node, list):
        for value in node:
            _nullable_to_31(value)


def make_strict(result: dict[str, Any], generator, request, public) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: uuid path ids and OAS 3.1 nulls everywhere."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "path" and UUID_PARAMETER.search(parameter["name"]):
                    parameter["schema"] = {"type": "string", "format": "uuid"}
    for component in result.get("components", {}).get("schemas", {}).values():
        # Objects are closed: a typed client has no ``additional_properties: dict[str, Any]``
        # and an answer with a field the schema does not name fails the contract checks.
        if component.get("type") == "object" and "properties" in component:
            component.setdefault("additionalProperties", False)
    _nullable_to_31(result)
    return result
