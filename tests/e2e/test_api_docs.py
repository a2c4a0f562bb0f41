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
