import pytest

from notifications.models import Notification
from telephony.models import (
    AttendantKey,
    AutoAttendant,
    Device,
    EmergencyNumber,
    HuntGroup,
    OpeningHours,
    PublicNumber,
    WelcomeService,
)
from tests.factories import AdminFactory, PartnerLinkFactory, ResellerFactory
from tests.telephony.factories import LineFactory, PbxFactory

pytestmark = pytest.mark.django_db

MAC = "00:80:9F:12:34:56"
IPEI = "035890012345 5"


@pytest.fixture
def api(api_for, admin):
    return api_for(admin)


def url(pbx, resource, item=None):
    return f"/api/v1/pbxs/{pbx.pk}/{resource}/" + (f"{item}/" if item else "")


# --- devices --------------------------------------------------------------------------------


def test_admin_adds_a_desk_phone_and_a_dect_handset_assigned_to_a_line(api, cloud):
    line = LineFactory(pbx=cloud)
    response = api.post(
        url(cloud, "devices"),
        {
            "kind": "ale_desk",
            "identifier": "00-80-9f-12-34-56",
            "model": "ALE-300",
            "line": str(line.pk),
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["identifier"] == MAC
    assert response.json()["member"] == str(line.user_id)
    response = api.post(url(cloud, "devices"), {"kind": "dect", "identifier": IPEI}, format="json")
    assert response.status_code == 201, response.json()
    assert api.get(url(cloud, "devices")).json()["count"] == 2


@pytest.mark.parametrize(
    ("kind", "identifier", "code"),
    [
        ("ale_desk", "00:80:9F:12:34", "invalid_mac"),
        ("sip", "GG:80:9F:12:34:56", "invalid_mac"),
        ("sip", "01:00:5E:00:00:01", "invalid_mac"),
        ("dect", "035890012345 4", "invalid_ipei"),
        ("dect", "12345", "invalid_ipei"),
    ],
)
def test_bad_device_identifiers_are_a_clear_400(api, cloud, kind, identifier, code):
    response = api.post(
        url(cloud, "devices"), {"kind": kind, "identifier": identifier}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert identifier in response.json()["detail"]
    assert not Device.objects.exists()


def test_a_duplicate_device_is_refused(api, cloud):
    api.post(url(cloud, "devices"), {"kind": "ale_desk", "identifier": MAC}, format="json")
    response = api.post(
        url(cloud, "devices"), {"kind": "sip", "identifier": "00809f123456"}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "device_exists"
    assert Device.objects.count() == 1


@pytest.mark.parametrize(
    "resource",
    [
        "devices",
        "public-numbers",
        "hunt-groups",
        "welcome-services",
        "auto-attendants",
        "emergency-numbers",
    ],
)
def test_cloud_resources_of_another_kind_answer_409(api, company, resource):
    oxo = PbxFactory(company=company)
    assert api.get(url(oxo, resource)).status_code == 409
    response = api.post(url(oxo, resource), {"name": "x"}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "cloud_pbx_only"


@pytest.mark.parametrize(
    "resource",
    [
        "devices",
        "public-numbers",
        "hunt-groups",
        "welcome-services",
        "auto-attendants",
        "emergency-numbers",
    ],
)
def test_scope_less_partners_and_strangers_cannot_reach_cloud_resources(
    api_for, company, cloud, resource
):
    scope_less = AdminFactory(company=ResellerFactory())
    PartnerLinkFactory(company=company, partner=scope_less.company, scope_telephony=False)
    assert api_for(scope_less).get(url(cloud, resource)).status_code == 403
    stranger = AdminFactory(company=ResellerFactory())
    assert api_for(stranger).get(url(cloud, resource)).status_code == 404


# --- public numbers -------------------------------------------------------------------------


def test_a_range_of_numbers_is_added_and_the_first_becomes_the_company_number(api, cloud):
    response = api.post(
        url(cloud, "public-numbers"), {"number": "+49 30 1234560", "count": 5}, format="json"
    )
    assert response.status_code == 201, response.json()
    numbers = [row["number"] for row in response.json()["results"]]
    assert numbers == [
        "+49301234560",
        "+49301234561",
        "+49301234562",
        "+49301234563",
        "+49301234564",
    ]
    assert PublicNumber.objects.get(is_company_number=True).number == "+49301234560"
    response = api.post(url(cloud, "public-numbers"), {"number": "+49301234570"}, format="json")
    assert response.json()["results"][0]["is_company_number"] is False


def test_an_invalid_number_is_a_400(api, cloud):
    response = api.post(url(cloud, "public-numbers"), {"number": "+49 12"}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "invalid_number"
    assert not PublicNumber.objects.exists()


def test_an_overlapping_range_adds_nothing(api, cloud):
    api.post(url(cloud, "public-numbers"), {"number": "+49301234560", "count": 5}, format="json")
    response = api.post(
        url(cloud, "public-numbers"), {"number": "+49301234563", "count": 5}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "range_overlap"
    assert "+49301234563" in response.json()["detail"]
    assert PublicNumber.objects.count() == 5


def test_a_number_routed_to_a_member_becomes_their_line_number(api, cloud):
    line = LineFactory(pbx=cloud)
    number = api.post(
        url(cloud, "public-numbers"), {"number": "+49301234560"}, format="json"
    ).json()["results"][0]
    response = api.patch(
        url(cloud, "public-numbers", number["id"]),
        {"destination": "member", "target": str(line.user_id)},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["destination"] == "member"
    line.refresh_from_db()
    assert line.public_number == "+49301234560"


def test_a_line_can_take_a_public_number_of_the_cloud_pbx_only(api, cloud, member):
    response = api.post(
        url(cloud, "lines"),
        {"user": str(member.pk), "extension": "8001", "public_number": "+49301234560"},
        format="json",
    )
    assert response.status_code == 400 and response.json()["code"] == "unknown_number"
    api.post(url(cloud, "public-numbers"), {"number": "+49301234560"}, format="json")
    response = api.post(
        url(cloud, "lines"),
        {"user": str(member.pk), "extension": "8001", "public_number": "+49301234560"},
        format="json",
    )
    assert response.status_code == 201
    assert PublicNumber.objects.get().line.user == member


# --- hunt groups ----------------------------------------------------------------------------


def test_hunt_group_with_members_and_a_timeout(api, cloud):
    lines = [LineFactory(pbx=cloud) for _ in range(2)]
    response = api.post(
        url(cloud, "hunt-groups"),
        {
            "name": "Sales",
            "extension": "8900",
            "policy": "circular",
            "ring_timeout": 15,
            "members": [str(lines[1].user_id), str(lines[0].user_id)],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["members"] == [str(lines[1].user_id), str(lines[0].user_id)]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"ring_timeout": 4}, "invalid_timeout"),
        ({"ring_timeout": 31}, "invalid_timeout"),
        ({"policy": "random"}, "invalid_policy"),
        ({"extension": "9000"}, "extension_out_of_range"),
    ],
)
def test_bad_hunt_groups_are_refused(api, cloud, change, code):
    response = api.post(
        url(cloud, "hunt-groups"), {"name": "Sales", "policy": "serial", **change}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == code
    assert not HuntGroup.objects.exists()


# --- Welcome Service ------------------------------------------------------------------------


def test_welcome_service_with_hours_exceptions_and_its_number(api, cloud):
    line = LineFactory(pbx=cloud)
    api.post(url(cloud, "public-numbers"), {"number": "+49301234560"}, format="json")
    response = api.post(
        url(cloud, "welcome-services"),
        {
            "name": "Reception",
            "public_number": "+49301234560",
            "open_member": str(line.user_id),
            "hours": [
                {"weekday": 0, "opens": "08:00", "closes": "12:00"},
                {"weekday": 0, "opens": "13:00", "closes": "17:00"},
            ],
            "exceptions": [{"date": "2026-12-25"}],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["public_number"] == "+49301234560"
    assert body["open_destination"] == f"member:{line.user_id}"
    assert len(body["hours"]) == 2 and body["exceptions"][0]["opens"] is None
    assert PublicNumber.objects.get().destination == "welcome_service"


def test_overlapping_opening_hours_are_refused(api, cloud):
    response = api.post(
        url(cloud, "welcome-services"),
        {
            "name": "Reception",
            "hours": [
                {"weekday": 2, "opens": "08:00", "closes": "12:30"},
                {"weekday": 2, "opens": "12:00", "closes": "17:00"},
            ],
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "hours_overlap"
    assert "08:00-12:30" in response.json()["detail"]
    assert not WelcomeService.objects.exists() and not OpeningHours.objects.exists()


def test_opening_hours_and_exceptions_decide_whether_it_is_open(cloud):
    import datetime
    import zoneinfo

    from telephony.services.features import is_open

    service = WelcomeService.objects.create(pbx=cloud, name="R")
    OpeningHours.objects.create(
        welcome_service=service, weekday=0, opens=datetime.time(8), closes=datetime.time(17)
    )
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    monday_9 = datetime.datetime(2026, 11, 30, 9, 0, tzinfo=berlin)
    assert is_open(service, monday_9)
    assert not is_open(service, monday_9.replace(hour=18))
    # 07:30 UTC is 08:30 in Berlin: the PBX's time zone decides.
    assert is_open(service, datetime.datetime(2026, 11, 30, 7, 30, tzinfo=datetime.UTC))
    service.exceptions.create(date=datetime.date(2026, 11, 30))
    service = type(service).objects.prefetch_related("hours", "exceptions").get(pk=service.pk)
    assert not is_open(service, monday_9)


# --- Automated Attendant --------------------------------------------------------------------


def test_attendant_with_a_sub_menu_three_levels_deep(api, cloud):
    line = LineFactory(pbx=cloud)
    keys = [
        {"menu": "", "digit": "1", "action": "member", "member": str(line.user_id)},
        {"menu": "", "digit": "2", "action": "menu"},
        {"menu": "2", "digit": "1", "action": "menu"},
        {"menu": "21", "digit": "0", "action": "member", "member": str(line.user_id)},
    ]
    response = api.post(
        url(cloud, "auto-attendants"), {"name": "Main menu", "keys": keys}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert len(response.json()["keys"]) == 4


def test_a_menu_deeper_than_three_levels_is_refused(api, cloud):
    keys = [
        {"menu": "", "digit": "2", "action": "menu"},
        {"menu": "2", "digit": "1", "action": "menu"},
        {"menu": "21", "digit": "3", "action": "menu"},
    ]
    response = api.post(
        url(cloud, "auto-attendants"), {"name": "Deep", "keys": keys}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "menu_too_deep"
    assert not AutoAttendant.objects.exists() and not AttendantKey.objects.exists()


def test_a_key_of_a_sub_menu_nobody_opens_is_refused(api, cloud):
    line = LineFactory(pbx=cloud)
    keys = [{"menu": "5", "digit": "1", "action": "member", "member": str(line.user_id)}]
    response = api.post(
        url(cloud, "auto-attendants"), {"name": "Orphan", "keys": keys}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "orphan_key"


# --- emergency numbers ----------------------------------------------------------------------


def test_emergency_numbers_are_pre_filled_and_softphones_can_be_refused(
    api, api_for, reseller_admin, link, company
):
    response = api_for(reseller_admin).post(
        f"/api/v1/companies/{company.pk}/pbxs/",
        {
            "kind": "cloud_pbx",
            "name": "Paris",
            "country": "FR",
            "extension_prefix": "4",
            "extension_digits": 2,
        },
        format="json",
    )
    pbx_id = response.json()["id"]
    rows = api.get(f"/api/v1/pbxs/{pbx_id}/emergency-numbers/").json()["results"]
    assert {row["number"] for row in rows} == {"112", "15", "17", "18", "114"}
    assert set(rows[0]) >= {"country", "number", "description", "softphone_allowed"}
    row = next(r for r in rows if r["number"] == "112")
    response = api.patch(
        f"/api/v1/pbxs/{pbx_id}/emergency-numbers/{row['id']}/",
        {"softphone_allowed": False},
        format="json",
    )
    assert response.status_code == 200 and response.json()["softphone_allowed"] is False
    response = api.post(
        f"/api/v1/pbxs/{pbx_id}/emergency-numbers/",
        {"country": "FR", "number": "112"},
        format="json",
    )
    assert response.status_code == 400 and response.json()["code"] == "emergency_exists"
    assert EmergencyNumber.objects.filter(pbx_id=pbx_id).count() == 5


def test_partner_changes_to_the_cloud_pbx_are_told_to_the_admins(
    api_for, admin, reseller_admin, link, cloud
):
    response = api_for(reseller_admin).post(
        url(cloud, "devices"), {"kind": "ale_desk", "identifier": MAC}, format="json"
    )
    assert response.status_code == 201
    notification = Notification.objects.get(recipient=admin)
    assert "added the device 00:80:9F:12:34:56" in notification.text
    assert reseller_admin.company.name in notification.text


def test_greetings_and_prompts_are_uploaded_as_wav_through_the_api(api, cloud, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.telephony.test_cloud_pages import wav_bytes

    settings.MEDIA_ROOT = tmp_path
    service = WelcomeService.objects.create(pbx=cloud, name="Reception")
    response = api.post(
        url(cloud, "welcome-services", service.pk) + "greetings/closed/",
        {"file": SimpleUploadedFile("closed.wav", wav_bytes(), "audio/wav")},
        format="multipart",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["greeting_closed"] is True
    attendant = AutoAttendant.objects.create(pbx=cloud, name="Main")
    response = api.post(
        url(cloud, "auto-attendants", attendant.pk) + "prompt/",
        {"file": SimpleUploadedFile("menu.mp3", b"ID3\x03not a wav", "audio/mpeg")},
        format="multipart",
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid_audio"
    attendant.refresh_from_db()
    assert not attendant.prompt


def test_a_number_already_routed_elsewhere_is_not_taken_silently(api, cloud):
    line = LineFactory(pbx=cloud)
    PublicNumber.objects.create(pbx=cloud, number="+49301234560", line=line, destination="member")
    response = api.post(
        url(cloud, "auto-attendants"),
        {"name": "Main", "public_number": "030 1234560"},
        format="json",
    )
    assert response.status_code == 400 and response.json()["code"] == "number_in_use"
    assert not AutoAttendant.objects.exists()


def test_the_emergency_table_covers_the_supported_countries_in_three_languages():
    from telephony.services.pbx import emergency_table

    table = emergency_table()
    assert {"DE", "FR", "GB", "US", "ES", "IT", "NL", "BE", "CH", "AT"} <= set(table)
    for rows in table.values():
        for number, texts in rows:
            assert number.isdigit() and set(texts) == {"en", "de", "fr"}
    assert (
        "911",
        {
            "en": "Police, fire, ambulance",
            "de": "Polizei, Feuerwehr, Rettungsdienst",
            "fr": "Police, pompiers, secours",
        },
    ) in table["US"]


def test_emergency_descriptions_are_stored_as_codes_and_read_in_the_readers_language(
    api_for, company, reseller_admin, link
):
    from django.utils import translation

    from tests.factories import AdminFactory

    response = api_for(reseller_admin).post(
        f"/api/v1/companies/{company.pk}/pbxs/",
        {
            "kind": "cloud_pbx",
            "name": "Berlin",
            "country": "DE",
            "extension_prefix": "5",
            "extension_digits": 3,
            "language": "de",
        },
        format="json",
    )
    assert response.status_code == 201
    police = EmergencyNumber.objects.get(number="110")
    assert (police.description_text, police.description_code) == ("", "DE:110")
    pbx_id = response.json()["id"]
    for language, police_text in (("en", "Police"), ("de", "Polizei"), ("fr", "Police")):
        reader = api_for(AdminFactory(company=company, language=language))
        rows = reader.get(f"/api/v1/pbxs/{pbx_id}/emergency-numbers/").json()["results"]
        texts = {row["number"]: row["description"] for row in rows}
        assert texts["110"] == police_text, language
    with translation.override("de"):
        assert EmergencyNumber.objects.get(number="112").description.startswith("Feuerwehr")
    # Words a person types are kept as typed, whoever reads them.
    changed = api_for(reseller_admin).patch(
        f"/api/v1/pbxs/{pbx_id}/emergency-numbers/{police.pk}/",
        {"description": "Polizei Berlin"},
        format="json",
    )
    assert changed.status_code == 200, changed.content
    police.refresh_from_db()
    assert (police.description_text, police.description_code) == ("Polizei Berlin", "")
    english = api_for(AdminFactory(company=company, language="en"))
    rows = english.get(f"/api/v1/pbxs/{pbx_id}/emergency-numbers/").json()["results"]
    assert {row["number"]: row["description"] for row in rows}["110"] == "Polizei Berlin"
