"""Names holding markup are shown escaped on every page and in every HTML email."""

import pytest

from companies import services
from notifications.models import OutboundEmail
from tests.factories import AdminFactory, CompanyFactory, UserFactory

pytestmark = pytest.mark.django_db

MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


@pytest.fixture
def evil_admin(db):
    company = CompanyFactory(name=f"Evil {MARKUP} GmbH")
    admin = AdminFactory(company=company, name=f"Eve {MARKUP}")
    UserFactory(company=company, name=f"Mallory {MARKUP}")
    return admin


PAGES = ["/dashboard/", "/members/", "/profile/", "/activity/", "/notifications/"]


@pytest.mark.parametrize("path", PAGES)
def test_markup_in_names_is_escaped_on_pages(
    client, evil_admin, path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.member_add(
            actor=evil_admin, company=evil_admin.company, email="n@example.com", name=MARKUP
        )
    client.force_login(evil_admin)
    body = client.get(path).content.decode()
    assert "<script>alert" not in body
    assert "onerror=alert(1)>" not in body
    if path in ("/dashboard/", "/members/", "/activity/"):
        assert ESCAPED in body


def test_markup_in_names_is_escaped_in_html_emails(evil_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.member_add(
            actor=evil_admin, company=evil_admin.company, email="n@example.com", name=MARKUP
        )
    email = OutboundEmail.objects.get(to="n@example.com")
    assert "<script>alert" not in email.body_html
    assert ESCAPED in email.body_html
    assert "\n" not in email.subject
