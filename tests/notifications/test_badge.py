"""The unread badge of the menu is loaded with the signed-in person (no query of its own), and a
person's own write of notifications shows at once, in the very request that made it too."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from companies.authentication import CompanyUserBackend
from companies.models import User
from notifications import services
from notifications.context_processors import unread_notifications
from notifications.models import Notification
from tests.factories import AdminFactory

pytestmark = pytest.mark.django_db


def _badge(page: str) -> str | None:
    found = re.search(r'<span class="badge"[^>]*>(\d+)</span>', page)
    return found.group(1) if found else None


def _tell(user, count: int) -> None:
    for _ in range(count):
        Notification.objects.create(recipient=user, message="Something happened")


def test_the_badge_costs_no_query_of_its_own(client):
    admin = AdminFactory()
    _tell(admin, 2)
    client.force_login(admin)
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/profile/").content.decode()
    assert _badge(page) == "2"
    alone = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT COUNT(*) AS "__count" FROM "notifications_notification"')
    ]
    assert alone == []


def test_marking_all_read_clears_the_badge_on_the_next_page(client):
    admin = AdminFactory()
    _tell(admin, 3)
    client.force_login(admin)
    assert _badge(client.get("/dashboard/").content.decode()) == "3"
    response = client.post("/notifications/read-all/", follow=True)
    assert _badge(response.content.decode()) is None
    _tell(admin, 1)  # somebody else's write, in another request: shown on the next page
    assert _badge(client.get("/dashboard/").content.decode()) == "1"


def test_own_writes_show_in_the_request_that_made_them(rf):
    admin = AdminFactory()
    _tell(admin, 2)
    user = CompanyUserBackend().get_user(admin.pk)
    request = rf.get("/dashboard/")
    request.user = user
    assert unread_notifications(request) == {"unread_notifications": 2}
    services.notification_mark_read(
        user=user, notification_id=Notification.objects.filter(recipient=admin).first().pk
    )
    assert unread_notifications(request) == {"unread_notifications": 1}
    # Notifying oneself through another instance of the same person.
    services.notify(
        recipients=[User.objects.get(pk=admin.pk)], message="Hello %(x)s", params={"x": 1}
    )
    assert unread_notifications(request) == {"unread_notifications": 2}
    services.notifications_mark_all_read(user=user)
    assert unread_notifications(request) == {"unread_notifications": 0}
