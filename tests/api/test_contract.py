"""The contract checks themselves: the schema validates, an answer it does not allow is caught,
and a caller without a company (the operator) gets declared 404s."""

from __future__ import annotations

import json
import uuid
from unittest.mock import ANY

import pytest
from django.http import JsonResponse
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate
from rest_framework.exceptions import ErrorDetail, ValidationError

from rainbow_admin.api.errors import exception_handler
from rainbow_admin.api.operations import OPERATIONS
from tests.conftest import api_client_for
from tests.contract import check, schema
from tests.factories import AdminFactory, CompanyFactory, OperatorFactory, ResellerFactory
from tests.telephony.factories import CloudPbxFactory

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


def test_every_operation_has_a_summary_a_description_and_an_area_tag():
    areas = {"companies", "partners", "licensing", "telephony", "notifications", "webhooks"}
    operations = [op for item in schema()["paths"].values() for op in item.values()]
    assert len(operations) > 80
    assert all(op.get("summary") and op.get("description") for op in operations)
    assert all(len(op["summary"]) <= 60 for op in operations)
    # The table of summaries and descriptions names only operations that exist.
    assert set(OPERATIONS) <= {
        (method, path) for path, item in schema()["paths"].items() for method in item
    }
    assert {tag for op in operations for tag in op["tags"]} == areas


def _validator(component: str, field: str | None = None) -> OAS31Validator:
    """A strict validator (formats checked) of a component of the document, or of one field."""
    pointer = f"#/components/schemas/{component}" + (f"/properties/{field}" if field else "")
    return OAS31Validator(
        {"$ref": pointer, "components": schema()["components"]},
        format_checker=OAS31Validator.FORMAT_CHECKER,
    )


def _nodes(node, where="#"):
    """Every schema object of the document, with where it is."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _nodes(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes(value, f"{where}/{index}")


def test_no_free_form_structure_is_left():
    """A typed client gets a model for every structure: no ``{}``, no open or bare object."""
    document = schema()
    free = [
        where
        for section in ("components", "paths", "webhooks")
        for where, node in _nodes(document[section], f"#/{section}")
        if node.get("additionalProperties") in ({}, True)
        or (
            node.get("type") == "object"
            and not {"properties", "additionalProperties", "$ref", "oneOf", "allOf"} & set(node)
        )
        or any(node.get(key) == {} for key in ("items", "schema"))
    ]
    assert free == []
    assert document["components"]["schemas"]["Error"]["properties"]["errors"] == {
        "$ref": "#/components/schemas/ValidationErrors"
    }


def test_every_operation_has_uuid_ids_named_enums_and_declared_throttles():
    ids, enums, throttles, errors = [], [], [], []
    for path, item in schema()["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                kind = parameter["schema"]
                if parameter["name"].endswith("_id") and kind.get("format") != "uuid":
                    ids.append((method, path, parameter["name"]))
                if "enum" in kind and "default" not in kind:
                    enums.append((method, path, parameter["name"]))
            for status, answer in operation["responses"].items():
                if status == "429" and not answer.get("headers", {}).get("Retry-After"):
                    throttles.append((method, path))
                if status[0] == "4" and "application/json" not in answer.get("content", {}):
                    errors.append((method, path, status))
    assert (ids, enums, throttles) == ([], [], [])
    assert errors == []
    offers = schema()["paths"]["/api/v1/customer-offers/"]["post"]["responses"]["429"]
    assert offers["headers"]["Retry-After"]["schema"] == {"type": "integer", "minimum": 1}


def test_one_of_alternatives_are_distinct():
    """A value matching two alternatives of a ``oneOf`` fails it (``target: null``)."""
    repeated = [
        where
        for where, node in _nodes(schema())
        if isinstance(node.get("oneOf"), list)
        and len({json.dumps(alt, sort_keys=True) for alt in node["oneOf"]}) < len(node["oneOf"])
    ]
    assert repeated == []
    validator = _validator("PatchedNumberPatchRequest", "target")
    assert all(validator.is_valid(value) for value in (None, "", str(uuid.uuid4())))
    assert not validator.is_valid("8000")


def test_a_body_that_needs_one_field_says_so(admin):
    """``PATCH /partner/`` answers 400 to ``{}``: its body is required and has a field at least."""
    operation = schema()["paths"]["/api/v1/partner/"]["patch"]
    assert operation["requestBody"]["required"] is True
    assert schema()["components"]["schemas"]["ScopesInputRequest"]["minProperties"] == 1
    answer = api_client_for(admin).patch("/api/v1/partner/", {}, format="json")
    assert answer.status_code == 400 and answer.json()["code"] == "required"


def test_errors_of_list_fields_are_typed_and_name_their_field(admin):
    """``Error.errors`` holds DRF's details as the API sends them (validated against the
    ``ValidationErrors`` component by the contract checks); ``field`` is the body's field."""
    pbx = CloudPbxFactory(company=admin.company)
    client = api_client_for(admin)
    answer = client.post(
        f"/api/v1/pbxs/{pbx.pk}/hunt-groups/",
        {"name": "Support", "policy": "serial", "members": [str(uuid.uuid4()), "nope"]},
        format="json",
    )
    assert answer.status_code == 400
    assert answer.json() == {
        "detail": "members: Must be a valid UUID.",
        "code": "invalid",
        "field": "members",
        "errors": {"members": {"1": ["Must be a valid UUID."]}},
    }
    answer = client.post(
        f"/api/v1/pbxs/{pbx.pk}/welcome-services/",
        {"name": "Front desk", "hours": [{"weekday": 0}, "9 to 5"]},
        format="json",
    )
    assert answer.status_code == 400
    body = answer.json()
    assert body["field"] == "hours" and body["detail"].startswith("hours: ")
    assert body["errors"] == {"hours": {"1": [ANY]}}


def test_the_first_message_of_a_list_of_rows_is_the_first_invalid_row():
    """A list of objects has ``{}`` for each valid row: the message is the first real one."""
    detail = {"rows": [{}, {"weekday": [ErrorDetail("Too big.", code="max_value")]}]}
    answer = exception_handler(ValidationError(detail), {})
    assert answer.data["detail"] == "rows: Too big."
    assert (answer.data["code"], answer.data["field"]) == ("max_value", "rows")
    _validator("Error").validate(json.loads(json.dumps(answer.data)))


def test_every_webhook_payload_is_what_the_webhooks_section_describes(settings):
    """Each event type, recorded as an endpoint receives it (``Event.body``), validates strictly
    against its entry of the document's ``webhooks`` section: enums, ids, nulls included."""
    from tests.webhooks.test_delivery import _lifetime_of_a_customer
    from webhooks import services as webhook_services
    from webhooks.models import Endpoint, Event

    settings.INVITATION_SENDS_PER_COMPANY_PER_HOUR = 4  # four requests in a row, as there
    customer_admin = AdminFactory(company=CompanyFactory(name="Acme"))
    reseller_admin = AdminFactory(company=ResellerFactory(name="Northwind"))
    for admin in (customer_admin, reseller_admin):
        Endpoint.objects.create(
            company=admin.company, url="https://hooks.example/in", events=["*"], secret="whsec_x"
        )
    _lifetime_of_a_customer(customer_admin, reseller_admin)
    endpoint = Endpoint.objects.get(company=customer_admin.company)
    webhook_services.endpoint_ping(actor=customer_admin, endpoint_id=endpoint.pk)

    webhooks = schema()["webhooks"]
    problems, types = [], set()
    for event in Event.objects.all():
        body = json.loads(event.body)
        types.add(event.type)
        ref = webhooks[event.type]["post"]["requestBody"]["content"]["application/json"]["schema"]
        validator = _validator(ref["$ref"].rsplit("/", 1)[-1])
        problems += [f"{event.type}: {error.message}" for error in validator.iter_errors(body)]
    assert problems == []
    assert types == set(webhooks)


def test_an_import_refused_names_the_body_field_it_came_in(admin):
    """The CSV checks, shared with the pages, are about the page's "file": the API's answer names
    the JSON body's ``content``."""
    client = api_client_for(admin)
    pbx = CloudPbxFactory(company=admin.company)
    for url in (
        f"/api/v1/companies/{admin.company_id}/member-imports/",
        f"/api/v1/pbxs/{pbx.pk}/device-imports/",
    ):
        answer = client.post(url, {"content": "no header here"}, format="json")
        assert answer.status_code == 400, answer.json()
        assert (answer.json()["code"], answer.json()["field"]) == ("invalid_csv", "content")
