"""Webhooks in Chromium: add one, its secret shown once with focus and a copy button, a ping
delivered to a real receiver, and the deliveries log."""

from __future__ import annotations

import os

import pytest

from tests.conftest import sign_in
from tests.factories import PASSWORD, AdminFactory
from tests.webhooks.conftest import Receiver

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("WEBHOOK_SCREENSHOTS")  # a folder: keep screenshots for review


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.fixture
def live_receiver():
    server = Receiver()
    server.start()
    yield server
    server.stop()


@pytest.mark.parametrize(("language", "width"), [("en", 1280), ("de", 390)])
def test_an_admin_adds_a_webhook_copies_its_secret_and_pings_it(
    page, settings, live_receiver, language, width
):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = True
    page.set_viewport_size({"width": width, "height": 900})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    admin = AdminFactory(language=language, company__name="Acme Bürotechnik GmbH")
    sign_in(page, admin.email, PASSWORD)
    page.goto("/company/webhooks/")
    shot(page, f"webhooks-empty-{language}-{width}")
    # A form sent with errors lists them at the top, focused.
    page.fill("#id_url", live_receiver.url)
    page.locator("form button[type=submit]").last.click()
    summary = page.locator(".error-summary")
    summary.wait_for()  # the answer to the POST has loaded (is_visible() does not wait)
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    shot(page, f"webhooks-errors-{language}-{width}")

    page.check("#id_events_0")  # All events
    page.fill("#id_description", "ERP")
    page.locator("form button[type=submit]").last.click()
    panel = page.locator(".secret-panel")
    panel.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('secret-panel')")
    secret = page.locator("#webhook-secret").inner_text()
    assert secret.startswith("whsec_")
    panel.get_by_role("button").click()
    assert page.evaluate("navigator.clipboard.readText()") == secret
    # The secret wraps inside its panel instead of widening the page.
    code, box = page.locator("#webhook-secret").bounding_box(), panel.bounding_box()
    assert code["x"] + code["width"] <= box["x"] + box["width"]
    shot(page, f"webhooks-secret-{language}-{width}")

    page.get_by_role("link", name=live_receiver.url).click()
    page.locator("form[action$='/ping/'] button").click()
    # The ping's answer page says it is on its way (wait for it: reloading while the POST's
    # redirect is still loading detaches the page).
    sent = {"en": "A ping is on its way", "de": "Ein Ping ist unterwegs"}[language]
    page.get_by_role("status").filter(has_text=sent).wait_for()
    live_receiver.wait_for(1)
    page.reload()
    log = page.locator("table.deliveries")
    assert log.get_by_text("ping").is_visible()
    assert log.get_by_text("HTTP 200").is_visible()
    shot(page, f"webhook-detail-{language}-{width}")
    (received,) = live_receiver.received
    received.verify(secret)
    assert page.console_errors == []
