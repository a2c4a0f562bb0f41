"""Manage company: the page and ``PATCH /api/v1/companies/{id}/`` (DESIGN.md)."""

import pyotp
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from companies.models import Company
from companies.two_factor import services as two_factor
from notifications.models import ActivityRecord, Notification
from tests.factories import AdminFactory, CompanyFactory, PartnerLinkFactory, UserFactory

pytestmark = pytest.mark.django_db

EVERY_FIELD = {
    "name": "Müller Telekom GmbH",
    "address": "Friedrichstraße 100",
    "postal_code": "10117",
    "city": "Berlin",
    "country": "DE",
    "language": "de",
    "timezone": "Europe/Berlin",
    "phone": "+49 30 1234567",
    "website": "https://mueller.example",
    "contact_email": "info@mueller.example",
    "require_two_factor": "admins",
}
STORED = {**EVERY_FIELD, "phone": "+49301234567"}


def with_two_factor(user):
    """The policy set here covers the admin: with two-factor on they keep using page and API."""
    _device, secret = two_factor.totp_begin(user=user)
    two_factor.totp_confirm(user=user, code=pyotp.TOTP(secret).now())
    return user


def test_every_field_round_trips_through_the_api(api_for, admin, company):
    api = api_for(with_two_factor(admin))
    response = api.patch(f"/api/v1/companies/{company.pk}/", EVERY_FIELD, format="json")
    assert response.status_code == 200, response.content
    body = api.get(f"/api/v1/companies/{company.pk}/").json()
    assert {field: body[field] for field in STORED} == STORED
    assert body["kind"] == "customer"
    company.refresh_from_db()
    assert company.phone == "+49301234567" and company.search_name == "muller telekom gmbh"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("name", "   ", "name_required"),
        ("country", "XX", "invalid_country"),
        ("language", "es", "invalid_language"),
        ("timezone", "Europe/Atlantis", "invalid_time_zone"),
        ("phone", "+49 123", "invalid_phone"),
        ("website", "javascript:alert(1)", "invalid_website"),
        ("contact_email", "not-an-address", "invalid_email"),
        ("postal_code", "1" * 21, "too_long"),
    ],
)
def test_a_bad_value_is_refused_with_its_field_and_nothing_is_written(
    api_for, admin, company, field, value, code
):
    before = Company.objects.filter(pk=company.pk).values().get()
    response = api_for(admin).patch(
        f"/api/v1/companies/{company.pk}/", {"city": "Paris", field: value}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == code and response.json()["field"] == field
    assert Company.objects.filter(pk=company.pk).values().get() == before


def test_the_two_factor_policy_takes_only_its_three_values(api_for, admin, company):
    api = api_for(with_two_factor(admin))
    response = api.patch(
        f"/api/v1/companies/{company.pk}/", {"require_two_factor": "sometimes"}, format="json"
    )
    assert response.status_code == 400 and "require_two_factor" in response.json()["detail"]
    for value in ("everyone", "none"):
        response = api.patch(
            f"/api/v1/companies/{company.pk}/", {"require_two_factor": value}, format="json"
        )
        assert response.json()["require_two_factor"] == value


def test_a_national_phone_number_is_read_in_the_companys_country(api_for, admin):
    company = admin.company
    response = api_for(admin).patch(
        f"/api/v1/companies/{company.pk}/",
        {"country": "GB", "phone": "020 7123 4500"},
        format="json",
    )
    assert response.json()["phone"] == "+442071234500"


def test_kind_cannot_change(api_for, admin, company):
    response = api_for(admin).patch(
        f"/api/v1/companies/{company.pk}/", {"kind": "reseller", "city": "Lyon"}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "kind_read_only"
    company.refresh_from_db()
    assert company.kind == "customer" and company.city == ""
    same = api_for(admin).patch(
        f"/api/v1/companies/{company.pk}/", {"kind": "customer", "city": "Lyon"}, format="json"
    )
    assert same.status_code == 200 and same.json()["city"] == "Lyon"


def test_a_member_cannot_change_anything(api_for, member, company):
    before = Company.objects.filter(pk=company.pk).values().get()
    response = api_for(member).patch(f"/api/v1/companies/{company.pk}/", EVERY_FIELD, format="json")
    assert response.status_code == 403 and response.json()["code"] == "not_company_admin"
    assert Company.objects.filter(pk=company.pk).values().get() == before


def test_an_admin_of_another_company_gets_not_found(api_for, company):
    stranger = AdminFactory()
    before = Company.objects.filter(pk=company.pk).values().get()
    api = api_for(stranger)
    assert api.get(f"/api/v1/companies/{company.pk}/").status_code == 404
    response = api.patch(f"/api/v1/companies/{company.pk}/", {"name": "Mine"}, format="json")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert Company.objects.filter(pk=company.pk).values().get() == before


def test_the_partner_is_told_of_a_rename_and_the_activity_records_it(api_for, admin, company):
    link = PartnerLinkFactory(company=company)
    partner_admin = AdminFactory(company=link.partner)
    old = company.name
    response = api_for(admin).patch(
        f"/api/v1/companies/{company.pk}/", {"name": "Renamed Ltd"}, format="json"
    )
    assert response.status_code == 200
    told = Notification.objects.get(recipient=partner_admin)
    assert told.text == f"{old} is now called Renamed Ltd."
    assert told.url == f"/customers/{company.pk}/"
    assert not Notification.objects.filter(recipient=admin).exists()  # not the actor
    record = ActivityRecord.objects.get(company=company, verb="company.renamed")
    assert record.actor == admin and record.params["old"] == old


def test_other_changes_are_recorded_but_tell_the_partner_nothing(api_for, admin, company):
    link = PartnerLinkFactory(company=company)
    AdminFactory(company=link.partner)
    api_for(admin).patch(f"/api/v1/companies/{company.pk}/", {"city": "Lyon"}, format="json")
    assert ActivityRecord.objects.filter(company=company, verb="company.updated").count() == 1
    assert not Notification.objects.exists()


def test_new_members_speak_the_companys_language(api_for, admin, company):
    api = api_for(admin)
    api.patch(f"/api/v1/companies/{company.pk}/", {"language": "fr"}, format="json")
    response = api.post(
        f"/api/v1/companies/{company.pk}/members/",
        {"email": "nouveau@example.com", "name": "Nouveau"},
        format="json",
    )
    assert response.status_code == 201 and response.json()["language"] == "fr"


# --- the page ---------------------------------------------------------------------------------


def test_manage_company_in_the_menu_opens_the_company_page(client, admin):
    client.force_login(admin)
    page = client.get("/dashboard/").content.decode()
    assert 'href="/company/" class="manage-company"' in page


def test_the_admin_saves_every_field_on_the_page(client, admin, company):
    client.force_login(with_two_factor(admin))
    response = client.post("/company/", EVERY_FIELD, follow=True)
    assert "The company&#x27;s settings were saved." in response.content.decode()
    company.refresh_from_db()
    for field, value in STORED.items():
        stored = company.country.code if field == "country" else getattr(company, field)
        assert stored == value, field
    page = client.get("/company/").content.decode()
    # Stored as E.164, shown spaced for reading.
    assert 'value="+49 30 1234567"' in page and 'value="Friedrichstraße 100"' in page


def test_the_page_shows_every_error_at_once_and_writes_nothing(client, admin, company):
    client.force_login(admin)
    before = Company.objects.filter(pk=company.pk).values().get()
    bad = {
        **EVERY_FIELD,
        "name": "",
        "phone": "12",
        "website": "ftp://files.example",
        "timezone": "Mars/Olympus",
        "require_two_factor": "sometimes",
    }
    page = client.post("/company/", bad).content.decode()
    assert 'class="error-summary"' in page
    for anchor in (
        "#id_name",
        "#id_phone",
        "#id_website",
        "#id_timezone",
        "#id_require_two_factor",
    ):
        assert f'href="{anchor}"' in page, anchor
    assert "Enter a valid phone number" in page
    assert "Enter a web address starting with https://" in page
    assert Company.objects.filter(pk=company.pk).values().get() == before


def test_a_member_reads_the_settings_and_cannot_post(client, member, company):
    Company.objects.filter(pk=company.pk).update(phone="+442071234500", city="London")
    client.force_login(member)
    page = client.get("/company/").content.decode()
    assert "+44 20 7123 4500" in page and "London" in page
    assert "Only an administrator can change these settings." in page
    for field in ("name", "phone", "city", "timezone", "require_two_factor"):
        assert f'name="{field}"' not in page, field
    response = client.post("/company/", EVERY_FIELD)
    assert response.status_code == 403
    company.refresh_from_db()
    assert company.name != EVERY_FIELD["name"]


def test_the_kind_is_shown_and_cannot_be_posted(client, admin, company):
    client.force_login(admin)
    page = client.get("/company/").content.decode()
    assert "Customer" in page and 'name="kind"' not in page
    client.post("/company/", {**EVERY_FIELD, "kind": "distributor"})
    company.refresh_from_db()
    assert company.kind == "customer"


def test_the_page_reads_in_german_with_country_names_in_german(client, admin):
    admin.language = "de"
    admin.save()
    client.force_login(admin)
    page = client.get("/company/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Unternehmen verwalten" in page
    assert ">Deutschland</option>" in page and ">Vereinigtes Königreich</option>" in page


def test_the_page_costs_a_fixed_number_of_queries(client, admin, company):
    client.force_login(admin)
    client.get("/company/")
    with CaptureQueriesContext(connection) as few:
        client.get("/company/")
    UserFactory.create_batch(5, company=company)
    PartnerLinkFactory(company=company)
    with CaptureQueriesContext(connection) as more:
        client.get("/company/")
    assert len(more) == len(few) <= 8


def test_the_api_costs_a_fixed_number_of_queries(
    api_for, admin, company, django_assert_max_num_queries
):
    api = api_for(admin)
    with django_assert_max_num_queries(12):
        api.patch(f"/api/v1/companies/{company.pk}/", {"city": "Köln"}, format="json")


def test_an_operator_may_change_a_company(api_for):
    from tests.factories import OperatorFactory

    company = CompanyFactory()
    response = api_for(OperatorFactory()).patch(
        f"/api/v1/companies/{company.pk}/", {"timezone": "Europe/Paris"}, format="json"
    )
    assert response.status_code == 200 and response.json()["timezone"] == "Europe/Paris"
