"""The Webhooks pages of Manage company (server-rendered)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AdminFactory, CompanyFactory, UserFactory
from webhooks import services
from webhooks.models import Delivery, Endpoint

pytestmark = pytest.mark.django_db

SECRET = re.compile(r"whsec_[A-Za-z0-9+/=]+")


@pytest.fixture
def acme_admin(db):
    return AdminFactory(company=CompanyFactory(name="Acme"))


def test_adding_a_webhook_shows_its_secret_once(client, acme_admin):
    client.force_login(acme_admin)
    response = client.post(
        "/company/webhooks/",
        {"url": "https://hooks.acme.example/in", "description": "ERP", "events": ["*"]},
    )
    assert response.status_code == 200
    page = response.content.decode()
    (secret,) = set(SECRET.findall(page))
    assert secret == Endpoint.objects.get().secret
    assert 'data-copy="#webhook-secret"' in page and "data-focus" in page
    assert "will not be shown again" in page
    listed = client.get("/company/webhooks/").content.decode()
    assert "https://hooks.acme.example/in" in listed and "ERP" in listed
    assert not SECRET.search(listed)
    assert not SECRET.search(
        client.get(f"/company/webhooks/{Endpoint.objects.get().pk}/").content.decode()
    )


def test_errors_are_listed_at_the_top_linking_to_each_field_and_nothing_is_saved(
    client, acme_admin, settings
):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False
    client.force_login(acme_admin)
    response = client.post("/company/webhooks/", {"url": "http://127.0.0.1/in"})
    assert response.status_code == 200
    page = response.content.decode()
    summary = page.split('class="errors error-summary"')[1].split("</div>")[0]
    assert 'href="#id_events"' in summary
    response = client.post("/company/webhooks/", {"url": "http://127.0.0.1/in", "events": ["*"]})
    page = response.content.decode()
    assert "Webhooks are sent over HTTPS only" in page and 'href="#id_url"' in page
    assert not Endpoint.objects.exists()


def test_a_webhook_is_edited_pinged_given_a_new_secret_and_removed(client, acme_admin):
    endpoint = services.endpoint_create(
        actor=acme_admin, url="https://hooks.acme.example/in", events=["*"]
    )
    client.force_login(acme_admin)
    url = f"/company/webhooks/{endpoint.pk}/"
    response = client.post(
        url, {"url": "https://hooks.acme.example/v2", "events": ["pbx.declared"], "active": "on"}
    )
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert (endpoint.url, endpoint.events, endpoint.active) == (
        "https://hooks.acme.example/v2",
        ["pbx.declared"],
        True,
    )
    page = client.post(f"{url}ping/", follow=True).content.decode()
    assert "A ping is on its way" in page and "<code>ping</code>" in page
    delivery = Delivery.objects.get()
    assert delivery.event.message_id in page
    old = endpoint.secret
    page = client.post(f"{url}rotate-secret/").content.decode()
    endpoint.refresh_from_db()
    assert endpoint.secret != old and endpoint.secret in page and old not in page
    assert endpoint.previous_secret == old
    assert client.post(f"{url}delete/").status_code == 302
    assert not Endpoint.objects.exists()


def test_the_deliveries_log_shows_status_and_answer_and_sends_again(client, acme_admin):
    endpoint = services.endpoint_create(
        actor=acme_admin, url="https://hooks.acme.example/in", events=["*"]
    )
    delivery = services.endpoint_ping(actor=acme_admin, endpoint_id=endpoint.pk)
    Delivery.objects.filter(pk=delivery.pk).update(
        status="failed", attempts=9, response_status=503, response_body="<b>down</b>"
    )
    client.force_login(acme_admin)
    page = client.get(f"/company/webhooks/{endpoint.pk}/").content.decode()
    assert "Failed" in page and "HTTP 503" in page and "&lt;b&gt;down&lt;/b&gt;" in page
    response = client.post(
        f"/company/webhooks/{endpoint.pk}/deliveries/{delivery.pk}/redeliver/", follow=True
    )
    assert "The event is being sent again." in response.content.decode()
    assert Delivery.objects.filter(event=delivery.event, status="pending").count() == 1


def test_the_pages_speak_german(client, acme_admin):
    acme_admin.language = "de"
    acme_admin.save()
    client.force_login(acme_admin)
    page = client.get("/company/webhooks/").content.decode()
    assert "Webhook hinzufügen" in page and "Alle Ereignisse" in page


def test_a_member_is_refused(client, acme_admin):
    endpoint = services.endpoint_create(
        actor=acme_admin, url="https://hooks.acme.example/in", events=["*"]
    )
    client.force_login(UserFactory(company=acme_admin.company))
    assert client.get("/company/webhooks/").status_code == 403
    assert client.get(f"/company/webhooks/{endpoint.pk}/").status_code == 403
    assert client.post(f"/company/webhooks/{endpoint.pk}/delete/").status_code == 403
    assert Endpoint.objects.exists()


def test_another_companys_webhook_is_not_found(client, acme_admin):
    endpoint = services.endpoint_create(
        actor=acme_admin, url="https://hooks.acme.example/in", events=["*"]
    )
    delivery = services.endpoint_ping(actor=acme_admin, endpoint_id=endpoint.pk)
    client.force_login(AdminFactory(company=CompanyFactory(name="Other")))
    base = f"/company/webhooks/{endpoint.pk}"
    assert "hooks.acme.example" not in client.get("/company/webhooks/").content.decode()
    for method, url in [
        ("get", f"{base}/"),
        ("post", f"{base}/"),
        ("post", f"{base}/ping/"),
        ("post", f"{base}/rotate-secret/"),
        ("post", f"{base}/delete/"),
        ("post", f"{base}/deliveries/{delivery.pk}/redeliver/"),
        ("get", "/company/webhooks/not-a-uuid/"),
    ]:
        response = getattr(client, method)(url, {"url": "https://evil.example", "events": ["*"]})
        assert response.status_code == 404, (method, url)
    assert Endpoint.objects.get().url == "https://hooks.acme.example/in"
    assert Delivery.objects.count() == 1


def _count(client, url) -> int:
    """Queries of one page view, the session's excepted (read from the cache when it holds it)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len([q for q in queries if "django_session" not in q["sql"]])


def test_pages_cost_the_same_queries_whatever_their_size(client, acme_admin):
    endpoint = services.endpoint_create(
        actor=acme_admin, url="https://hooks.acme.example/in", events=["*"]
    )
    services.endpoint_ping(actor=acme_admin, endpoint_id=endpoint.pk)
    client.force_login(acme_admin)
    small = (
        _count(client, "/company/webhooks/"),
        _count(client, f"/company/webhooks/{endpoint.pk}/"),
    )
    for n in range(4):
        services.endpoint_create(actor=acme_admin, url=f"https://h{n}.acme.example", events=["*"])
        services.endpoint_ping(actor=acme_admin, endpoint_id=endpoint.pk)
    big = (
        _count(client, "/company/webhooks/"),
        _count(client, f"/company/webhooks/{endpoint.pk}/"),
    )
    assert small == big
