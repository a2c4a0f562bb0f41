import re

import pytest

from tests.conftest import sign_in
from tests.factories import PASSWORD, AdminFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_german_admin_sees_the_german_dashboard_with_ihr_partner(page):
    admin = AdminFactory(language="de", company__name="Acme Bürotechnik GmbH")
    sign_in(page, admin.email, PASSWORD)
    assert page.url.endswith("/dashboard/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("heading", name="IHR PARTNER").is_visible()
    menu = page.get_by_role("navigation", name="Hauptmenü")
    assert menu.get_by_role("link", name="Mitglieder").is_visible()
    assert menu.get_by_role("link", name="Benachrichtigungen").is_visible()
    assert menu.get_by_role("link", name="Unternehmen verwalten").is_visible()
    assert page.get_by_text("Acme Bürotechnik GmbH").first.is_visible()
    assert page.console_errors == []


def test_language_switch_changes_the_interface_and_the_profile(page):
    admin = AdminFactory(language="en")
    sign_in(page, admin.email, PASSWORD)
    assert page.get_by_role("heading", name="YOUR PARTNER").is_visible()
    with page.expect_navigation():
        page.select_option("#language-select", "fr")
    assert page.get_by_role("heading", name="VOTRE PARTENAIRE").is_visible()
    admin.refresh_from_db()
    assert admin.language == "fr"


def test_wrong_password_is_refused_with_a_message(page):
    admin = AdminFactory()
    sign_in(page, admin.email, "wrong")
    assert page.url.endswith("/accounts/login/")
    assert page.get_by_role("alert").is_visible()


def test_a_slowed_down_person_reads_the_wait_in_german_on_a_phone(browser, live_server, settings):
    settings.SIGN_IN_FREE_FAILURES = 2
    admin = AdminFactory(language="de")
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", viewport={"width": 390, "height": 844}
    )
    try:
        page = context.new_page()
        for password in ["wrong", "wrong", PASSWORD]:
            sign_in(page, admin.email, password)
        alert = page.get_by_role("alert")
        # 30 seconds from the last failure, rounded up: 29 on a slow machine.
        assert re.fullmatch(
            r"Zu viele fehlgeschlagene Anmeldungen\. Versuchen Sie es in (29|30) Sekunden erneut\.",
            alert.inner_text().strip(),
        )
        assert page.url.endswith("/accounts/login/")
        # Nothing overflows the phone's width.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
