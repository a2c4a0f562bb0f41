"""Counts read naturally in every language (ngettext) and product names are never translated."""

import pytest
from django.utils import translation

from licensing.models import Offer
from notifications.models import ActivityRecord, Notification
from tests.factories import AdminFactory, CompanyFactory, PartnerLinkFactory, UserFactory
from tests.licensing.factories import AssignmentFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

PRODUCT_NAMES = (
    "Essential",
    "Business",
    "Enterprise",
    "Attendant",
    "Welcome Service",
    "Automated Attendant",
)


@pytest.mark.parametrize("language", ["de", "fr"])
def test_offer_and_feature_names_are_the_same_in_every_language(language):
    with translation.override(language):
        assert [translation.gettext(name) for name in PRODUCT_NAMES] == list(PRODUCT_NAMES)
        names = [str(o.name) for o in Offer.objects.order_by("position", "code")] or []
        assert set(names) <= set(PRODUCT_NAMES)


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("de", "Person 1 hat bereits eine Business- oder Enterprise-Lizenz", "haben bereits"),
        ("fr", "Person 1 a déjà une licence Business ou Enterprise", "ont déjà"),
        ("en", "Person 1 already holds a Business or Enterprise license", "already hold a"),
    ],
)
def test_the_exclusive_offer_conflict_agrees_with_the_number_of_members(
    api_for, language, one, two
):
    company = CompanyFactory()
    admin = AdminFactory(company=company, language=language)
    first = UserFactory(company=company, name="Person 1")
    second = UserFactory(company=company, name="Person 2")
    business = SubscriptionFactory(company=company, offer=Offer.objects.get(code="business"))
    enterprise = SubscriptionFactory(company=company, offer=Offer.objects.get(code="enterprise"))
    AssignmentFactory(subscription=business, user=first)
    url = f"/api/v1/subscriptions/{enterprise.pk}/assignments/"
    api = api_for(admin)
    response = api.post(url, {"users": [str(first.pk)]}, format="json")
    assert response.status_code == 409 and response.json()["detail"].startswith(one)
    AssignmentFactory(subscription=business, user=second)
    both = api.post(url, {"users": [str(first.pk), str(second.pk)]}, format="json")
    assert both.status_code == 409 and two in both.json()["detail"]


def test_a_stored_count_reads_in_the_singular_and_the_plural_in_each_readers_language(api_for):
    from telephony.models import Pbx

    company = CompanyFactory(country="DE")
    admin = AdminFactory(company=company)
    link = PartnerLinkFactory(company=company)
    partner = AdminFactory(company=link.partner)
    pbx = api_for(partner).post(
        f"/api/v1/companies/{company.pk}/pbxs/",
        {"kind": "cloud_pbx", "name": "Berlin", "country": "DE", "extension_prefix": "5",
         "extension_digits": 3},
        format="json",
    )  # fmt: skip
    assert pbx.status_code == 201, pbx.content
    pbx_id = pbx.json()["id"]
    for number, count in (("+49301234500", 1), ("+49301234600", 3)):
        response = api_for(partner).post(
            f"/api/v1/pbxs/{pbx_id}/public-numbers/",
            {"number": number, "count": count},
            format="json",
        )
        assert response.status_code == 201, response.content
    records = ActivityRecord.objects.filter(verb="numbers.added").order_by("created_at")
    # The same partner adding numbers to the same PBX twice within 10 minutes: one notification
    # with a count (DESIGN.md, notifications), holding the latest addition's plural.
    told = Notification.objects.filter(recipient=admin, message__contains="public number")
    assert told.count() == 1
    assert told.get().count == 2
    assert told.get().params["count"] == 3
    with translation.override("de"):
        assert "3 öffentliche Rufnummern ab" in told.get().text
    with translation.override("en"):
        assert "added 1 public number from +49 30 1234500" in records[0].text
        assert "added 3 public numbers from +49 30 1234600" in records[1].text
    with translation.override("de"):
        assert "1 öffentliche Rufnummer ab" in records[0].text
        assert "3 öffentliche Rufnummern ab" in records[1].text
    with translation.override("fr"):
        assert "1 numéro public à partir" in records[0].text
        assert "3 numéros publics à partir" in records[1].text
    assert Pbx.objects.get(pk=pbx_id).language == "en"


def test_a_cloud_pbx_speaks_the_companys_language_by_default(api_for):
    from telephony.models import Pbx

    company = CompanyFactory(country="FR", language="fr")
    link = PartnerLinkFactory(company=company)
    partner = AdminFactory(company=link.partner, language="de")  # the partner's language: not it
    response = api_for(partner).post(
        f"/api/v1/companies/{company.pk}/pbxs/",
        {"kind": "cloud_pbx", "name": "Paris", "country": "FR", "extension_prefix": "5",
         "extension_digits": 3},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    assert Pbx.objects.get(pk=response.json()["id"]).language == "fr"
    chosen = api_for(partner).post(
        f"/api/v1/companies/{company.pk}/pbxs/",
        {"kind": "cloud_pbx", "name": "Lyon", "country": "FR", "extension_prefix": "6",
         "extension_digits": 3, "language": "en"},
        format="json",
    )  # fmt: skip
    assert Pbx.objects.get(pk=chosen.json()["id"]).language == "en"


def test_a_token_made_by_signing_in_reads_in_the_readers_language(client):
    from companies import services
    from tests.factories import PASSWORD

    person = AdminFactory(language="de")
    token, _raw = services.api_token_for_credentials(email=person.email, password=PASSWORD)
    assert token.name == ""
    client.force_login(person)
    assert "API-Anmeldung" in client.get("/profile/").content.decode()
    person.language = "fr"
    person.save()
    assert "Connexion à l&#x27;API" in client.get("/profile/").content.decode()
    with translation.override("en"):
        assert token.label == "API sign-in"


def test_a_role_change_reads_with_the_roles_name_in_the_readers_language():
    from companies import services

    company = CompanyFactory()
    admin = AdminFactory(company=company, name="Anna")
    member = UserFactory(company=company, name="Max")
    services.member_change_role(actor=admin, company=company, member_id=member.pk, role="admin")
    record = ActivityRecord.objects.get(verb="member.role_changed")
    with translation.override("de"):
        assert record.text == "Anna hat Max zum Administrator gemacht."
    with translation.override("fr"):
        assert record.text == "Anna a nommé Max administrateur."
