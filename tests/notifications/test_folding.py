"""Notifications per DESIGN.md: the actor is never told of their own action, repeats by the same
actor on the same object within 10 minutes fold into one (with a count), opening one marks it
read and goes to its object; checked through the API, the page and the badge, in en/de/fr."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext_noop

from notifications.models import Notification
from notifications.services import notify
from tests.factories import AdminFactory, PartnerLinkFactory, ResellerFactory

pytestmark = pytest.mark.django_db

CHANGED = gettext_noop("%(actor)s changed the Automated Attendant %(name)s.")


@pytest.fixture
def people():
    customer_admin = AdminFactory(name="Carla Customer")
    reseller_admin = AdminFactory(company=ResellerFactory(name="Northwind"), name="Rita Reseller")
    PartnerLinkFactory(company=customer_admin.company, partner=reseller_admin.company)
    return customer_admin, reseller_admin


def change(actor, recipients, url="/telephony/pbxs/1/attendants/2/"):
    notify(
        recipients=recipients,
        message=CHANGED,
        params={"actor": actor.name, "name": "Main menu"},
        url=url,
        actor=actor,
    )


def test_the_actor_is_not_notified_of_their_own_action(people):
    carla, _rita = people
    colleague = AdminFactory(company=carla.company, name="Colin Colleague")
    change(carla, [carla, colleague])
    assert list(Notification.objects.values_list("recipient__name", flat=True)) == [
        "Colin Colleague"
    ]


def test_five_repeats_fold_into_one_unread_notification_with_a_count(people, api_for):
    carla, rita = people
    for _ in range(5):
        change(rita, [carla])
    change(rita, [carla], url="/telephony/pbxs/1/hunt-groups/3/")  # another object
    body = api_for(carla).get("/api/v1/notifications/").json()
    items = body["results"] if isinstance(body, dict) else body
    assert sorted(item["count"] for item in items) == [1, 5]
    page = Client()
    page.force_login(carla)
    html = page.get("/notifications/").content.decode()
    assert "5 times" in html
    assert 'class="badge" aria-label="2 unread">2<' in html


def test_a_repeat_after_ten_minutes_or_after_reading_is_a_new_notification(people):
    carla, rita = people
    change(rita, [carla])
    Notification.objects.update(created_at=timezone.now() - timedelta(minutes=11))
    change(rita, [carla])
    assert Notification.objects.count() == 2
    Notification.objects.update(read_at=timezone.now())
    change(rita, [carla])
    assert sorted(Notification.objects.values_list("count", flat=True)) == [1, 1, 1]


def test_opening_a_notification_marks_it_read_and_goes_to_its_object(people):
    carla, rita = people
    change(rita, [carla], url="/telephony/")
    notification = Notification.objects.get()
    page = Client()
    page.force_login(carla)
    assert 'class="badge"' in page.get("/dashboard/").content.decode()
    response = page.get(f"/notifications/{notification.pk}/open/")
    assert response.status_code == 302 and response["Location"] == "/telephony/"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert 'class="badge"' not in page.get("/dashboard/").content.decode()
    # Somebody else's notification: not found.
    other = Client()
    other.force_login(rita)
    assert other.get(f"/notifications/{notification.pk}/open/").status_code == 404


@pytest.mark.parametrize(
    "language, one, five",
    [("en", "1 time", "5 times"), ("de", "1-mal", "5-mal"), ("fr", "1 fois", "5 fois")],
)
def test_the_count_is_said_in_the_readers_language(language, one, five):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override(language):
        for count, expected in ((2, five.replace("5", "2")), (5, five)):
            text = render_to_string(
                "notifications/_count.html", {"notification": Notification(count=count)}
            )
            assert expected in text
        assert one not in render_to_string(
            "notifications/_count.html", {"notification": Notification(count=1)}
        )
