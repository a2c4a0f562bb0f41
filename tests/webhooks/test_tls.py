"""HTTPS to the checked address: the certificate is verified against the endpoint's name (sent
as SNI), although the connection goes to the address resolved and checked beforehand."""

from __future__ import annotations

import ssl
import subprocess

import pytest

from companies import services as companies
from tests.factories import AdminFactory, CompanyFactory
from tests.webhooks.conftest import Receiver
from tests.webhooks.test_egress import fake_dns
from webhooks import services
from webhooks.models import Delivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def tls_receiver(tmp_path):
    """A receiver on loopback speaking HTTPS with a certificate for hooks.acme.example."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=hooks.acme.example",
            "-addext",
            "subjectAltName=DNS:hooks.acme.example",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    server = Receiver()
    server.start()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.server.socket = context.wrap_socket(server.server.socket, server_side=True)
    server.cert = cert
    yield server
    server.stop()


def _deliver_to(url, admin, django_capture_on_commit_callbacks):
    endpoint = services.endpoint_create(actor=admin, url=url, events=["*"])
    email = f"m-{endpoint.pk.hex[:8]}@acme.example"
    with django_capture_on_commit_callbacks(execute=True):
        companies.member_add(actor=admin, company=admin.company, email=email, name="M")
    return endpoint, Delivery.objects.get(endpoint=endpoint)


def test_a_trusted_certificate_for_the_name_is_accepted(
    tls_receiver, monkeypatch, allow_loopback, django_capture_on_commit_callbacks
):
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_receiver.cert))  # trust this one certificate
    fake_dns(monkeypatch, {"hooks.acme.example": ["127.0.0.1"]})
    admin = AdminFactory(company=CompanyFactory(name="Acme"))
    endpoint, delivery = _deliver_to(
        f"https://hooks.acme.example:{tls_receiver.port}/hooks",
        admin,
        django_capture_on_commit_callbacks,
    )
    (received,) = tls_receiver.wait_for(1)
    received.verify(endpoint.secret)
    assert received.headers["Host"] == f"hooks.acme.example:{tls_receiver.port}"
    delivery.refresh_from_db()
    assert delivery.status == "succeeded"


def test_a_certificate_for_another_name_or_not_trusted_is_refused(
    tls_receiver, monkeypatch, allow_loopback, django_capture_on_commit_callbacks
):
    fake_dns(
        monkeypatch, {"other.acme.example": ["127.0.0.1"], "hooks.acme.example": ["127.0.0.1"]}
    )
    admin = AdminFactory(company=CompanyFactory(name="Acme"))
    # Not trusted: a self-signed certificate nobody vouches for.
    _endpoint, untrusted = _deliver_to(
        f"https://hooks.acme.example:{tls_receiver.port}/hooks",
        admin,
        django_capture_on_commit_callbacks,
    )
    untrusted.refresh_from_db()
    assert untrusted.status == "pending" and "CERTIFICATE_VERIFY_FAILED" in untrusted.last_error
    # Trusted, but for another name than the endpoint's.
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_receiver.cert))
    Delivery.objects.all().delete()
    _endpoint, mismatch = _deliver_to(
        f"https://other.acme.example:{tls_receiver.port}/hooks",
        admin,
        django_capture_on_commit_callbacks,
    )
    mismatch.refresh_from_db()
    assert mismatch.status == "pending"
    assert "other.acme.example" in mismatch.last_error or "hostname" in mismatch.last_error.lower()
    assert tls_receiver.received == []
