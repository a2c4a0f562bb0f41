import tempfile
from pathlib import Path

import pytest

from telephony.models import Line, OpeningHours, Pbx, WelcomeService
from tests.conftest import sign_in
from tests.factories import PASSWORD, AdminFactory, PartnerLinkFactory, ResellerFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reseller_declares_a_cloud_pbx_and_the_admin_sets_up_a_line_and_a_welcome_service(
    browser, live_server
):
    admin = AdminFactory(company__name="Acme GmbH", language="en")
    company = admin.company
    UserFactory(company=company, name="Mia Member")
    reseller = AdminFactory(company=ResellerFactory(name="Northwind Telecom"))
    PartnerLinkFactory(company=company, partner=reseller.company)

    def new_page():
        context = browser.new_context(base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(15000)
        errors = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        return page, errors

    # The reseller declares a Cloud PBX in its workspace for the customer.
    page, reseller_errors = new_page()
    sign_in(page, reseller.email, PASSWORD)
    page.goto(f"/customers/{company.pk}/telephony/")
    page.get_by_label("Kind").select_option("cloud_pbx")
    page.get_by_label("Name").fill("Head office")
    page.get_by_label("Country").select_option("DE")
    page.get_by_label("Extension prefix (Cloud PBX)").fill("8")
    page.get_by_label("Digits after the prefix (Cloud PBX)").fill("3")
    page.get_by_role("button", name="Declare").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Head office").is_visible()
    assert page.get_by_text("extensions 8000\u20138999").is_visible()
    assert Pbx.objects.get().declared_by == reseller
    page.context.close()

    # The customer's admin gives Mia a line.
    page, admin_errors = new_page()
    sign_in(page, admin.email, PASSWORD)
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Telephony").click()
    page.get_by_role("link", name="Head office").click()
    page.get_by_label("Member").select_option(label="Mia Member")
    page.get_by_label("Extension").fill("8010")
    page.get_by_role("button", name="Give the line").click()
    page.wait_for_load_state()
    assert page.get_by_text("The line was given.").is_visible()
    assert page.locator("#lines").get_by_text("Mia Member").is_visible()
    assert Line.objects.get().extension == "8010"

    # ... and sets up a Welcome Service that rings Mia during opening hours.
    page.get_by_role("link", name="Welcome Service").click()
    page.get_by_label("Name").fill("Reception")
    page.get_by_label("When open").select_option(label="Mia Member (8010)")
    page.get_by_role("button", name="Create").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Reception").is_visible()
    page.get_by_label("Day").select_option(label="Monday")
    page.get_by_label("Opens").first.fill("08:30")
    page.get_by_label("Closes").first.fill("17:00")
    page.locator("form:has(input[value=hours])").get_by_role("button", name="Add").click()
    page.wait_for_load_state()
    assert page.get_by_text("The opening hours were added.").is_visible()
    assert page.locator("#opening-hours").get_by_text("08:30").is_visible()
    hours = OpeningHours.objects.get()
    assert (hours.weekday, hours.opens.hour, hours.opens.minute) == (0, 8, 30)
    assert WelcomeService.objects.get().open_line.user.name == "Mia Member"
    page.screenshot(path=Path(tempfile.gettempdir()) / "telephony-welcome.png", full_page=True)
    assert reseller_errors == [] and admin_errors == []


def test_a_french_reseller_declares_the_other_kinds_and_a_german_admin_sees_them(
    browser, live_server
):
    admin = AdminFactory(company__name="Acme GmbH", language="de")
    company = admin.company
    reseller = AdminFactory(company=ResellerFactory(name="Multicom"), language="fr")
    PartnerLinkFactory(company=company, partner=reseller.company)
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, reseller.email, PASSWORD)
    for kind, name, field, value in [
        (
            "omnipcx_enterprise",
            "Siège OXE",
            "Adresse du serveur d'appels (OmniPCX Enterprise, OXO Connect)",
            "10.1.2.3",
        ),
        (
            "oxo_connect",
            "Agence OXO",
            "Identifiant du système (OmniPCX Enterprise, OXO Connect)",
            "OXO-77",
        ),
        ("third_party", "Asterisk", "Domaine SIP ou hôte du trunk (PBX tiers)", "sip.example.net"),
    ]:
        page.goto(f"/customers/{company.pk}/telephony/")
        page.get_by_label("Type", exact=True).select_option(kind)
        page.get_by_label("Nom", exact=True).fill(name)
        page.get_by_label(field).fill(value)
        page.get_by_role("button", name="Déclarer").click()
        page.wait_for_load_state()
        assert page.get_by_text("Le PBX a été déclaré.").is_visible()
        assert page.get_by_text(value).first.is_visible()
    assert set(Pbx.objects.values_list("kind", flat=True)) == {
        "omnipcx_enterprise",
        "oxo_connect",
        "third_party",
    }
    context.close()

    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    sign_in(page, admin.email, PASSWORD)
    page.goto("/telephony/")
    assert page.get_by_role("heading", name="Telefonie").is_visible()
    assert page.get_by_role("link", name="Asterisk").is_visible()
    page.get_by_role("link", name="Agence OXO").click()
    assert page.get_by_text("werden auf der Anlage selbst verwaltet").is_visible()
    assert page.get_by_role("link", name="Geräte").count() == 0
    context.close()
