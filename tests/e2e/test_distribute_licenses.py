"""A reseller subscribes licenses for its customer; the customer's admin distributes them."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import sign_in
from tests.factories import PASSWORD, AdminFactory, PartnerLinkFactory, UserFactory
from tests.licensing.factories import SubscriptionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_company_admin_assigns_licenses_to_two_members_and_sees_the_counts_change(page):
    admin = AdminFactory(name="Anna Admin", language="en")
    company = admin.company
    UserFactory(company=company, name="Bernd Beispiel")
    UserFactory(company=company, name="Berta Muster")
    UserFactory(company=company, name="Carl Other")
    subscription = SubscriptionFactory(company=company, quantity=10)
    sign_in(page, admin.email, PASSWORD)
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Licenses").click()
    row = page.locator(f"#subscription-{subscription.pk}")
    expect(row.locator(".assigned")).to_have_text("0")
    expect(row.locator(".available")).to_have_text("10")

    page.get_by_label("Search members by name or email").fill("ber")
    candidates = page.locator("#candidate-list")
    expect(candidates.get_by_text("Carl Other")).to_have_count(0)
    page.get_by_label("Bernd Beispiel").check()
    page.get_by_label("Berta Muster").check()
    page.get_by_role("button", name="Assign to the selected members").click()

    expect(page.get_by_text("2 licenses assigned.")).to_be_visible()
    expect(row.locator(".assigned")).to_have_text("2")
    expect(row.locator(".available")).to_have_text("8")
    expect(page.locator("#license-counts")).to_have_text(
        re.compile(r"10 subscribed · 2 assigned · 8 available")
    )
    expect(page.locator("#holders")).to_contain_text("Bernd Beispiel")
    expect(page.locator("#holders")).to_contain_text("Berta Muster")
    assert subscription.assignments.count() == 2
    assert page.url.endswith("/licenses/")  # htmx updated the page in place

    page.locator("#holders").get_by_label("Bernd Beispiel").check()
    page.get_by_role("button", name="Take back from the selected members").click()
    expect(page.get_by_text("1 license freed.")).to_be_visible()
    expect(row.locator(".assigned")).to_have_text("1")
    assert page.console_errors == []


def test_german_reseller_subscribes_and_the_french_admin_distributes(page):
    link = PartnerLinkFactory(company__name="Dupont Conseil SA", partner__name="Müller Telekom")
    reseller_admin = AdminFactory(company=link.partner, language="de")
    claire = AdminFactory(company=link.company, language="fr", name="Claire Admin")
    UserFactory(company=link.company, name="Jean Membre")

    sign_in(page, reseller_admin.email, PASSWORD)
    page.goto(f"/customers/{link.company_id}/subscriptions/")
    expect(page.get_by_role("heading", name="Abonnements von Dupont Conseil SA")).to_be_visible()
    page.get_by_label("Angebot").select_option("business")
    page.get_by_label("Anzahl").fill("10")
    page.get_by_role("button", name="Abonnieren", exact=True).click()
    expect(
        page.get_by_text("10 Business-Lizenzen für Dupont Conseil SA abonniert.")
    ).to_be_visible()
    page.get_by_role("button", name="Abmelden").click()

    sign_in(page, claire.email, PASSWORD)
    expect(page.get_by_role("heading", name="LICENCES")).to_be_visible()
    expect(page.locator("#licenses-panel")).to_contain_text("0 sur 10 attribuées, 10 disponibles")
    page.get_by_role("link", name="Distribuer les licences").click()
    page.get_by_label("Jean Membre").check()
    page.get_by_label("Claire Admin").check()
    page.get_by_role("button", name="Attribuer aux membres sélectionnés").click()
    expect(page.get_by_text("2 licences attribuées.")).to_be_visible()
    expect(page.locator("#license-counts")).to_contain_text(
        "10 souscrites · 2 attribuées · 8 disponibles"
    )
    page.goto("/profile/")
    expect(page.locator("#my-licenses")).to_contain_text("Business")
    assert page.console_errors == []
