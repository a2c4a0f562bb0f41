"""The operators' admin lists in Chromium: prefix search, and the row checkbox (rendered without a
form widget) working with Django's actions script."""

import pytest

from tests.conftest import sign_in
from tests.factories import PASSWORD, CompanyFactory, OperatorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_operator_finds_a_company_by_prefix_and_selects_it_for_an_action(page):
    failed, script_errors = [], []
    # The Django admin declares no favicon: Chromium's own /favicon.ico request is not ours.
    page.on(
        "response",
        lambda r: failed.append(r.url) if r.status >= 400 and "/favicon.ico" not in r.url else None,
    )
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    operator = OperatorFactory(is_superuser=True, language="en")
    CompanyFactory(name="Müller Telekom GmbH")
    CompanyFactory(name="Telekom Müller AG")
    sign_in(page, operator.email, PASSWORD)
    page.goto("/admin/companies/company/")
    page.fill("#searchbar", "muller")
    with page.expect_navigation():
        page.press("#searchbar", "Enter")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 1
    assert "Müller Telekom GmbH" in rows.first.inner_text()
    assert "Germany" in rows.first.inner_text()
    rows.first.locator("input.action-select").check()
    assert page.locator(".action-counter").inner_text() == "1 of 1 selected"
    assert "selected" in (rows.first.get_attribute("class") or "")
    assert failed == [] and script_errors == []
