"""The operators' email preview: every kind of email in every language, behind the admin."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from notifications.email_samples import EMAIL_KINDS
from notifications.models import OutboundEmail
from tests.factories import AdminFactory, OperatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator_client(client):
    client.force_login(OperatorFactory())
    return client


def test_the_admin_index_leads_to_the_previews(operator_client):
    assert 'href="/admin/emails/"' in operator_client.get("/admin/").content.decode()


def test_the_index_links_every_kind_in_every_language(operator_client):
    response = operator_client.get("/admin/emails/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Email previews" in body
    for kind in EMAIL_KINDS:
        for language in ("en", "de", "fr"):
            assert f'href="/admin/emails/{kind}/{language}/"' in body


@pytest.mark.parametrize("kind", list(EMAIL_KINDS))
def test_each_preview_shows_subject_text_and_frames_the_html(operator_client, kind):
    before = OutboundEmail.objects.count()
    page = operator_client.get(f"/admin/emails/{kind}/de/")
    assert page.status_code == 200
    body = page.content.decode()
    assert f'src="/admin/emails/{kind}/de/html/"' in body
    assert "Guten Tag" in body  # the German text part
    framed = operator_client.get(f"/admin/emails/{kind}/de/html/")
    assert framed.status_code == 200
    assert framed.content.decode().startswith("<!DOCTYPE html>")
    assert 'lang="de"' in framed.content.decode()
    # Nothing written, nothing sent.
    assert OutboundEmail.objects.count() == before and mail.outbox == []


def test_the_framed_email_may_use_its_inline_styles_and_nothing_else(operator_client):
    response = operator_client.get("/admin/emails/partner_invitation/fr/html/")
    policy = dict(
        part.strip().split(" ", 1)
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    )
    assert policy["style-src"] == "'unsafe-inline'"
    assert policy["script-src"] == "'self'" and policy["frame-ancestors"] == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # The preview page itself keeps the strict policy.
    page = operator_client.get("/admin/emails/partner_invitation/fr/")
    assert "unsafe-inline" not in page["Content-Security-Policy"]
    assert page["X-Frame-Options"] == "DENY"


def test_the_preview_costs_the_same_queries_for_every_kind(operator_client):
    counts = set()
    for kind in EMAIL_KINDS:
        with CaptureQueriesContext(connection) as queries:
            assert operator_client.get(f"/admin/emails/{kind}/en/").status_code == 200
        counts.add(len(queries))
    assert len(counts) == 1 and counts.pop() <= 3


@pytest.mark.parametrize(
    "url",
    ["/admin/emails/nonsense/de/", "/admin/emails/activation/es/", "/admin/emails/x/en/html/"],
)
def test_an_unknown_kind_or_language_is_not_found(operator_client, url):
    assert operator_client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url", ["/admin/emails/", "/admin/emails/activation/en/", "/admin/emails/activation/en/html/"]
)
def test_people_who_are_not_operators_are_sent_to_the_admin_sign_in(client, url):
    assert client.get(url)["Location"].startswith("/admin/login/")
    client.force_login(AdminFactory())
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


@pytest.mark.browser
def test_an_operator_reviews_the_german_partner_request_in_the_browser(page, transactional_db):
    operator = OperatorFactory(email="olga@op.example")
    operator.set_password("pw-Operator-2026")
    operator.save()
    page.goto("/admin/login/")
    page.fill("input[name=username]", operator.email)
    page.fill("input[name=password]", "pw-Operator-2026")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    page.console_errors.clear()  # Django's own sign-in page asks for a /favicon.ico it lacks
    page.goto("/admin/emails/")
    row = page.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="Partner request", exact=True)
    )
    row.get_by_role("link", name="DE").click()
    assert page.get_by_text(
        "Acme Bürotechnik GmbH bittet Müller Telekom um eine Partnerschaft"
    ).is_visible()
    frame = page.frame_locator("iframe")
    button = frame.get_by_role("link", name="Anfrage ansehen").first
    assert button.is_visible()
    # The inline styles apply inside the frame: the button is painted, not a bare link.
    background = button.evaluate("a => getComputedStyle(a).backgroundColor")
    assert background == "rgb(26, 86, 196)"
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.console_errors == []
