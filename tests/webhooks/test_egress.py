"""DESIGN.md's egress rules: outside DEBUG (and without WEBHOOK_ALLOW_PRIVATE_URLS), https only
and no private, loopback or link-local address, checked again on the resolved address at send
time, and the request goes to the address that was checked."""

from __future__ import annotations

import socket

import pytest

from companies import services as companies
from tests.factories import AdminFactory, CompanyFactory
from webhooks import egress
from webhooks.models import Delivery, Endpoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False


@pytest.fixture
def acme_admin(db):
    return AdminFactory(company=CompanyFactory(name="Acme"))


def fake_dns(monkeypatch, answers: dict[str, list[str]]):
    """Names of ``answers`` resolve to those addresses; others as the system resolves them."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in answers:
            return [
                (
                    socket.AF_INET6 if ":" in a else socket.AF_INET,
                    socket.SOCK_STREAM,
                    6,
                    "",
                    (a, port),
                )
                for a in answers[host]
            ]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://127.0.0.1/hooks", "https_required"),
        ("http://hooks.acme.example/hooks", "https_required"),
        ("https://10.0.0.1/hooks", "private_address"),
        ("https://127.0.0.1:8443/hooks", "private_address"),
        ("https://192.168.1.20/", "private_address"),
        ("https://169.254.169.254/latest/meta-data", "private_address"),
        ("https://[::1]/hooks", "private_address"),
        ("https://[fe80::1]/hooks", "private_address"),
        ("https://[::ffff:10.0.0.1]/hooks", "private_address"),
        ("https://localhost/hooks", "private_address"),
    ],
)
def test_private_and_plain_addresses_are_refused_when_saved(strict, acme_admin, api_for, url, code):
    response = api_for(acme_admin).post(
        "/api/v1/webhooks/", {"url": url, "events": ["*"]}, format="json"
    )
    assert response.status_code == 400, response.content
    assert response.json()["code"] == code
    assert not Endpoint.objects.exists()


def test_a_public_https_address_is_accepted_a_reserved_one_is_not(strict, acme_admin, api_for):
    response = api_for(acme_admin).post(
        "/api/v1/webhooks/", {"url": "https://203.0.113.9/hooks", "events": ["*"]}, format="json"
    )
    # 203.0.113.0/24 is a documentation range: not global, so refused too.
    assert response.status_code == 400
    response = api_for(acme_admin).post(
        "/api/v1/webhooks/", {"url": "https://8.8.8.8/hooks", "events": ["*"]}, format="json"
    )
    assert response.status_code == 201


def test_a_name_resolving_to_a_private_address_is_refused_at_send_time(strict, monkeypatch):
    fake_dns(monkeypatch, {"hooks.acme.example": ["10.1.2.3"]})
    with pytest.raises(egress.EgressRefused, match="non-public address"):
        egress.resolve("https://hooks.acme.example/in")
    # One private answer among public ones refuses the name (a rebinding name answers both).
    fake_dns(monkeypatch, {"hooks.acme.example": ["8.8.8.8", "127.0.0.1"]})
    with pytest.raises(egress.EgressRefused):
        egress.resolve("https://hooks.acme.example/in")
    fake_dns(monkeypatch, {"hooks.acme.example": ["8.8.8.8"]})
    target = egress.resolve("https://hooks.acme.example:8443/in?x=1")
    assert (target.address, target.port, target.path) == ("8.8.8.8", 8443, "/in?x=1")
    assert target.host_header == "hooks.acme.example:8443"


def test_plain_http_is_refused_at_send_time_too(strict):
    with pytest.raises(egress.EgressRefused, match="https"):
        egress.resolve("http://8.8.8.8/in")


def test_a_delivery_to_a_name_now_resolving_to_loopback_is_refused_and_retried(
    strict, acme_admin, api_for, monkeypatch, receiver, django_capture_on_commit_callbacks
):
    """Saved while the name was public; at send time it points at loopback (DNS rebinding):
    nothing is sent, the attempt is logged as refused and will be retried."""
    fake_dns(monkeypatch, {"hooks.acme.example": ["8.8.8.8"]})
    endpoint = api_for(acme_admin).post(
        "/api/v1/webhooks/",
        {"url": f"https://hooks.acme.example:{receiver.port}/hooks", "events": ["*"]},
        format="json",
    )
    assert endpoint.status_code == 201
    fake_dns(monkeypatch, {"hooks.acme.example": ["127.0.0.1"]})
    with django_capture_on_commit_callbacks(execute=True):
        companies.member_add(
            actor=acme_admin, company=acme_admin.company, email="m@acme.example", name="M"
        )
    delivery = Delivery.objects.get()
    assert delivery.status == "pending" and delivery.attempts == 1
    assert delivery.last_error.startswith("Refused:") and "127.0.0.1" in delivery.last_error
    assert receiver.arrived == 0


def test_the_request_goes_to_the_address_that_was_checked(
    acme_admin, api_for, monkeypatch, receiver, settings, django_capture_on_commit_callbacks
):
    """With private addresses allowed (tests, development), a name resolving to loopback is
    posted to on that address, with the name in the Host header."""
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = True
    fake_dns(monkeypatch, {"hooks.acme.example": ["127.0.0.1"]})
    created = api_for(acme_admin).post(
        "/api/v1/webhooks/",
        {"url": f"http://hooks.acme.example:{receiver.port}/hooks?k=1", "events": ["*"]},
        format="json",
    )
    with django_capture_on_commit_callbacks(execute=True):
        companies.member_add(
            actor=acme_admin, company=acme_admin.company, email="m@acme.example", name="M"
        )
    (received,) = receiver.wait_for(1)
    assert received.headers["Host"] == f"hooks.acme.example:{receiver.port}"
    assert received.path == "/hooks?k=1"
    received.verify(created.json()["secret"])


def test_redirects_are_not_followed(
    acme_admin, api_for, receiver, allow_loopback, django_capture_on_commit_callbacks
):
    receiver.answers = [302]
    created = api_for(acme_admin).post(
        "/api/v1/webhooks/", {"url": receiver.url, "events": ["*"]}, format="json"
    )
    with django_capture_on_commit_callbacks(execute=True):
        api_for(acme_admin).post(f"/api/v1/webhooks/{created.json()['id']}/ping/")
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.response_status) == ("pending", 302)
    assert delivery.last_error == "HTTP 302"
    assert len(receiver.refused) == 1 and not receiver.received
