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

Every error answer, also one a view declares itself, has the ``Error`` body; its ``errors``
(DRF's details of an invalid body) is the recursive ``ValidationErrors`` component.

It also makes the document one a generated, strictly typed client can trust, for every
operation without per-view work (``AutoSchema`` and ``make_strict``):

- a tag per area of the API (companies, partners, licensing, telephony, notifications,
  webhooks) and a summary and description on every operation (``operations.OPERATIONS``, else
  the first line of its docstring and the docstring, else made from its method and path);
- every ``{…_id}`` path parameter a ``format: uuid`` string, and every parameter with a set of
  values a named enum (``PARAMETER_ENUMS``, or the component of the same values);
- a body whose fields are each optional but one is needed (``AT_LEAST_ONE_FIELD``) required,
  with ``minProperties: 1``;
- distinct ``oneOf`` alternatives (a ``null`` documented twice would fail ``oneOf``), and
  ``BlankEnum`` for an inline ``""``;
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

from rainbow_admin.api.operations import OPERATIONS

ERROR_COMPONENT = {
    "type": "object",
    "description": "Every error answer of the API.",
    "properties": {
        "detail": {"type": "string", "description": "A message for people, in their language."},
        "code": {"type": "string", "description": "A stable code for programs."},
        "field": {
            "type": "string",
            "description": "The input (top-level body field or query parameter) the error is "
            "about; absent when it is about the request as a whole.",
        },
        "errors": {"$ref": "#/components/schemas/ValidationErrors"},
    },
    "required": ["detail", "code"],
}
# DRF's error details (``ValidationError.detail``) as the API sends them in ``Error.errors``:
# ``{"email": ["Enter a valid email address."]}``, a list field's by index
# (``{"members": {"0": ["Must be a valid UUID."]}}``), a nested object's by field, a list of
# objects' one per row (``{}`` for a valid row); ``non_field_errors`` for the body as a whole.
VALIDATION_ERRORS_COMPONENT = {
    "type": "object",
    "description": "Each invalid input's errors, by field name (or by index, for the items of "
    "a list): a list of messages, or the errors of the fields inside it. Sent with every 400 "
    "on invalid input that the body's checks find field by field; `non_field_errors` holds "
    "those about the body as a whole.",
    "additionalProperties": {
        "oneOf": [
            {
                "type": "array",
                "description": "The messages, or one entry per row of a list of objects.",
                "items": {
                    "oneOf": [
                        {"type": "string"},
                        {"$ref": "#/components/schemas/ValidationErrors"},
                    ]
                },
            },
            {"$ref": "#/components/schemas/ValidationErrors"},
        ]
    },
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

RETRY_AFTER = {
    "schema": {"type": "integer", "minimum": 1},
    "required": True,
    "description": "Seconds to wait before trying again.",
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
    schemas["ValidationErrors"] = VALIDATION_ERRORS_COMPONENT
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status in _error_statuses(path, method, operation):
                responses.setdefault(status, {"description": DESCRIPTIONS[status]})
            # Every error answer, also one a view declares itself (``429: None``), is an Error;
            # a 429 always tells when to try again.
            for status, response in responses.items():
                if status in DESCRIPTIONS:
                    response.setdefault("content", content)
                if status == "429":
                    response.setdefault("headers", {})["Retry-After"] = RETRY_AFTER
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
        if (self.method.lower(), self.path) in OPERATIONS:
            return OPERATIONS[self.method.lower(), self.path][0]
        action = getattr(self.view, getattr(self.view, "action", self.method.lower()), None)
        doc = get_doc(action) if action is not None else ""
        first = doc.split("\n\n")[0].replace("\n", " ").strip() if doc else ""
        if first and len(first) <= 120:
            return first.rstrip(".:")
        return summary_of(self.path, self.method.lower())

    def get_description(self) -> str:
        if (self.method.lower(), self.path) in OPERATIONS:
            return OPERATIONS[self.method.lower(), self.path][1]
        return super().get_description()

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


# Parameter enums with a name of their own (others take the component of the same values).
PARAMETER_ENUMS = {"which": "GreetingEnum"}
# Bodies whose fields are each optional but one at least is needed (400 ``required`` on ``{}``).
AT_LEAST_ONE_FIELD = {"ScopesInputRequest"}


def _distinct_alternatives(node: Any) -> None:
    """Drop repeated ``oneOf`` alternatives (a ``null`` a field documents and drf-spectacular
    adds again): a value matching two alternatives fails ``oneOf``."""
    if isinstance(node, dict):
        if isinstance(node.get("oneOf"), list):
            distinct: list[Any] = []
            for alternative in node["oneOf"]:
                if alternative not in distinct:
                    distinct.append(alternative)
            node["oneOf"] = distinct
        for value in node.values():
            _distinct_alternatives(value)
    elif isinstance(node, list):
        for value in node:
            _distinct_alternatives(value)


def _blank_enum(node: Any) -> None:
    """An inline ``""`` (a field that takes an empty string to clear it) is ``BlankEnum``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if value == {"type": "string", "enum": [""]}:
                node[key] = {"$ref": "#/components/schemas/BlankEnum"}
            else:
                _blank_enum(value)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if value == {"type": "string", "enum": [""]}:
                node[index] = {"$ref": "#/components/schemas/BlankEnum"}
            else:
                _blank_enum(value)


def _name_parameter_enums(result: dict[str, Any]) -> None:
    """Query and path parameters with a set of values refer to a named enum component: the one
    of the same values if there is one, else one named after the parameter (PARAMETER_ENUMS).
    A path parameter gets the same schema on every operation of its path."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    by_values = {
        tuple(sorted(map(str, schema["enum"]))): name
        for name, schema in schemas.items()
        if name.endswith("Enum") and schema.get("type") == "string" and "enum" in schema
    }
    for operations in result.get("paths", {}).values():
        in_path: dict[str, dict[str, Any]] = {}
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and "enum" in parameter["schema"]:
                    in_path[parameter["name"]] = parameter["schema"]
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                schema = parameter["schema"]
                if parameter["in"] == "path" and parameter["name"] in in_path:
                    schema = parameter["schema"] = dict(in_path[parameter["name"]])
                if "enum" not in schema or "default" in schema:
                    continue  # a default stays next to its values (no sibling of a $ref)
                values = tuple(sorted(map(str, schema["enum"])))
                name = by_values.get(values) or PARAMETER_ENUMS.get(parameter["name"])
                if name is None:
                    continue
                schemas.setdefault(name, {"type": "string", "enum": list(values)})
                by_values[values] = name
                parameter["schema"] = {"$ref": f"#/components/schemas/{name}"}


def make_strict(result: dict[str, Any], generator, request, public) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: uuid path ids, named parameter enums, bodies that
    need a field, closed objects and OAS 3.1 nulls everywhere."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "path" and UUID_PARAMETER.search(parameter["name"]):
                    parameter["schema"] = {"type": "string", "format": "uuid"}
            body = operation.get("requestBody", {})
            refs = [media["schema"].get("$ref", "") for media in body.get("content", {}).values()]
            if any(ref.rsplit("/", 1)[-1] in AT_LEAST_ONE_FIELD for ref in refs):
                body["required"] = True
    _name_parameter_enums(result)
    if "BlankEnum" in result.get("components", {}).get("schemas", {}):
        _blank_enum(result["paths"])
        _blank_enum({k: v for k, v in result["components"]["schemas"].items() if k != "BlankEnum"})
    schemas = result.get("components", {}).get("schemas", {})
    for name in AT_LEAST_ONE_FIELD & set(schemas):
        schemas[name]["minProperties"] = 1
    for component in schemas.values():
        # Objects are closed: a typed client has no ``additional_properties: dict[str, Any]``
        # and an answer with a field the schema does not name fails the contract checks.
        if component.get("type") == "object" and "properties" in component:
            component.setdefault("additionalProperties", False)
    _nullable_to_31(result)
    _distinct_alternatives(result)
    return result
