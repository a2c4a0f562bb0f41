"""The seed's steps in a real Chromium, in German: define a partner, manage the request, accept."""

import re
from datetime import timedelta

import pytest
from django.core import mail

from partners.models import Invitation, PartnerLink
from tests.conftest import sign_in
from tests.factories import PASSWORD, AdminFactory, CompanyFactory, ResellerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def define_partner(page, letters: str, pick: str) -> None:
    """Dashboard → IHR PARTNER → Partner definieren → type → pick with the keyboard → Übernehmen."""
    panel = page.get_by_role("region", name="IHR PARTNER")
    panel.get_by_role("link", name="Partner definieren").click()
    dialog = page.get_by_role("dialog", name="Partner definieren")
    assert dialog.is_visible()
    assert dialog.get_by_label("Ein Wiederverkäufer dieses Händlers werden").count() == 0
    search = dialog.get_by_role("combobox")
    assert search.evaluate("el => el === document.activeElement")
    search.press_sequentially(letters, delay=60)
    listbox = dialog.get_by_role("listbox")
    option = listbox.get_by_role("option", name=re.compile(pick))
    option.wait_for()
    assert search.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    index = [options.nth(i).get_attribute("data-label") for i in range(options.count())].index(pick)
    for _ in range(index + 1):
        search.press("ArrowDown")
    assert search.get_attribute("aria-activedescendant") == option.get_attribute("id")
    search.press("Enter")
    assert search.input_value() == pick
    assert search.get_attribute("aria-expanded") == "false"
    apply = dialog.get_by_role("button", name="Übernehmen")
    box = apply.bounding_box()  # the dialog fits: the button is on screen, not cut off
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    assert box["height"] >= 24 and box["width"] >= 24
    apply.click()
    dialog.get_by_role("status").filter(has_text=f"an {pick} gesendet").wait_for()
    with page.expect_navigation():
        dialog.get_by_role("button", name="Schließen").click()


def go(page, name: str) -> None:
    """Open a page from the main menu; on a phone the menu first unfolds from its button."""
    toggle = page.get_by_role("button", name="Menü")
    if toggle.is_visible():
        assert page.get_by_role("navigation", name="Hauptmenü").is_hidden()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
    page.get_by_role("navigation", name="Hauptmenü").get_by_role("link", name=name).click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), page.url


@pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_customer_defines_a_partner_manages_the_request_and_the_reseller_accepts(
    page, browser, live_server, settings, viewport
):
    settings.INVITATION_RESEND_COOLDOWN = timedelta(0)
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    anna = AdminFactory(language="de", company=CompanyFactory(name="Acme Bürotechnik GmbH"))
    mueller = ResellerFactory(name="Müller Telekom")
    jonas = AdminFactory(company=mueller, language="de", email="jonas@mueller-telekom.example")
    ResellerFactory(name="Multicom Services")

    # Seed: "manage company" at the bottom of the menu, then Dashboard at the top.
    sign_in(page, anna.email, PASSWORD)
    go(page, "Unternehmen verwalten")
    go(page, "Dashboard")

    define_partner(page, "mül", "Müller Telekom")
    panel = page.get_by_role("region", name="IHR PARTNER")
    assert panel.get_by_text(re.compile("an Müller Telekom gesendet")).is_visible()
    assert Invitation.objects.get().status == "pending"

    # Seed: Notifications → Issued requests → resend, then cancel.
    go(page, "Benachrichtigungen")
    page.get_by_role("link", name="Ausgestellte Anfragen").click()
    row = page.get_by_role("row").filter(has_text="Müller Telekom")
    assert row.get_by_text("Ausstehend").is_visible()
    row.get_by_role("button", name="Erneut senden").click()
    assert page.get_by_text("Ihre Anfrage wurde erneut an Müller Telekom gesendet.").is_visible()
    assert Invitation.objects.get().sent_count == 2
    row = page.get_by_role("row").filter(has_text="Müller Telekom")
    row.get_by_role("button", name="Stornieren").click()
    dialog = page.get_by_role("dialog", name="Ihre Anfrage an Müller Telekom stornieren?")
    assert dialog.get_by_text("Der Link funktioniert dann nicht mehr").is_visible()
    dialog.get_by_role("button", name="Stornieren").click()
    assert page.get_by_text("Ihre Anfrage an Müller Telekom wurde storniert.").is_visible()
    assert (
        page.get_by_role("row")
        .filter(has_text="Müller Telekom")
        .get_by_text("Storniert")
        .is_visible()
    )

    # Define the partner again, so there is a pending request to accept.
    go(page, "Dashboard")
    define_partner(page, "MUL", "Müller Telekom")
    assert page.console_errors == []

    # The reseller's admin opens the emailed link (of the latest send) and accepts.
    latest = Invitation.objects.get(status="pending")
    [email] = [m for m in mail.outbox if m.to == [jonas.email]][-1:]
    assert email.subject == "Acme Bürotechnik GmbH bittet Müller Telekom um eine Partnerschaft"
    path = re.search(r"https?://[^/\s]+(/partner/open/\S+/)", email.body).group(1)
    reseller_context = browser.new_context(
        base_url=live_server.url,
        locale="de-DE",
        viewport={"width": viewport[0], "height": viewport[1]},
    )
    try:
        reseller_page = reseller_context.new_page()
        reseller_page.goto(path)
        assert reseller_page.get_by_text(
            "Acme Bürotechnik GmbH bittet Müller Telekom um eine Partnerschaft."
        ).is_visible()
        reseller_page.get_by_role("link", name="Anmelden").click()
        reseller_page.fill("input[name=username]", jonas.email)
        reseller_page.fill("input[name=password]", PASSWORD)
        reseller_page.click("form.card button[type=submit]")
        # Back on the request, whose token the session kept (never in the sign-in's ?next=).
        reseller_page.wait_for_url("**/partner/open/")
        assert path not in reseller_page.url
        reseller_page.get_by_role("button", name="Annehmen").click()
        assert reseller_page.get_by_text(
            "Diese Anfrage wurde angenommen: Acme Bürotechnik GmbH ist Ihr Kunde."
        ).is_visible()
    finally:
        reseller_context.close()
    latest.refresh_from_db()
    assert latest.status == "accepted"
    assert PartnerLink.objects.get(ended_at__isnull=True).partner == mueller

    # The customer's dashboard shows the reseller with Contact.
    page.goto("/dashboard/")
    panel = page.get_by_role("region", name="IHR PARTNER")
    assert panel.get_by_text("Müller Telekom").first.is_visible()
    assert panel.get_by_role("link", name="Kontakt").is_visible()
    assert panel.get_by_role("button", name="Entfernen").is_visible()


def test_define_partner_without_javascript(browser, live_server):
    """Scripts off: the Define partner link opens its page; Search, pick, Apply."""
    anna = AdminFactory(company=CompanyFactory(name="Acme Bürotechnik GmbH"))
    mueller = ResellerFactory(name="Müller Telekom")
    ResellerFactory(name="Multicom Services")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        sign_in(page, anna.email, PASSWORD)
        page.get_by_role("region", name="YOUR PARTNER").get_by_role(
            "link", name="Define partner"
        ).click()
        page.get_by_role("combobox", name="Reseller").fill("mül")
        page.get_by_role("button", name="Search").click()
        choices = page.get_by_role("group", name="Companies found")
        assert choices.get_by_role("radio").count() == 2
        choices.get_by_role("radio", name="Müller Telekom").check()
        page.get_by_role("button", name="Apply").click()
        page.get_by_text("Your request was sent to Müller Telekom.").wait_for()
        assert page.url.endswith("/dashboard/")
        assert Invitation.objects.get().to_company == mueller
    finally:
        context.close()
