"""Forms per DESIGN.md in a real Chromium: the page lands on a refused form (its error summary in
view and focused), nothing takes focus on a plain load, and Declare a PBX shows only the chosen
kind's settings."""

import pytest

from telephony.models import Pbx
from tests.conftest import sign_in
from tests.factories import PASSWORD, AdminFactory, PartnerLinkFactory, ResellerFactory
from tests.telephony.factories import PbxFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reseller_on_a_long_page(page):
    customer = AdminFactory().company
    reseller = AdminFactory(company=ResellerFactory(name="Northwind Telecom"))
    PartnerLinkFactory(company=customer, partner=reseller.company)
    for n in range(40):  # a long list of PBXs above the Declare a PBX form
        PbxFactory(company=customer, name=f"Branch office {n:02}")
    sign_in(page, reseller.email, PASSWORD)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/customers/{customer.pk}/telephony/")
    return customer


def test_a_refused_form_low_on_a_long_page_lands_on_its_error_summary(
    page, reseller_on_a_long_page
):
    assert page.evaluate("document.activeElement === document.body")  # no focus on a plain load
    form = page.get_by_role("region", name="Declare a PBX")
    assert not form.is_visible() or form.bounding_box()["y"] > 844  # below the fold
    page.get_by_label("Kind").select_option("cloud_pbx")
    page.get_by_label("Digits after the prefix (Cloud PBX)").fill("99")
    page.get_by_label("Extension prefix (Cloud PBX)").fill("8")
    page.get_by_role("button", name="Declare").click()
    page.wait_for_load_state()
    summary = page.get_by_role("alert").filter(has_text="Please correct the following:")
    assert summary.evaluate("el => el === document.activeElement")
    box = summary.bounding_box()
    assert 0 <= box["y"] < 844, box
    # Every error at once, each a link to its field.
    assert summary.get_by_role("link", name="Name: This field is required.").is_visible()
    summary.get_by_role("link", name="Digits after the prefix (Cloud PBX)").click()
    assert page.get_by_label("Digits after the prefix (Cloud PBX)").evaluate(
        "el => el === document.activeElement"
    )
    assert Pbx.objects.filter(kind="cloud_pbx").count() == 0


def test_declare_a_pbx_shows_only_the_chosen_kinds_settings(page, reseller_on_a_long_page):
    kind = page.get_by_label("Kind")
    kind.select_option("cloud_pbx")
    assert page.get_by_label("Extension prefix (Cloud PBX)").is_visible()
    assert page.get_by_label("SIP domain or trunk host (third-party PBX)").is_hidden()
    page.get_by_label("Extension prefix (Cloud PBX)").fill("abc")
    kind.select_option("oxo_connect")
    assert page.get_by_label("Extension prefix (Cloud PBX)").is_hidden()
    assert page.get_by_label("System identifier (OmniPCX Enterprise, OXO Connect)").is_visible()
    page.get_by_label("Name", exact=True).fill("Lyon")
    page.get_by_label("Country").select_option("FR")
    page.get_by_role("button", name="Declare").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Lyon").is_visible()
    assert Pbx.objects.get(name="Lyon").kind == "oxo_connect"


def test_a_letter_prefix_and_too_many_digits_are_flagged_together(page, reseller_on_a_long_page):
    page.get_by_label("Kind").select_option("cloud_pbx")
    page.get_by_label("Name").fill("Head office")
    page.get_by_label("Extension prefix (Cloud PBX)").fill("abc")
    page.get_by_label("Digits after the prefix (Cloud PBX)").fill("99")
    page.get_by_role("button", name="Declare").click()
    page.wait_for_load_state()
    summary = page.get_by_role("alert").filter(has_text="Please correct the following:")
    assert summary.evaluate("el => el === document.activeElement")
    assert summary.get_by_role("link", name="The extension prefix is 1 to 4 digits").is_visible()
    assert summary.get_by_role("link", name="The number of digits after the prefix").is_visible()
    assert Pbx.objects.filter(kind="cloud_pbx").count() == 0
