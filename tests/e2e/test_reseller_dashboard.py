"""A reseller's dashboard in a real Chromium on a phone (390 by 844): the request waiting is there
with its buttons, Accept makes the company a customer without leaving the dashboard, and the
page never scrolls sideways, in English and in German."""

import pytest

from partners.models import PartnerLink
from tests.conftest import sign_in
from tests.factories import PASSWORD, AdminFactory, CompanyFactory, ResellerFactory
from tests.partners.factories import InvitationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def page_width(page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


@pytest.mark.parametrize(
    ("language", "panel", "accept", "accepted"),
    [
        ("en", "RECEIVED REQUESTS", "Accept", "is now your customer"),
        ("de", "ERHALTENE ANFRAGEN", "Annehmen", "ist jetzt Ihr Kunde"),
    ],
)
def test_a_reseller_accepts_the_waiting_request_from_its_dashboard_on_a_phone(
    browser, live_server, language, panel, accept, accepted
):
    northwind = ResellerFactory(name="Northwind Telecom")
    james = AdminFactory(company=northwind, email="james@northwind.example", language=language)
    acme = CompanyFactory(name="Acme Bürotechnik GmbH mit einem sehr langen Firmennamen")
    InvitationFactory(from_company=acme, to_company=northwind)

    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, james.email, PASSWORD)
    page.goto("/dashboard/")
    received = page.locator("#received-panel")
    assert received.get_by_role("heading", name=panel).is_visible()
    assert received.get_by_role("link", name=acme.name).is_visible()
    width, window = page_width(page)
    assert width <= window

    received.get_by_role("button", name=accept).click()
    page.wait_for_load_state()
    assert page.url.endswith("/dashboard/")
    assert page.get_by_text(accepted).first.is_visible()
    assert page.locator("#customers-panel").get_by_role("link", name=acme.name).is_visible()
    assert PartnerLink.objects.filter(company=acme, partner=northwind, ended_at=None).exists()
    width, window = page_width(page)
    assert width <= window
    context.close()
