"""The OpenAPI schema tells the errors each operation can answer, in the one shape they all have.

drf-spectacular documents the success of each operation; this postprocessing hook adds the error
answers (``{"detail", "code"}``, see ``rainbow_admin.api.errors``) an operation can give, so that
clients (and the schemathesis suite in ``tests/robustness``) can rely on the schema:

- 400 when the operation takes path ids, query parameters or a body (malformed id, bad input);
- 401 and 403 when it needs a signed-in caller (no or a bad token; not allowed);
- 404 when it names an object in its path (missing, or another tenant's) or a page;
- 409 for changes (wrong state, rule broken), for Cloud PBX resources of another kind of PBX
  and for the partner conversation of a company without a partner;
- 429 with ``Retry-After`` where requests are throttled (sign-in, invitations, member add,
  the directory, Contact messages).
"""

from __future__ import annotations

import re
from typing import Any

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
    "429": "Too many requests: try again after `Retry-After` seconds.",
}

THROTTLED = {
    ("post", "/api/v1/auth/token/"),
    ("post", "/api/v1/invitations/"),
    ("post", "/api/v1/invitations/{invitation_id}/resend/"),
    ("post", "/api/v1/companies/{company_id}/members/"),
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
    if in_path or any(p.get("name") == "page" for p in parameters):
        statuses.append("404")
    if method != "get" or CLOUD_RESOURCE.match(path) or path in CONFLICTING_READS:
        statuses.append("409")
    if "206" in operation.get("responses", {}):  # answers byte ranges
        statuses.append("416")
    if (method, path) in THROTTLED:
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
