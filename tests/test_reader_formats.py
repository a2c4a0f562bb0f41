"""Dates, times, numbers and phone numbers in the reader's locale, one format per kind of value
(DESIGN.md, "Languages": a British reader sees 29/11/2026 and 18:00, phone numbers read
+44 20 7123 4500).

English readers get British conventions (``rainbow_admin/formats``), German and French their own;
every page shows a day as ``SHORT_DATE_FORMAT`` and a moment as ``SHORT_DATETIME_FORMAT``, never
the long forms ("November 29, 2026", "29. November 2026", "6 p.m.").
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from notifications.models import ActivityRecord, Notification
from telephony.models import Device, PublicNumber
from telephony.services import devices as device_services
from tests.factories import AdminFactory, PartnerLinkFactory, ResellerFactory
from tests.licensing.factories import SubscriptionFactory
from tests.telephony.factories import CloudPbxFactory, LineFactory

pytestmark = pytest.mark.django_db

MOMENT = datetime(2026, 11, 29, 18, 0, tzinfo=UTC)
# language -> (the day, the moment, 1,200 seats, words of the long forms that must not show)
EXPECTED = {
    "en": ("29/11/2026", "29/11/2026 18:00", "1,200", ("November", "Nov.", "p.m.", "6 p")),
    "de": ("29.11.2026", "29.11.2026 18:00", "1.200", ("November", "Nov.", "29. Nov")),
    "fr": ("29/11/2026", "29/11/2026 18:00", "1\xa0200", ("novembre", "nov.")),
}
LANGUAGES = list(EXPECTED)


def visible(response) -> str:
    """The text of a page as read (tags dropped, entities of the few characters we check read)."""
    assert response.status_code == 200, response.status_code
    body = response.content.decode()
    text = re.sub(r"<script.*?</script>|<[^>]+>", " ", body, flags=re.S)
    return text.replace("&nbsp;", "\xa0").replace("&#x27;", "'")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def assert_no_long_form(text: str, language: str) -> None:
    for word in EXPECTED[language][3]:
        assert word not in text, word


@pytest.fixture
def customer_admin(company):
    return AdminFactory(company=company, name="Clara Customer")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dashboard_shows_the_partner_date_in_the_readers_short_form(customer_admin, language):
    customer_admin.language = language
    customer_admin.save(update_fields=["language"])
    PartnerLinkFactory(company=customer_admin.company, partner=ResellerFactory(), since=MOMENT)
    text = visible(client_for(customer_admin).get("/dashboard/"))
    assert EXPECTED[language][0] in text
    assert_no_long_form(text, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_show_days_and_moments_in_the_readers_short_form(customer_admin, language):
    reseller_admin = AdminFactory(company=ResellerFactory(), language=language)
    PartnerLinkFactory(company=customer_admin.company, partner=reseller_admin.company, since=MOMENT)
    customer_admin.language = language
    customer_admin.save(update_fields=["language"])
    ActivityRecord.objects.create(
        company=customer_admin.company,
        actor_name="Ann",
        verb="test",
        message="%(actor)s set the end of the scopes of %(partner)s on %(company)s: %(until)s.",
        params={"actor": "Ann", "partner": "P", "company": "C", "until": "2026-11-29"},
        created_at=MOMENT,
    )
    Notification.objects.create(
        recipient=customer_admin, message="Something happened.", created_at=MOMENT
    )
    day, moment = EXPECTED[language][:2]
    customers = visible(client_for(reseller_admin).get("/customers/"))
    assert day in customers
    activity = visible(client_for(customer_admin).get("/activity/"))
    assert moment in activity
    # A date inside a stored message is shown the same way, not as ISO 2026-11-29.
    assert f": {day}." in activity and "2026-11-29" not in activity
    notifications = visible(client_for(customer_admin).get("/notifications/"))
    assert moment in notifications
    for text in (customers, activity, notifications):
        assert_no_long_form(text, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_seat_counts_are_grouped_in_the_readers_locale(customer_admin, language):
    customer_admin.language = language
    customer_admin.save(update_fields=["language"])
    SubscriptionFactory(company=customer_admin.company, quantity=1200)
    text = visible(client_for(customer_admin).get("/licenses/"))
    assert EXPECTED[language][2] in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_telephony_pages_show_phone_numbers_spaced_for_reading(customer_admin, language):
    customer_admin.language = language
    customer_admin.save(update_fields=["language"])
    pbx = CloudPbxFactory(company=customer_admin.company, country="GB")
    PublicNumber.objects.create(pbx=pbx, number="+442071234500", is_company_number=True)
    LineFactory(pbx=pbx, user=customer_admin, extension="8001", public_number="+442071234500")
    client = client_for(customer_admin)
    for path in (f"/telephony/pbxs/{pbx.pk}/numbers/", f"/telephony/pbxs/{pbx.pk}/", "/profile/"):
        text = visible(client.get(path))
        assert "+44 20 7123 4500" in text, path
        assert "+442071234500" not in text, path
    ActivityRecord.objects.create(
        company=customer_admin.company,
        actor_name="Ann",
        verb="test",
        message="%(actor)s removed the number %(number)s.",
        params={"actor": "Ann", "number": "+442071234500"},
    )
    ActivityRecord.objects.create(
        company=customer_admin.company,
        actor_name="Ann",
        verb="test",
        message="%(actor)s added %(count)s public numbers from %(first)s.",
        params={"actor": "Ann", "count": 1200, "first": "+442071234600"},
    )
    activity = visible(client.get("/activity/"))
    assert "+44 20 7123 4500" in activity and "+442071234500" not in activity
    assert f"{EXPECTED[language][2]} public numbers from +44 20 7123 4600." in activity


def test_the_company_page_shows_its_phone_spaced_for_reading(customer_admin, company):
    company.country, company.phone = "GB", "+442071234500"
    company.save(update_fields=["country", "phone"])
    member = AdminFactory(company=company, role="member")
    assert "+44 20 7123 4500" in visible(client_for(member).get("/company/"))
    body = client_for(customer_admin).get("/company/").content.decode()
    assert 'value="+44 20 7123 4500"' in body
    # The spaced number an admin sees is what saving the form reads back.
    data = {
        "name": company.name,
        "country": "GB",
        "language": company.language,
        "timezone": company.timezone,
        "phone": "+44 20 7123 4500",
        "require_two_factor": company.require_two_factor,
    }
    assert client_for(customer_admin).post("/company/", data).status_code == 302
    company.refresh_from_db()
    assert company.phone == "+442071234500"


# Device CSV files as spreadsheets save them.
GERMAN_EXCEL = (
    "\ufefftype;identifier;model;extension\r\n"
    "ale_desk;00:80:9F:00:00:01;ALE-300;8001\r\n"
    "dect;035890012345 5;8262;\r\n"
).encode()
TABS = b"type\tidentifier\tmodel\textension\r\nale_desk\t00:80:9F:00:00:02\tALE-300\t8001\r\n"


@pytest.mark.parametrize(("name", "data"), [("semicolons", GERMAN_EXCEL), ("tabs", TABS)])
def test_a_device_file_with_semicolons_or_tabs_imports(customer_admin, name, data):
    pbx = CloudPbxFactory(company=customer_admin.company)
    line = LineFactory(pbx=pbx, extension="8001")
    job = device_services.device_import_start(
        actor=customer_admin, pbx=pbx, file_name=f"{name}.csv", data=data
    )
    device_services.device_import_run(import_id=job.pk)
    job.refresh_from_db()
    assert job.errors == []
    assert job.imported == job.total == data.count(b"\n") - 1
    assert Device.objects.get(kind="ale_desk").line == line


def test_a_device_file_without_the_header_says_which_columns_it_needs(customer_admin):
    pbx = CloudPbxFactory(company=customer_admin.company)
    upload = SimpleUploadedFile("phones.csv", b"00:80:9F:00:00:01;ALE-300\r\n", "text/csv")
    response = client_for(customer_admin).post(
        f"/telephony/pbxs/{pbx.pk}/devices/", {"action": "import", "file": upload}
    )
    text = visible(response)
    assert "must name the columns type, identifier" in text
    assert "commas, semicolons or tabs" in text
    assert not Device.objects.exists()


def test_the_device_example_uses_an_extension_of_the_pbx(customer_admin):
    pbx = CloudPbxFactory(company=customer_admin.company, extension_prefix="2", extension_digits=2)
    client = client_for(customer_admin)
    example = re.search(
        r"<pre>(.*?)</pre>", client.get(f"/telephony/pbxs/{pbx.pk}/devices/").content.decode(), re.S
    ).group(1)
    extension = example.splitlines()[1].rsplit(",", 1)[1]
    assert 200 <= int(extension) <= 299
    LineFactory(pbx=pbx, extension="234")
    example = re.search(
        r"<pre>(.*?)</pre>", client.get(f"/telephony/pbxs/{pbx.pk}/devices/").content.decode(), re.S
    ).group(1)
    assert example.splitlines()[1].endswith(",234")


def test_pages_show_moments_in_the_companys_time_zone_and_the_api_in_utc(customer_admin):
    company = customer_admin.company
    company.timezone = "Europe/Berlin"
    company.save(update_fields=["timezone"])
    Notification.objects.create(
        recipient=customer_admin, message="Something happened.", created_at=MOMENT
    )
    client = client_for(customer_admin)
    # 18:00 UTC is 19:00 in Berlin in November.
    assert "29/11/2026 19:00" in visible(client.get("/notifications/"))
    answer = client.get("/api/v1/notifications/").json()
    assert answer["results"][0]["created_at"].startswith("2026-11-29T18:00:00")
    assert answer["results"][0]["created_at"].endswith("Z")


def test_a_scope_end_picked_on_a_day_reads_as_that_day_everywhere(customer_admin):
    link = PartnerLinkFactory(company=customer_admin.company, partner=ResellerFactory())
    client = client_for(customer_admin)
    answer = client.post("/partner/scopes/until/", {"scopes_until": "2027-12-31"}, follow=True)
    text = visible(answer)
    # The panel says the day picked, not the next midnight (when the scopes really end).
    assert "Scopes until 31/12/2027" in text
    assert "01/01/2028" not in text
    link.refresh_from_db()
    assert link.scopes_until == datetime(2028, 1, 1, tzinfo=UTC)
    extended = visible(client.post("/partner/scopes/extend/", follow=True))
    link.refresh_from_db()
    last_day = (link.scopes_until - timedelta(microseconds=1)).strftime("%d/%m/%Y")
    assert f"Your partner's scopes now end on {last_day}." in extended
    activity = visible(client.get("/activity/"))
    assert "31/12/2027" in activity and "01/01/2028" not in activity
