"""Forms and the API refuse every wrong field of a request at once, not one at a time."""

import uuid

import pytest

from telephony.models import Device, EmergencyNumber, HuntGroup, Pbx, WelcomeService
from tests.telephony.factories import CloudPbxFactory

pytestmark = pytest.mark.django_db


def summary_of(page: str) -> str:
    return page.split('class="error-summary"')[1].split("</div>")[0]


# --- declaring a Cloud PBX: prefix and digits -----------------------------------------------


def test_the_declaration_page_flags_a_letter_prefix_and_too_many_digits_together(
    client, company, reseller_admin, link
):
    client.force_login(reseller_admin)
    page = client.post(
        f"/customers/{company.pk}/telephony/",
        {
            "kind": "cloud_pbx",
            "name": "Main",
            "country": "DE",
            "extension_prefix": "abc",
            "extension_digits": "99",
        },
    ).content.decode()
    assert Pbx.objects.count() == 0
    summary = summary_of(page)
    assert 'href="#id_extension_prefix"' in summary
    assert 'href="#id_extension_digits"' in summary
    assert "The extension prefix is 1 to 4 digits" in summary
    assert "The number of digits after the prefix is 1 to 6" in summary


def test_the_declaration_page_flags_a_missing_name_beside_the_numbering(
    client, company, reseller_admin, link
):
    client.force_login(reseller_admin)
    page = client.post(
        f"/customers/{company.pk}/telephony/",
        {"kind": "cloud_pbx", "name": "", "country": "DE", "extension_prefix": "abc"},
    ).content.decode()
    summary = summary_of(page)
    for field in ("name", "extension_prefix", "extension_digits"):
        assert f'href="#id_{field}"' in summary


def test_the_api_answers_every_field_error_of_a_declaration(api_for, company, reseller_admin, link):
    response = api_for(reseller_admin).post(
        f"/api/v1/companies/{company.pk}/pbxs/",
        {
            "kind": "cloud_pbx",
            "name": "Main",
            "country": "DE",
            "extension_prefix": "abc",
            "extension_digits": 99,
        },
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_prefix"
    assert body["field"] == "extension_prefix"
    assert body["detail"].startswith("The extension prefix is 1 to 4 digits")
    assert set(body["errors"]) == {"extension_prefix", "extension_digits"}
    assert body["errors"]["extension_digits"][0].startswith("The number of digits")
    assert Pbx.objects.count() == 0


def test_a_change_of_a_pbx_is_refused_for_every_wrong_field(api_for, reseller_admin, link, cloud):
    CloudPbxFactory(company=cloud.company, name="Branch", extension_prefix="5")
    response = api_for(reseller_admin).patch(
        f"/api/v1/pbxs/{cloud.pk}/",
        {"name": "branch", "country": "XX", "time_zone": "Mars/Olympus"},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"name", "country", "time_zone"}
    cloud.refresh_from_db()
    assert cloud.name != "branch" and cloud.time_zone == "Europe/Berlin"


# --- hunt groups: extension and ring timeout ------------------------------------------------


def test_the_hunt_group_page_flags_the_ring_timeout_beside_a_bad_extension(client, admin, cloud):
    client.force_login(admin)
    page = client.post(
        f"/telephony/pbxs/{cloud.pk}/hunt-groups/",
        {
            "action": "add",
            "name": "Sales",
            "policy": "parallel",
            "extension": "1",
            "ring_timeout": "90",
        },
    ).content.decode()
    assert not HuntGroup.objects.exists()
    summary = summary_of(page)
    assert 'href="#id_extension"' in summary and 'href="#id_ring_timeout"' in summary
    assert "An extension is 2 to 10 digits." in summary
    assert "The ring timeout is 5 to 30 seconds." in summary


def test_a_ring_timeout_that_is_not_a_number_does_not_hide_the_other_errors(client, admin, cloud):
    client.force_login(admin)
    page = client.post(
        f"/telephony/pbxs/{cloud.pk}/hunt-groups/",
        {
            "action": "add",
            "name": "",
            "policy": "parallel",
            "extension": "9999",
            "ring_timeout": "x",
        },
    ).content.decode()
    summary = summary_of(page)
    for field in ("name", "extension", "ring_timeout"):
        assert f'href="#id_{field}"' in summary


def test_the_api_answers_the_ring_timeout_beside_a_bad_extension(api_for, admin, cloud):
    response = api_for(admin).post(
        f"/api/v1/pbxs/{cloud.pk}/hunt-groups/",
        {"name": "Sales", "policy": "parallel", "extension": "1", "ring_timeout": 90},
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == "extension" and body["code"] == "invalid_extension"
    assert body["errors"] == {
        "extension": ["An extension is 2 to 10 digits."],
        "ring_timeout": ["The ring timeout is 5 to 30 seconds."],
    }
    assert not HuntGroup.objects.exists()


def test_one_wrong_field_answers_in_the_same_shape_as_several(api_for, admin, cloud):
    response = api_for(admin).post(
        f"/api/v1/pbxs/{cloud.pk}/hunt-groups/",
        {"name": "Sales", "policy": "parallel", "extension": "1", "ring_timeout": 20},
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == "extension"
    assert body["errors"] == {"extension": ["An extension is 2 to 10 digits."]}


# --- the other Cloud PBX forms ----------------------------------------------------------------


def test_a_device_is_refused_for_its_identifier_and_its_model_at_once(api_for, admin, cloud):
    response = api_for(admin).post(
        f"/api/v1/pbxs/{cloud.pk}/devices/",
        {"kind": "ale_desk", "identifier": "nonsense", "line": str(uuid.uuid4())},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"identifier", "line"}
    assert not Device.objects.exists()


def test_an_emergency_number_is_refused_for_its_country_and_its_number_at_once(
    api_for, admin, cloud
):
    before = EmergencyNumber.objects.count()
    response = api_for(admin).post(
        f"/api/v1/pbxs/{cloud.pk}/emergency-numbers/",
        {"country": "XX", "number": "1"},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"country", "number"}
    assert EmergencyNumber.objects.count() == before


def test_a_welcome_service_is_refused_for_its_name_hours_and_number_at_once(api_for, admin, cloud):
    response = api_for(admin).post(
        f"/api/v1/pbxs/{cloud.pk}/welcome-services/",
        {
            "name": "Reception",
            "hours": [{"weekday": 0, "opens": "12:00", "closes": "08:00"}],
            "public_number": "+49301234599",
        },
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"hours", "public_number"}
    assert not WelcomeService.objects.exists()
