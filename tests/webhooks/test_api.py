"""The webhooks API of DESIGN.md: endpoints, ping, the delivery log, redelivery, secrets."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from standardwebhooks.webhooks import Webhook

from companies import services as companies
from tests.factories import AdminFactory, CompanyFactory, UserFactory
from webhooks.models import Delivery, Endpoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme_admin(db):
    return AdminFactory(company=CompanyFactory(name="Acme"))


@pytest.fixture
def api(acme_admin, api_for):
    return api_for(acme_admin)


def create(api, url, events=("*",), **extra):
    return api.post(
        "/api/v1/webhooks/", {"url": url, "events": list(events), **extra}, format="json"
    )


def test_creating_an_endpoint_shows_its_secret_once(api, allow_loopback):
    response = create(api, "https://hooks.acme.example/in", description="ERP")
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) >= {"id", "url", "events", "description", "active", "secret", "created_at"}
    assert body["events"] == ["*"] and body["active"] is True and body["description"] == "ERP"
    assert re.fullmatch(r"whsec_[A-Za-z0-9+/]{43}=", body["secret"])
    Webhook(body["secret"])  # the library accepts it
    listed = api.get("/api/v1/webhooks/").json()
    assert listed["count"] == 1 and "secret" not in listed["results"][0]
    assert "secret" not in api.get(f"/api/v1/webhooks/{body['id']}/").json()
    assert body["secret"] not in api.get(f"/api/v1/webhooks/{body['id']}/").content.decode()


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"url": "ftp://hooks.acme.example", "events": ["*"]}, "invalid_url"),
        ({"url": "not an address", "events": ["*"]}, "invalid_url"),
        ({"url": "https://user:pw@hooks.acme.example", "events": ["*"]}, "invalid_url"),
        ({"url": "https://hooks.acme.example", "events": []}, "empty"),
        ({"url": "https://hooks.acme.example", "events": ["invoice.paid"]}, "invalid_choice"),
        ({"url": "https://hooks.acme.example", "events": "*"}, "not_a_list"),
        ({"url": "https://hooks.acme.example"}, "required"),
        (
            {"url": "https://hooks.acme.example", "events": ["*"], "description": "x" * 201},
            "max_length",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_error_and_nothing_written(api, payload, code):
    response = api.post("/api/v1/webhooks/", payload, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["code"] == code
    assert response.json()["detail"]
    assert not Endpoint.objects.exists()


def test_an_endpoint_is_changed_and_removed(api):
    endpoint = create(api, "https://hooks.acme.example/in").json()
    url = f"/api/v1/webhooks/{endpoint['id']}/"
    changed = api.patch(
        url,
        {
            "url": "https://hooks.acme.example/v2",
            "events": ["member.added", "member.added"],
            "active": False,
            "description": " New  one ",
        },
        format="json",
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["events"] == ["member.added"]
    assert changed.json()["description"] == "New one"
    assert changed.json()["active"] is False and "secret" not in changed.json()
    assert api.patch(url, {"active": "maybe"}, format="json").status_code == 400
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404
    assert not Endpoint.objects.exists()


def test_at_most_the_configured_number_of_endpoints(api, settings):
    settings.WEBHOOK_MAX_ENDPOINTS = 2
    assert create(api, "https://a.acme.example").status_code == 201
    assert create(api, "https://b.acme.example").status_code == 201
    refused = create(api, "https://c.acme.example")
    assert refused.status_code == 409 and refused.json()["code"] == "too_many_webhooks"


def test_ping_is_delivered_to_a_real_receiver_and_logged(
    api, receiver, allow_loopback, django_capture_on_commit_callbacks
):
    endpoint = create(api, receiver.url, events=["pbx.declared"]).json()
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(f"/api/v1/webhooks/{endpoint['id']}/ping/")
    assert response.status_code == 202
    assert response.json()["event_type"] == "ping"
    (received,) = receiver.wait_for(1)
    payload = received.verify(endpoint["secret"])
    assert payload["type"] == "ping"
    assert payload["data"]["endpoint"] == {"id": endpoint["id"], "url": receiver.url}
    assert received.headers["webhook-id"] == response.json()["message_id"]
    assert received.headers["Content-Type"] == "application/json"
    log = api.get(f"/api/v1/webhooks/{endpoint['id']}/deliveries/").json()
    (row,) = log["results"]
    assert row["status"] == "succeeded" and row["attempts"] == 1
    assert row["response_status"] == 200 and row["response_body"] == "thanks"
    assert row["duration_ms"] is not None and row["last_attempt_at"]


def test_redelivery_sends_the_same_message_again(
    api, receiver, allow_loopback, django_capture_on_commit_callbacks
):
    endpoint = create(api, receiver.url).json()
    with django_capture_on_commit_callbacks(execute=True):
        ping = api.post(f"/api/v1/webhooks/{endpoint['id']}/ping/").json()
    with django_capture_on_commit_callbacks(execute=True):
        again = api.post(f"/api/v1/webhooks/{endpoint['id']}/deliveries/{ping['id']}/redeliver/")
    assert again.status_code == 202
    assert again.json()["message_id"] == ping["message_id"] and again.json()["id"] != ping["id"]
    first, second = receiver.wait_for(2)
    assert first.body == second.body
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert api.get(f"/api/v1/webhooks/{endpoint['id']}/deliveries/").json()["count"] == 2


def test_a_rotated_secret_signs_beside_the_old_one_for_a_day(
    api, receiver, allow_loopback, django_capture_on_commit_callbacks, settings
):
    endpoint = create(api, receiver.url).json()
    rotated = api.post(f"/api/v1/webhooks/{endpoint['id']}/rotate-secret/")
    assert rotated.status_code == 200
    new = rotated.json()["secret"]
    assert new != endpoint["secret"] and new.startswith("whsec_")
    with django_capture_on_commit_callbacks(execute=True):
        api.post(f"/api/v1/webhooks/{endpoint['id']}/ping/")
    (received,) = receiver.wait_for(1)
    assert len(received.headers["webhook-signature"].split(" ")) == 2
    received.verify(new)
    received.verify(endpoint["secret"])  # receivers not switched yet still accept it

    Endpoint.objects.update(previous_secret_expires_at="2000-01-01T00:00:00Z")
    with django_capture_on_commit_callbacks(execute=True):
        api.post(f"/api/v1/webhooks/{endpoint['id']}/ping/")
    later = receiver.wait_for(2)[1]
    later.verify(new)
    with pytest.raises(Exception, match="No matching signature"):
        later.verify(endpoint["secret"])


def test_only_the_subscribed_events_are_recorded(acme_admin, api):
    create(api, "https://a.acme.example", events=["member.deactivated"])
    companies.member_add(
        actor=acme_admin, company=acme_admin.company, email="m@acme.example", name="M"
    )
    assert not Delivery.objects.exists()
    create(api, "https://b.acme.example", events=["member.added"])
    companies.member_add(
        actor=acme_admin, company=acme_admin.company, email="n@acme.example", name="N"
    )
    (delivery,) = Delivery.objects.select_related("endpoint", "event")
    assert delivery.endpoint.url == "https://b.acme.example"
    assert delivery.event.type == "member.added"


def test_a_turned_off_endpoint_gets_nothing_and_cannot_be_pinged(acme_admin, api):
    endpoint = create(api, "https://a.acme.example").json()
    api.patch(f"/api/v1/webhooks/{endpoint['id']}/", {"active": False}, format="json")
    companies.member_add(
        actor=acme_admin, company=acme_admin.company, email="m@acme.example", name="M"
    )
    assert not Delivery.objects.exists()
    refused = api.post(f"/api/v1/webhooks/{endpoint['id']}/ping/")
    assert refused.status_code == 409 and refused.json()["code"] == "webhook_inactive"


# --- tenancy ---------------------------------------------------------------------------------


def test_another_companys_endpoints_and_deliveries_are_not_found(api, api_for):
    endpoint = create(api, "https://hooks.acme.example").json()
    ping = api.post(f"/api/v1/webhooks/{endpoint['id']}/ping/").json()
    other = api_for(AdminFactory(company=CompanyFactory(name="Other")))
    base = f"/api/v1/webhooks/{endpoint['id']}"
    assert other.get("/api/v1/webhooks/").json()["count"] == 0
    for method, url in [
        ("get", f"{base}/"),
        ("patch", f"{base}/"),
        ("delete", f"{base}/"),
        ("post", f"{base}/ping/"),
        ("post", f"{base}/rotate-secret/"),
        ("get", f"{base}/deliveries/"),
        ("post", f"{base}/deliveries/{ping['id']}/redeliver/"),
    ]:
        response = getattr(other, method)(url, {"active": False}, format="json")
        assert response.status_code == 404, (method, url, response.content)
        assert response.json()["code"] == "webhook_not_found"
        assert "hooks.acme.example" not in response.content.decode()
    # A delivery of another endpoint, even of the same company, is not found either.
    second = create(api, "https://b.acme.example").json()
    response = api.post(f"/api/v1/webhooks/{second['id']}/deliveries/{ping['id']}/redeliver/")
    assert response.status_code == 404 and response.json()["code"] == "delivery_not_found"
    assert Endpoint.objects.filter(active=True).count() == 2


def test_a_member_cannot_manage_endpoints(acme_admin, api, api_for):
    endpoint = create(api, "https://hooks.acme.example").json()
    member = api_for(UserFactory(company=acme_admin.company))
    assert member.get("/api/v1/webhooks/").status_code == 403
    response = create(member, "https://evil.example")
    assert response.status_code == 403 and response.json()["code"] == "not_company_admin"
    for method, url in [
        ("get", f"/api/v1/webhooks/{endpoint['id']}/"),
        ("patch", f"/api/v1/webhooks/{endpoint['id']}/"),
        ("delete", f"/api/v1/webhooks/{endpoint['id']}/"),
        ("post", f"/api/v1/webhooks/{endpoint['id']}/ping/"),
        ("get", f"/api/v1/webhooks/{endpoint['id']}/deliveries/"),
    ]:
        assert getattr(member, method)(url, {}, format="json").status_code == 403
    assert Endpoint.objects.count() == 1 and not Delivery.objects.exists()


# --- fixed cost --------------------------------------------------------------------------------


def _queries(api, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert api.get(url).status_code == 200
    return len(queries)


def test_lists_cost_the_same_queries_whatever_their_size(acme_admin, api):
    endpoint = create(api, "https://hooks.acme.example").json()
    api.post(f"/api/v1/webhooks/{endpoint['id']}/ping/")
    small = (
        _queries(api, "/api/v1/webhooks/"),
        _queries(api, f"/api/v1/webhooks/{endpoint['id']}/deliveries/"),
    )
    for n in range(5):
        create(api, f"https://h{n}.acme.example")
        api.post(f"/api/v1/webhooks/{endpoint['id']}/ping/")
    big = (
        _queries(api, "/api/v1/webhooks/"),
        _queries(api, f"/api/v1/webhooks/{endpoint['id']}/deliveries/"),
    )
    assert small == big


def test_the_openapi_document_describes_every_event_payload(client):
    from webhooks.events import EVENT_TYPES

    schema = client.get("/api/schema/", {"format": "json"}).json()
    assert schema["openapi"].startswith("3.1")
    assert set(schema["webhooks"]) == set(EVENT_TYPES)
    components = schema["components"]["schemas"]
    for event_type, item in schema["webhooks"].items():
        ref = item["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        envelope = components[ref.rsplit("/", 1)[1]]
        assert set(envelope["properties"]) == {"type", "timestamp", "data"}
        assert envelope["properties"]["type"]["enum"] == [event_type]
        assert "webhook-signature" in item["post"]["description"]
    member = components["MemberEvent"]["properties"]
    assert set(member) == {"company", "member"}
    assert "/api/v1/webhooks/{webhook_id}/rotate-secret/" in schema["paths"]
