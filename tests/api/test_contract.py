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
