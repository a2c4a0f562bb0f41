import pytest

from notifications.models import ActivityRecord, Notification, OutboundEmail
from telephony.models import EmergencyNumber, Line, Pbx
from tests.factories import (
    AdminFactory,
    CompanyFactory,
    OperatorFactory,
    PartnerLinkFactory,
    ResellerFactory,
    UserFactory,
)
from tests.telephony.factories import CloudPbxFactory, LineFactory, PbxFactory

pytestmark = pytest.mark.django_db

CLOUD = {
    "kind": "cloud_pbx",
    "name": "Main",
    "country": "DE",
    "extension_prefix": "8",
    "extension_digits": 3,
}


def test_partner_with_the_telephony_scope_declares_a_cloud_pbx_and_the_admins_are_told(
    api_for, company, admin, reseller_admin, link, django_capture_on_commit_callbacks
):
    response = api_for(reseller_admin).post(
        f"/api/v1/companies/{company.pk}/pbxs/", CLOUD, format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["kind"] == "cloud_pbx"
    assert (body["first_extension"], body["last_extension"]) == ("8000", "8999")
    assert body["time_zone"] == "Europe/Berlin"
    assert body["declared_by_company"]["name"] == reseller_admin.company.name
    pbx = Pbx.objects.get(pk=body["id"])
    assert set(pbx.emergency_numbers.values_list("number", flat=True)) == {"110", "112"}
    assert Notification.objects.filter(recipient=admin).count() == 1
    assert "declared the PBX" in Notification.objects.get(recipient=admin).text
    assert OutboundEmail.objects.filter(to=admin.email, topic="pbx_declared").exists()
    assert ActivityRecord.objects.filter(company=company, verb="pbx.declared").exists()


@pytest.mark.parametrize(
    ("kind", "extra"),
    [
        (
            "omnipcx_enterprise",
            {"system_id": "OXE-42", "version": "R101", "call_server": "10.0.0.5"},
        ),
        ("oxo_connect", {"system_id": "OXO-1", "version": "5.1", "call_server": "oxo.example.com"}),
        ("third_party", {"sip_domain": "sip.example.net"}),
    ],
)
def test_partner_declares_each_other_kind_with_its_settings(
    api_for, company, reseller_admin, link, kind, extra
):
    response = api_for(reseller_admin).post(
        f"/api/v1/companies/{company.pk}/pbxs/",
        {"kind": kind, "name": kind, "country": "FR", **extra},
        format="json",
    )
    assert response.status_code == 201, response.json()
    for key, value in extra.items():
        assert response.json()[key] == value
    assert not EmergencyNumber.objects.exists()


def test_company_admin_cannot_declare_a_pbx(api_for, company, admin, link):
    response = api_for(admin).post(f"/api/v1/companies/{company.pk}/pbxs/", CLOUD, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "partner_scope_required"
    assert not Pbx.objects.exists()


def test_partner_without_the_telephony_scope_is_refused(api_for, company, reseller_admin):
    PartnerLinkFactory(company=company, partner=reseller_admin.company, scope_telephony=False)
    client = api_for(reseller_admin)
    assert (
        client.post(f"/api/v1/companies/{company.pk}/pbxs/", CLOUD, format="json").status_code
        == 403
    )
    assert client.get(f"/api/v1/companies/{company.pk}/pbxs/").status_code == 403
    assert not Pbx.objects.exists()


def test_a_reseller_that_is_not_the_partner_gets_not_found(api_for, company, cloud):
    stranger = AdminFactory(company=ResellerFactory())
    client = api_for(stranger)
    assert (
        client.post(f"/api/v1/companies/{company.pk}/pbxs/", CLOUD, format="json").status_code
        == 404
    )
    assert client.get(f"/api/v1/pbxs/{cloud.pk}/").status_code == 404
    assert client.get(f"/api/v1/pbxs/{cloud.pk}/lines/").status_code == 404


def test_an_ended_link_ends_the_partners_rights(api_for, company, reseller_admin, link, cloud):
    from django.utils import timezone

    link.ended_at = timezone.now()
    link.save()
    assert api_for(reseller_admin).get(f"/api/v1/pbxs/{cloud.pk}/").status_code == 404


def test_admin_of_another_company_cannot_see_the_pbx(api_for, cloud):
    other = AdminFactory(company=CompanyFactory())
    assert api_for(other).get(f"/api/v1/pbxs/{cloud.pk}/").status_code == 404
    assert api_for(other).get(f"/api/v1/companies/{cloud.company_id}/pbxs/").status_code == 404


def test_member_cannot_list_pbxs(api_for, company, member, cloud):
    assert api_for(member).get(f"/api/v1/companies/{company.pk}/pbxs/").status_code == 403


def test_operator_declares_without_a_partner(api_for, company):
    response = api_for(OperatorFactory()).post(
        f"/api/v1/companies/{company.pk}/pbxs/", CLOUD, format="json"
    )
    assert response.status_code == 201


def test_admin_lists_its_pbxs_paginated(api_for, company, admin, cloud):
    PbxFactory(company=company)
    body = api_for(admin).get(f"/api/v1/companies/{company.pk}/pbxs/").json()
    assert body["count"] == 2 and len(body["results"]) == 2


def test_malformed_ids_are_a_400(api_for, admin):
    assert api_for(admin).get("/api/v1/pbxs/not-a-uuid/").status_code == 400


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"extension_prefix": "x"}, "invalid_prefix"),
        ({"extension_prefix": "0"}, "invalid_prefix"),
        ({"extension_digits": 9}, "invalid_digits"),
        ({"extension_prefix": "1", "extension_digits": 2}, "range_hits_emergency"),
        ({"time_zone": "Mars/Olympus"}, "invalid_time_zone"),
        ({"country": "XX"}, "invalid_country"),
    ],
)
def test_bad_cloud_settings_are_a_clear_400_that_writes_nothing(
    api_for, company, reseller_admin, link, change, code
):
    response = api_for(reseller_admin).post(
        f"/api/v1/companies/{company.pk}/pbxs/", {**CLOUD, **change}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert response.json()["detail"]
    assert not Pbx.objects.exists()


def test_overlapping_numbering_ranges_of_two_cloud_pbxs_are_refused(
    api_for, company, reseller_admin, link, cloud
):
    response = api_for(reseller_admin).post(
        f"/api/v1/companies/{company.pk}/pbxs/",
        {**CLOUD, "name": "Second", "extension_prefix": "80", "extension_digits": 2},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "range_overlap"
    assert "8000" in response.json()["detail"]
    assert Pbx.objects.count() == 1


def test_numbering_is_fixed_but_the_name_can_change(api_for, reseller_admin, link, cloud):
    client = api_for(reseller_admin)
    response = client.patch(f"/api/v1/pbxs/{cloud.pk}/", {"extension_prefix": "7"}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "numbering_fixed"
    response = client.patch(
        f"/api/v1/pbxs/{cloud.pk}/",
        {"name": "Head office", "time_zone": "Europe/Paris"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["name"] == "Head office"
    assert response.json()["time_zone"] == "Europe/Paris"


def test_company_admin_cannot_change_or_remove_a_pbx(api_for, admin, cloud):
    client = api_for(admin)
    assert (
        client.patch(f"/api/v1/pbxs/{cloud.pk}/", {"name": "X"}, format="json").status_code == 403
    )
    assert client.delete(f"/api/v1/pbxs/{cloud.pk}/").status_code == 403
    assert Pbx.objects.filter(pk=cloud.pk).exists()


def test_partner_removes_a_pbx(api_for, admin, reseller_admin, link, cloud):
    assert api_for(reseller_admin).delete(f"/api/v1/pbxs/{cloud.pk}/").status_code == 204
    assert not Pbx.objects.exists()
    assert Notification.objects.filter(recipient=admin, message__contains="removed").exists()


# --- lines ----------------------------------------------------------------------------------


def test_admin_gives_a_member_a_line(api_for, admin, member, cloud):
    response = api_for(admin).post(
        f"/api/v1/pbxs/{cloud.pk}/lines/",
        {"user": str(member.pk), "extension": "8001"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["extension"] == "8001"
    assert response.json()["user_name"] == "Mia Member"
    listed = api_for(admin).get(f"/api/v1/pbxs/{cloud.pk}/lines/").json()
    assert [row["extension"] for row in listed["results"]] == ["8001"]
    assert not Notification.objects.exists()  # the admin's own change is not notified


def test_partner_gives_a_line_and_the_admins_are_told(
    api_for, admin, member, reseller_admin, link, cloud
):
    response = api_for(reseller_admin).post(
        f"/api/v1/pbxs/{cloud.pk}/lines/",
        {"user": str(member.pk), "extension": "8001"},
        format="json",
    )
    assert response.status_code == 201
    assert Notification.objects.filter(recipient=admin).count() == 1


@pytest.mark.parametrize(
    ("extension", "code"),
    [
        ("9001", "extension_out_of_range"),
        ("80011", "extension_out_of_range"),
        ("8a", "invalid_extension"),
    ],
)
def test_an_extension_outside_the_range_is_refused(api_for, admin, member, cloud, extension, code):
    response = api_for(admin).post(
        f"/api/v1/pbxs/{cloud.pk}/lines/",
        {"user": str(member.pk), "extension": extension},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert not Line.objects.exists()


def test_a_duplicate_extension_is_refused(api_for, admin, company, member, cloud):
    LineFactory(pbx=cloud, extension="8001")
    response = api_for(admin).post(
        f"/api/v1/pbxs/{cloud.pk}/lines/",
        {"user": str(member.pk), "extension": "8001"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "extension_taken"
    assert Line.objects.count() == 1


def test_one_line_per_member(api_for, admin, company, member, cloud):
    LineFactory(pbx=cloud, user=member, extension="8001")
    other = PbxFactory(company=company)
    response = api_for(admin).post(
        f"/api/v1/pbxs/{other.pk}/lines/",
        {"user": str(member.pk), "extension": "201"},
        format="json",
    )
    assert response.status_code == 400 and response.json()["code"] == "line_exists"


def test_a_line_for_someone_of_another_company_is_refused(api_for, admin, cloud):
    stranger = UserFactory()
    response = api_for(admin).post(
        f"/api/v1/pbxs/{cloud.pk}/lines/",
        {"user": str(stranger.pk), "extension": "8001"},
        format="json",
    )
    assert response.status_code == 400 and response.json()["code"] == "not_a_member"


def test_lines_on_other_kinds_take_any_extension_and_a_public_number(
    api_for, admin, company, member
):
    oxo = PbxFactory(company=company, country="FR")
    response = api_for(admin).post(
        f"/api/v1/pbxs/{oxo.pk}/lines/",
        {"user": str(member.pk), "extension": "201", "public_number": "01 23 45 67 89"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["public_number"] == "+33123456789"


def test_freeing_a_line_and_deactivating_a_member_free_the_line(api_for, admin, company, cloud):
    from companies.services import member_deactivate

    line = LineFactory(pbx=cloud)
    assert api_for(admin).delete(f"/api/v1/pbxs/{cloud.pk}/lines/{line.pk}/").status_code == 204
    second = LineFactory(pbx=cloud)
    member_deactivate(actor=admin, company=company, member_id=second.user_id)
    assert not Line.objects.exists()
    assert ActivityRecord.objects.filter(verb="line.freed").count() == 2


def test_scope_less_partner_cannot_touch_lines(api_for, company, member, cloud):
    reseller = AdminFactory(company=ResellerFactory())
    PartnerLinkFactory(company=company, partner=reseller.company, scope_telephony=False)
    response = api_for(reseller).post(
        f"/api/v1/pbxs/{cloud.pk}/lines/",
        {"user": str(member.pk), "extension": "8001"},
        format="json",
    )
    assert response.status_code == 403
    assert not Line.objects.exists()


def test_cloud_factory_is_valid(db):
    assert CloudPbxFactory().in_range("8123")


def test_admin_changes_a_lines_extension_with_the_same_rules(api_for, admin, cloud):
    line = LineFactory(pbx=cloud, extension="8001")
    LineFactory(pbx=cloud, extension="8002")
    client = api_for(admin)
    url = f"/api/v1/pbxs/{cloud.pk}/lines/{line.pk}/"
    response = client.patch(url, {"extension": "8002"}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "extension_taken"
    response = client.patch(url, {"extension": "8003"}, format="json")
    assert response.status_code == 200 and response.json()["extension"] == "8003"


def test_bad_call_server_or_sip_domain_is_refused(api_for, company, reseller_admin, link):
    client = api_for(reseller_admin)
    response = client.post(
        f"/api/v1/companies/{company.pk}/pbxs/",
        {"kind": "third_party", "name": "T", "country": "DE", "sip_domain": "not a host!"},
        format="json",
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid_host"
    assert not Pbx.objects.exists()
