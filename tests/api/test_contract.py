"""The contract checks themselves: the schema validates, an answer it does not allow is caught,
and a caller without a company (the operator) gets declared 404s."""

from __future__ import annotations

import pytest
from django.http import JsonResponse
from openapi_spec_validator import validate

from tests.conftest import api_client_for
from tests.contract import check, schema
from tests.factories import OperatorFactory

pytestmark = pytest.mark.django_db


def test_the_schema_is_valid_openapi_3_1():
    validate(schema())
    assert schema()["openapi"] == "3.1.0"


def test_an_undeclared_status_and_a_forbidden_null_are_caught(admin):
    answer = api_client_for(admin).get("/api/v1/me/")
    assert answer.status_code == 200
    assert check(answer.wsgi_request, answer) is None
    teapot = JsonResponse({"detail": "Short and stout.", "code": "teapot"}, status=418)
    assert "418" in check(answer.wsgi_request, teapot)
    nulls = JsonResponse({**answer.json(), "email": None})
    assert "email" in check(answer.wsgi_request, nulls)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/partner/"),
        ("patch", "/api/v1/partner/"),
        ("delete", "/api/v1/partner/"),
        ("post", "/api/v1/invitations/"),
        ("post", "/api/v1/partner/messages/"),
    ],
)
def test_the_operator_gets_a_declared_404_about_my_company(method, path):
    client = api_client_for(OperatorFactory())
    answer = getattr(client, method)(path, {"scopes": [], "text": "Hi"}, format="json")
    assert answer.status_code == 404 and answer.json()["code"] == "not_found"
    assert check(answer.wsgi_request, answer) is None
    assert "404" in schema()["paths"][path][method]["responses"]


def test_a_validation_error_names_its_field(client):
    answer = client.post(
        "/api/v1/auth/token/", {"email": "emma@example.com"}, content_type="application/json"
    )
    assert answer.status_code == 400
    body = answer.json()
    assert body["code"] == "required" and body["field"] == "password"
    assert body["detail"].startswith("password: ") and "password" in body["errors"]


def test_every_operation_has_a_summary_and_an_area_tag():
    areas = {"companies", "partners", "licensing", "telephony", "notifications", "webhooks"}
    operations = [op for item in schema()["paths"].values() for op in item.values()]
    assert len(operations) > 80
    assert all(op.get("summary") for op in operations)
    assert {tag for op in operations for tag in op["tags"]} == areas
