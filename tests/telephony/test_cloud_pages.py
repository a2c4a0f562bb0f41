import io
import wave

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

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
from tests.telephony.factories import LineFactory

pytestmark = pytest.mark.django_db


def wav_bytes() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(8000)
        audio.writeframes(b"\x00\x00" * 800)
    return buffer.getvalue()


@pytest.fixture
def signed_in(client, admin):
    client.force_login(admin)
    return client


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_devices_page_adds_and_refuses_with_the_reason(signed_in, cloud):
    url = f"/telephony/pbxs/{cloud.pk}/devices/"
    response = signed_in.post(
        url, {"action": "add", "kind": "ale_desk", "identifier": "00809F123456"}, follow=True
    )
    assert "00:80:9F:12:34:56" in response.content.decode()
    response = signed_in.post(url, {"action": "add", "kind": "dect", "identifier": "123"})
    assert "not a valid IPEI" in response.content.decode()
    assert Device.objects.count() == 1


def test_numbers_page_adds_a_range_and_routes_a_number(signed_in, cloud):
    line = LineFactory(pbx=cloud)
    url = f"/telephony/pbxs/{cloud.pk}/numbers/"
    page = signed_in.post(
        url, {"action": "add", "number": "+33 1 23 45 67 00", "count": "3"}, follow=True
    )
    assert "Company number" in page.content.decode()
    number = PublicNumber.objects.get(number="+33123456701")
    signed_in.post(
        url, {"action": "route", "number": number.pk, "destination": f"member:{line.user_id}"}
    )
    line.refresh_from_db()
    assert line.public_number == "+33123456701"
    page = signed_in.post(url, {"action": "add", "number": "+33 1 23 45 67 02", "count": "2"})
    assert "overlaps numbers already on this PBX" in page.content.decode()
    assert PublicNumber.objects.count() == 3


def test_hunt_group_page_refuses_a_bad_timeout(signed_in, cloud):
    line = LineFactory(pbx=cloud)
    url = f"/telephony/pbxs/{cloud.pk}/hunt-groups/"
    data = {"action": "add", "name": "Sales", "policy": "parallel", "members": [str(line.user_id)]}
    page = signed_in.post(url, {**data, "ring_timeout": "45"})
    assert "5 to 30 seconds" in page.content.decode()
    signed_in.post(url, {**data, "ring_timeout": "10"})
    assert HuntGroup.objects.get().memberships.get().line == line


def test_welcome_service_set_up_with_hours_exception_and_a_wav_greeting(signed_in, cloud, media):
    line = LineFactory(pbx=cloud)
    PublicNumber.objects.create(pbx=cloud, number="+49301234560", is_company_number=True)
    base = f"/telephony/pbxs/{cloud.pk}/welcome/"
    response = signed_in.post(
        base,
        {"name": "Reception", "public_number": "+49301234560", "open": f"member:{line.user_id}"},
    )
    service = WelcomeService.objects.get()
    assert response["Location"] == f"{base}{service.pk}/"
    url = response["Location"]
    signed_in.post(url, {"action": "hours", "weekday": "0", "opens": "08:00", "closes": "12:00"})
    page = signed_in.post(
        url, {"action": "hours", "weekday": "0", "opens": "11:00", "closes": "14:00"}
    )
    assert "overlap on the same day" in page.content.decode()
    assert OpeningHours.objects.count() == 1
    signed_in.post(
        url, {"action": "exception", "date": "2026-12-24", "description": "Christmas Eve"}
    )
    page = signed_in.post(
        url,
        {
            "action": "greeting",
            "which": "open",
            "prompt": SimpleUploadedFile("hello.wav", wav_bytes(), "audio/wav"),
        },
        follow=True,
    ).content.decode()
    assert "The greeting was uploaded." in page
    assert "Christmas Eve" in page
    service.refresh_from_db()
    assert service.greeting_open.name.endswith(".wav")
    assert (media / service.greeting_open.name).exists()
    page = signed_in.post(
        url,
        {
            "action": "greeting",
            "which": "closed",
            "prompt": SimpleUploadedFile("x.wav", b"ID3 not audio", "audio/wav"),
        },
    ).content.decode()
    assert "must be a WAV audio file" in page
    service.refresh_from_db()
    assert not service.greeting_closed


def test_a_too_large_prompt_is_refused(signed_in, cloud, media, settings):
    settings.TELEPHONY_PROMPT_MAX_BYTES = 100
    attendant = AutoAttendant.objects.create(pbx=cloud, name="Main")
    page = signed_in.post(
        f"/telephony/pbxs/{cloud.pk}/attendants/{attendant.pk}/",
        {"action": "prompt", "prompt": SimpleUploadedFile("menu.wav", wav_bytes(), "audio/wav")},
    ).content.decode()
    assert "too large" in page
    attendant.refresh_from_db()
    assert not attendant.prompt


def test_attendant_page_builds_a_menu_and_refuses_a_fourth_level(signed_in, cloud):
    line = LineFactory(pbx=cloud)
    response = signed_in.post(
        f"/telephony/pbxs/{cloud.pk}/attendants/", {"name": "Main", "dial_by_extension": "on"}
    )
    attendant = AutoAttendant.objects.get()
    url = response["Location"]
    signed_in.post(
        url, {"action": "key", "menu": "", "digit": "1", "target": f"member:{line.user_id}"}
    )
    signed_in.post(url, {"action": "key", "menu": "", "digit": "9", "target": "menu"})
    signed_in.post(url, {"action": "key", "menu": "9", "digit": "9", "target": "menu"})
    page = signed_in.post(
        url, {"action": "key", "menu": "99", "digit": "9", "target": "menu"}, follow=True
    )
    assert "three levels deep at most" in page.content.decode()
    assert AttendantKey.objects.filter(attendant=attendant).count() == 3
    assert "Sub-menu 9-9" in page.content.decode()


def test_emergency_page_lets_softphones_be_refused(signed_in, cloud):
    row = EmergencyNumber.objects.create(pbx=cloud, country="DE", number="112", description="EU")
    signed_in.post(f"/telephony/pbxs/{cloud.pk}/emergency/", {"action": "update", "row": row.pk})
    row.refresh_from_db()
    assert row.softphone_allowed is False


@pytest.mark.parametrize("page", ["", "devices/", "numbers/", "hunt-groups/", "emergency/"])
def test_cloud_page_query_counts_stay_fixed_with_more_lines_and_devices(
    signed_in, cloud, page, django_assert_max_num_queries
):
    from telephony.models import Device, HuntGroup, HuntGroupMember

    url = f"/telephony/pbxs/{cloud.pk}/{page}"

    def grow(n, start):
        for i in range(start, start + n):
            line = LineFactory(pbx=cloud, extension=f"8{i:03d}")
            Device.objects.create(pbx=cloud, kind="sip", identifier=f"00809F{i:06X}", line=line)
            PublicNumber.objects.create(
                pbx=cloud, number=f"+4930123{i:04d}", line=line, destination="member"
            )
            group = HuntGroup.objects.create(pbx=cloud, name=f"G{i}", policy="serial")
            HuntGroupMember.objects.create(hunt_group=group, line=line)

    grow(1, 0)
    with django_assert_max_num_queries(25) as before:
        assert signed_in.get(url).status_code == 200
    grow(20, 1)
    with django_assert_max_num_queries(len(before.captured_queries)):
        assert signed_in.get(url).status_code == 200


@pytest.mark.parametrize("kind", ["welcome", "attendants"])
def test_feature_page_query_counts_stay_fixed(
    signed_in, cloud, kind, django_assert_max_num_queries
):
    def grow(n, start):
        for i in range(start, start + n):
            line = LineFactory(pbx=cloud, extension=f"8{i:03d}")
            service = WelcomeService.objects.create(pbx=cloud, name=f"W{i}", open_line=line)
            service.hours.create(weekday=i % 7, opens="08:00", closes="12:00")
            attendant = AutoAttendant.objects.create(pbx=cloud, name=f"A{i}")
            attendant.keys.create(menu="", digit="1", action="member", line=line)

    grow(1, 0)
    detail = (
        f"welcome/{WelcomeService.objects.get().pk}/"
        if kind == "welcome"
        else f"attendants/{AutoAttendant.objects.get().pk}/"
    )
    urls = [f"/telephony/pbxs/{cloud.pk}/{page}" for page in (f"{kind}/", detail)]
    counts = []
    for url in urls:
        with django_assert_max_num_queries(25) as before:
            assert signed_in.get(url).status_code == 200
        counts.append(len(before.captured_queries))
    grow(15, 100)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            assert signed_in.get(url).status_code == 200


def test_hunt_group_members_and_their_order_are_changed_on_its_page(signed_in, cloud):
    first, second = LineFactory(pbx=cloud), LineFactory(pbx=cloud)
    group = HuntGroup.objects.create(pbx=cloud, name="Sales", policy="serial")
    url = f"/telephony/pbxs/{cloud.pk}/hunt-groups/{group.pk}/"
    assert "Members and ringing order" in signed_in.get(url).content.decode()
    response = signed_in.post(
        url,
        {
            "name": "Sales",
            "policy": "serial",
            "ring_timeout": "25",
            "members": [str(first.user_id), str(second.user_id)],
            f"order-{first.user_id}": "2",
            f"order-{second.user_id}": "1",
        },
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.ring_timeout == 25
    assert [m.line for m in group.memberships.order_by("position")] == [second, first]
