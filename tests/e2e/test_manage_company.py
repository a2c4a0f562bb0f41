"""Manage company in Chromium, as the seed's German admin would use it, on a phone and a desktop."""

import os

import pytest

from companies.models import Company
from tests.conftest import sign_in
from tests.factories import PASSWORD, AdminFactory, CompanyFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("SCREENSHOTS_DIR")


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_admin_corrects_an_error_and_saves_the_company_page(page, width):
    company = CompanyFactory(name="Acme Bürotechnik GmbH", country="DE")
    anna = AdminFactory(company=company, language="de")
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, anna.email, PASSWORD)
    if width < 600 and page.get_by_role("button", name="Menü").count():
        page.get_by_role("button", name="Menü").click()
    page.get_by_role("link", name="Unternehmen verwalten").click()
    page.get_by_role("heading", name="Unternehmen verwalten").wait_for()
    assert page.get_by_label("Land").input_value() == "DE"
    # Nothing steals focus on a plain load.
    assert page.evaluate("document.activeElement === document.body")

    page.get_by_label("Ort").fill("Berlin")
    page.get_by_label("Telefon").fill("12")
    page.get_by_label("Website").fill("ftp://acme.example")
    page.get_by_role("button", name="Speichern").click()
    summary = page.locator(".error-summary")
    summary.wait_for()
    # The page lands on the summary, which links to each field.
    page.wait_for_function(
        "document.activeElement && document.activeElement.classList.contains('error-summary')",
        timeout=5000,
    )
    assert summary.get_by_role("link").count() == 2
    shot(page, f"company-errors-{width}")
    # The form never widens the page (the menu's folding on phones is the shell's).
    overflow = page.evaluate(
        "(() => { const f = document.querySelector('form.company-settings'); "
        "return f.scrollWidth - f.clientWidth; })()"
    )
    assert overflow <= 0, f"the form is {overflow} px wider than its column"

    page.get_by_label("Telefon").fill("030 12345678")
    page.get_by_label("Website").fill("https://acme.example")
    page.get_by_label("Zeitzone").select_option("Europe/Berlin")
    page.locator("#id_language").select_option("de")
    page.get_by_label("Zwei-Faktor-Authentifizierung").select_option("admins")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_text("Die Einstellungen des Unternehmens wurden gespeichert.").wait_for()
    shot(page, f"company-saved-{width}")
    company.refresh_from_db()
    assert (company.city, company.phone, company.require_two_factor) == (
        "Berlin",
        "+493012345678",
        "admins",
    )
    assert page.console_errors == []


def test_a_member_reads_the_company_page(page):
    company = CompanyFactory(name="Acme Bürotechnik GmbH", city="Berlin", phone="+493012345678")
    max_ = UserFactory(company=company, language="de")
    sign_in(page, max_.email, PASSWORD)
    page.goto("/company/")
    assert page.get_by_text("+49 30 12345678").is_visible()
    assert page.get_by_role("button", name="Speichern").count() == 0
    shot(page, "company-member-de")
    assert Company.objects.get().city == "Berlin"
