"""The reseller's offer in a real Chromium: offer to an address without an account, sign up
through the emailed link, activate, accept; the link is made with the offered scopes."""

import re

import pytest
from django.core import mail

from partners.models import Invitation, PartnerLink
from tests.conftest import sign_in
from tests.factories import (
    PASSWORD,
    AdminFactory,
    CompanyFactory,
    PartnerLinkFactory,
    ResellerFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINK = re.compile(r"https?://\S+")


def link_in_email_to(address: str, path: str) -> str:
    (message,) = [m for m in mail.outbox if address in m.to and path in m.body]
    (url,) = [u for u in LINK.findall(message.body) if path in u]
    return url.split("://", 1)[1].split("/", 1)[1]  # the path, for the live server


def test_offer_to_a_new_address_sign_up_through_the_link_then_accept(page, browser, live_server):
    northwind = ResellerFactory(name="Northwind Telecom")
    james = AdminFactory(company=northwind, email="james@northwind.example", name="James Admin")

    sign_in(page, james.email, PASSWORD)
    page.goto("/customers/")
    page.get_by_role("link", name="Offer to manage a company").click()
    page.get_by_label("Email address of one of its administrators").fill("eve@newco.example")
    page.get_by_label("Company name (optional)").fill("Newco Ltd")
    page.get_by_label("Telephony (PBXs)").uncheck()
    page.get_by_role("button", name="Send the offer").click()
    assert page.get_by_text("Your offer was sent to eve@newco.example.").is_visible()
    # Pending from now on, listed by the address: nobody to answer until the company exists.
    pending = Invitation.objects.get()
    assert pending.status == "pending" and pending.to_company is None
    page.goto("/notifications/issued/")
    assert page.get_by_role("row").filter(has_text="eve@newco.example").is_visible()

    # The emailed link, in a browser that is not signed in.
    context = browser.new_context(base_url=live_server.url)
    eve = context.new_page()
    eve.goto("/" + link_in_email_to("eve@newco.example", "/partner/offer/"))
    assert eve.get_by_text("Northwind Telecom offers to become your company's partner").is_visible()
    assert eve.get_by_text("eve@newco.example").is_visible()
    assert eve.get_by_label("Company name").input_value() == "Newco Ltd"
    eve.get_by_label("Country").select_option("GB")
    eve.get_by_label("Your name").fill("Eve Admin")
    eve.get_by_label("Password").fill("a long enough passphrase")
    eve.get_by_role("button", name="Sign up").click()
    assert eve.get_by_role("heading", name="Check your email").is_visible()
    offer = Invitation.objects.get()
    assert offer.direction == "offer" and offer.from_company == northwind
    assert offer.to_company.name == "Newco Ltd" and offer.scopes == ["licensing"]

    # Activation as any sign-up, then the offer under Received requests.
    eve.goto("/" + link_in_email_to("eve@newco.example", "/accounts/activate/"))
    eve.get_by_role("button").filter(has_text=re.compile("Activate", re.I)).first.click()
    sign_in(eve, "eve@newco.example", "a long enough passphrase")
    eve.goto("/notifications/received/")
    row = eve.get_by_role("row").filter(has_text="Northwind Telecom")
    assert row.get_by_text("Offer").first.is_visible()
    row.get_by_role("link", name="Review the offer").click()
    assert eve.get_by_text("If you accept, Northwind Telecom becomes your partner.").is_visible()
    assert eve.get_by_text("subscriptions (licensing)").is_visible()
    eve.get_by_role("button", name="Accept").click()
    assert eve.get_by_text(
        "You accepted the offer: Northwind Telecom is now your partner."
    ).is_visible()
    link = PartnerLink.objects.get(ended_at__isnull=True)
    assert link.partner == northwind and link.company == offer.to_company
    assert link.scopes == ["licensing"]
    context.close()


def test_offer_to_a_company_with_a_partner_names_the_partner_it_replaces(page):
    acme = CompanyFactory(name="Acme Ltd")
    anna = AdminFactory(company=acme, email="anna@acme.example")
    old = ResellerFactory(name="Old Telecom")
    PartnerLinkFactory(company=acme, partner=old)
    northwind = ResellerFactory(name="Northwind Telecom")
    james = AdminFactory(company=northwind, email="james@northwind.example")

    sign_in(page, james.email, PASSWORD)
    page.goto("/customers/offer/")
    page.get_by_label("Email address of one of its administrators").fill(anna.email)
    page.get_by_role("button", name="Send the offer").click()
    assert page.get_by_text(f"Your offer was sent to {anna.email}.").is_visible()
    page.goto("/")
    # The open offers name the address: whether it has an account stays hidden.
    assert page.get_by_role("link", name=anna.email).is_visible()
    assert page.get_by_text("Acme Ltd").count() == 0
    page.context.clear_cookies()

    sign_in(page, anna.email, PASSWORD)
    page.goto("/" + link_in_email_to(anna.email, "/partner/open/"))
    assert page.get_by_text(
        "Old Telecom is your partner now: accepting ends that partnership and "
        "Northwind Telecom replaces Old Telecom."
    ).is_visible()
    page.get_by_role("button", name="Accept").click()
    assert PartnerLink.objects.get(ended_at__isnull=True).partner == northwind
