"""Every operation of the OpenAPI document, called by every kind of caller, answers as the schema
declares: a deterministic sweep next to the schemathesis cases (fast enough for every run).

For each actor (a customer's admin, its reseller's admin, an ordinary member, the operator, who
has no company, and the admin of another company) each operation is sent once on the seeded world
of ``test_api_schemathesis`` with real ids (an empty JSON object as the body), and by the admin
and the operator once with unknown ids and once with malformed ids, each in a savepoint rolled
back afterwards. The contract checks
(``tests/contract.py``, on every answer of the suite) fail the test for an answer the schema does
not declare: an undeclared status (a 404 of "my company" to the operator), a field missing or of
another type, a null it forbids. An empty body refused with 400 ``required`` by an operation
whose body the schema says needs no field fails it too (a body that lies).
"""

from __future__ import annotations

import uuid
from collections import Counter

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from companies import services as company_services
from companies.models import User
from tests.contract import schema
from tests.robustness.test_api_schemathesis import WORLD, _world_key, world  # noqa: F401

ACTORS = ("admin", "reseller", "member", "operator", "stranger")
# Unknown and malformed ids: their answers hardly depend on who asks (a company or none).
ODD_IDS = {"admin": ("unknown", "malformed"), "operator": ("unknown", "malformed")}
ORDER = {"get": 0, "post": 1, "patch": 2, "put": 3, "delete": 4}


def _operations() -> list[tuple[str, str, dict]]:
    return sorted(
        (
            (method, path, operation)
            for path, item in schema()["paths"].items()
            for method, operation in item.items()
        ),
        key=lambda row: (ORDER[row[0]], row[1]),
    )


def _path(path: str, operation: dict, ids: str) -> str:
    for parameter in operation.get("parameters", []):
        if parameter["in"] != "path":
            continue
        name = parameter["name"]
        if name == "which":
            value = "open"
        elif ids == "real":
            value = WORLD[_world_key(path, name)][0]
        elif ids == "unknown":
            value = str(uuid.uuid4())
        else:
            value = "not-an-id"
        path = path.replace("{" + name + "}", value)
    return path


def _token(actor: str, tokens: dict[str, str]) -> str:
    if actor in tokens:
        return tokens[actor]
    user = User.objects.get(company__name="Elsewhere SARL", role=User.Role.ADMIN)
    _token, raw = company_services.api_token_create(user=user, name="sweep", expires_at=None)
    return raw


def _refused_as_missing(response) -> bool:
    return response.status_code == 400 and response.json().get("code") == "required"


def _needs_a_field(operation: dict) -> bool:
    """Whether the operation's body, by the schema, must hold a field (required fields, or
    ``minProperties``)."""
    body = operation["requestBody"]
    schemas = schema()["components"]["schemas"]
    for media in body["content"].values():
        component = schemas.get(media["schema"].get("$ref", "").rsplit("/", 1)[-1], {})
        if component.get("required") or component.get("minProperties"):
            return True
    return False


@pytest.mark.parametrize("actor", ACTORS)
def test_every_operation_answers_as_declared(actor, world):  # noqa: F811
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {_token(actor, world)}")
    statuses: Counter[int] = Counter()
    lies: list[str] = []  # an empty body refused for a field the schema says is optional
    for method, path, operation in _operations():
        has_path_ids = any(p["in"] == "path" for p in operation.get("parameters", []))
        for ids in ("real", *ODD_IDS.get(actor, ())) if has_path_ids else ("real",):
            url = _path(path, operation, ids)
            body = {} if "requestBody" in operation else None
            with transaction.atomic():
                response = getattr(client, method)(url, body, format="json")
                transaction.set_rollback(True)
            assert response.status_code < 500, (method, url, response.status_code)
            statuses[response.status_code] += 1
            if body is not None and _refused_as_missing(response) and not _needs_a_field(operation):
                lies.append(f"{method.upper()} {path}: {response.json()['detail']}")
            if ids != "real":
                assert response.status_code in {400, 403, 404, 409, 415}, (method, url)
    assert lies == []
    assert sum(statuses.values()) >= len(_operations()) > 80
    if actor in {"admin", "reseller", "operator"}:
        assert statuses[200] > 20, statuses
