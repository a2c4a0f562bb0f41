"""The 500 page stands alone: whatever failed (the database) may fail again while it renders."""

import uuid

from django.test import RequestFactory
from django.utils import translation

from companies.models import User
from rainbow_admin.views import server_error


def test_the_500_page_renders_with_the_database_out_of_reach_in_the_readers_language():
    request = RequestFactory().get("/dashboard/")
    # A signed-in person whose unread badge would need a query; this test may not touch the
    # database (pytest-django refuses it), as a page may not when the database is down.
    request.user = User(company_id=uuid.uuid4(), name="Anna")
    with translation.override("de"):
        response = server_error(request)
    page = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="de">' in page and "Serverfehler" in page
