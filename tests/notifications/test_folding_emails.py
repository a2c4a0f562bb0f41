"""Emails follow the rule of notifications (DESIGN.md "Notifications tell people what others
did"): the actor is never written to about their own action, and a repeat that folds into an
unread notification sends no other email; driven through the API."""

import pytest
from django.utils import translation

from notifications.models import Notification, OutboundEmail
from telephony.models import PublicNumber
from tests.factories import AdminFactory, PartnerLinkFactory, ResellerFactory
from tests.licensing.factories import SubscriptionFactory
from tests.telephony.factories import CloudPbxFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(company):
    rita = AdminFactory(
        company=ResellerFactory(name="Northwind"), name="Rita Reseller", language="en"
    )
    PartnerLinkFactory(
        company=company, partner=rita.company, scope_licensing=True, scope_telephony=True
    )
    return rita


def test_three_changes_of_a_subscription_fold_into_one_notification_and_one_email(
    api_for, company, admin, partner
):
    subscription = SubscriptionFactory(company=company, reseller=partner.company, quantity=5)
    client = api_for(partner)
    for quantity in (6, 7, 8):
        response = client.patch(
            f"/api/v1/subscriptions/{subscription.pk}/", {"quantity": quantity}, format="json"
        )
        assert response.status_code == 200, response.content
    note = Notification.objects.get(recipient=admin)
    assert note.count == 3
    with translation.override("en"):
        assert note.text.endswith("licenses from 5 to 8.")  # the first old value, the last new
    assert OutboundEmail.objects.filter(to=admin.email, topic="subscription").count() == 1
    assert not Notification.objects.filter(recipient=partner).exists()
    assert not OutboundEmail.objects.filter(to=partner.email).exists()
    listed = api_for(admin).get("/api/v1/notifications/").json()["results"]
    assert [row["count"] for row in listed] == [3]


def test_a_change_after_the_notification_was_read_is_told_again_by_email(
    api_for, company, admin, partner
):
    subscription = SubscriptionFactory(company=company, reseller=partner.company, quantity=5)
    client = api_for(partner)
    url = f"/api/v1/subscriptions/{subscription.pk}/"
    client.patch(url, {"quantity": 6}, format="json")
    api_for(admin).post("/api/v1/notifications/read-all/")
    client.patch(url, {"quantity": 7}, format="json")
    assert Notification.objects.filter(recipient=admin).count() == 2
    assert OutboundEmail.objects.filter(to=admin.email, topic="subscription").count() == 2


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Rita Reseller (Northwind) added 1 public number from +49 30 123450 to “Main”."),
        (
            "de",
            "Rita Reseller (Northwind) hat 1 öffentliche Rufnummer ab +49 30 123450 zu „Main“ "
            "hinzugefügt.",
        ),
        (
            "fr",
            "Rita Reseller (Northwind) a ajouté 1 numéro public à partir de +49 30 123450 à "
            "« Main ».",
        ),
    ],
)
def test_one_public_number_added_by_the_partner_reads_in_the_singular(
    api_for, company, admin, partner, language, expected
):
    pbx = CloudPbxFactory(company=company, name="Main")
    response = api_for(partner).post(
        f"/api/v1/pbxs/{pbx.pk}/public-numbers/", {"number": "+4930123450"}, format="json"
    )
    assert response.status_code == 201, response.content
    assert PublicNumber.objects.count() == 1
    note = Notification.objects.get(recipient=admin)
    with translation.override(language):
        assert note.text == expected
    assert not Notification.objects.filter(recipient=partner).exists()


def test_messages_in_a_row_to_the_partner_fold_into_one_notification_and_one_email(
    api_for, admin, partner
):
    client = api_for(admin)
    for text in ("Hello", "One more thing", "And another"):
        response = client.post("/api/v1/partner/messages/", {"text": text}, format="json")
        assert response.status_code == 201, response.content
    assert Notification.objects.get(recipient=partner).count == 3
    assert OutboundEmail.objects.filter(to=partner.email, topic="partner_message").count() == 1
    assert not OutboundEmail.objects.filter(to=admin.email).exists()
