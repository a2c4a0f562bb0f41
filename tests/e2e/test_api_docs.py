import pytest

from tests.conftest import sign_in
from tests.factories import PASSWORD, AdminFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_docs_work_offline_under_the_content_security_policy(page):
    admin = AdminFactory()
    sign_in(page, admin.email, PASSWORD)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("/api/docs/")
    page.get_by_text("/api/v1/me/").first.wait_for()
    assert page.get_by_role("heading", name="Rainbow Admin API").is_visible()
    assert page.console_errors == []  # a CSP violation would be reported here
    assert all(url.startswith(page.url.split("/api/")[0]) for url in requests), requests


PHONE, LAPTOP = {"width": 360, "height": 800}, {"width": 1366, "height": 900}


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP])
def test_the_api_docs_opened_as_a_reader_opens_them_pass_axe_and_fit_the_screen(
    browser, live_server, viewport
):
    """Swagger UI draws after the load: open operations (parameters, example answers, schema
    tabs) and schemas, then check what a reader sees. The content security policy is bypassed in
    this context only, so that axe-core can be injected."""
    from axe_playwright_python.sync_playwright import Axe

    admin = AdminFactory()
    context = browser.new_context(base_url=live_server.url, viewport=viewport, bypass_csp=True)
    page = context.new_page()
    sign_in(page, admin.email, PASSWORD)
    page.goto("/api/docs/")
    page.wait_for_selector(".opblock")
    summaries = page.locator(".opblock-summary")
    count = summaries.count()
    assert count > 50, count  # every operation is listed
    for index in sorted({0, 1, 2, 5, 10, count // 2, count - 1}):
        summaries.nth(index).click()
    page.wait_for_selector(".opblock .responses-table")
    tabs = page.locator(".opblock .tablinks")
    for index in range(min(tabs.count(), 4)):
        tabs.nth(index).click()
    models = page.locator("section.models .json-schema-2020-12-accordion")
    for index in range(min(models.count(), 4)):
        models.nth(index).click()
    page.evaluate("document.activeElement && document.activeElement.blur()")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    violations = [
        (violation["id"], [node["target"] for node in violation["nodes"]][:3])
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert violations == []
    context.close()
