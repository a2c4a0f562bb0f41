"""A German or French reader sees no English data on any page (DESIGN.md, "Languages").

The world is the demo seed (``seed_demo``: companies, partners, licenses, Cloud PBXs with their
pre-filled emergency numbers), whose data were entered in English; every person has also signed
in to the API once, so each has a token named by the portal. Pages come from the URL
configuration (as in ``tests/security/test_escaping.py``); each is read by the admin of every
seed company, a member and the operator, all reading German (then French). No page may show an
English word of the data the portal itself names: country names, emergency-number descriptions,
default names. Words the language shares with English (French "Police", "France") are not looked
for.
"""

from __future__ import annotations

import re
import uuid

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation
from django_countries import countries

from companies import services as company_services
from companies.models import ApiToken, Company, User
from telephony.emergency import emergency_table
from tests.factories import PASSWORD
from tests.security.tenancy_routes import LITERALS, Route
from tests.security.test_escaping import NOT_PAGES, TEMPLATES

# The countries of the seed and of the emergency table, named on pages and in selects.
COUNTRIES = ("DE", "FR", "GB", "NL", "US", "ES", "IT", "BE", "CH", "AT")
DEFAULT_NAMES = ("API sign-in",)
# Pages every reader of a language must have been shown (so the test cannot pass on 404s).
MUST_BE_READ = (
    "/company/",
    "/dashboard/",
    "/profile/",
    "/members/",
    "/licenses/",
    "/customers/",
    "/customers/{company_id}/",
    "/telephony/pbxs/{pbx_id}/emergency/",
    "/partner/define/",
    "/notifications/issued/",
    "/activity/",
    "/accounts/sign-up/",
)


def english_words(language: str) -> dict[str, str]:
    """English text the portal writes -> what the reader should see instead (where it differs)."""
    words: dict[str, str] = {}
    with translation.override("en"):
        english = {code: str(countries.name(code)) for code in COUNTRIES}
        english.update({name: str(translation.gettext(name)) for name in DEFAULT_NAMES})
    with translation.override(language):
        theirs = {code: str(countries.name(code)) for code in COUNTRIES}
        theirs.update({name: str(translation.gettext(name)) for name in DEFAULT_NAMES})
    for key, text in english.items():
        words[text] = theirs[key]
    for rows in emergency_table().values():
        for _number, texts in rows:
            words[texts["en"]] = texts[language]
    return {en: other for en, other in words.items() if en != other}


def found(words: dict[str, str], body: str) -> list[str]:
    text = re.sub(r"<script.*?</script>|<[^>]+>", " ", body, flags=re.S)
    text = text.replace("&#x27;", "'").replace("&amp;", "&")
    return sorted(w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text))


@pytest.fixture(scope="module")
def seed_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
            for person in User.objects.filter(is_active=True):
                person.set_password(PASSWORD)
                person.save(update_fields=["password"])
                company_services.api_token_for_credentials(email=person.email, password=PASSWORD)
        yield
        transaction.set_rollback(True)


def readers() -> list[User]:
    admins = {
        company.pk: company.users.filter(role="admin", is_active=True).order_by("email").first()
        for company in Company.objects.order_by("name")
    }
    member = User.objects.get(email="oliver.member@contoso.example")
    operator = User.objects.get(is_staff=True, company__isnull=True)
    return [a for a in admins.values() if a is not None] + [member, operator]


def seed_ids() -> dict[str, str]:
    """An object of each kind the pages take, from the seed: Contoso's (it has a partner,
    licenses and a Cloud PBX)."""
    from licensing.models import LicenseAssignment, Subscription
    from notifications.models import Notification
    from partners.models import Invitation
    from telephony.models import EmergencyNumber, HuntGroup, Line, Pbx, PublicNumber, WelcomeService

    contoso = Company.objects.get(name="Contoso Ltd")
    pbx = Pbx.objects.get(company=contoso)
    assignment = LicenseAssignment.objects.filter(subscription__company=contoso).first()
    some = {
        "company": contoso,
        "pbx": pbx,
        "line": Line.objects.filter(pbx=pbx).first(),
        "subscription": Subscription.objects.filter(company=contoso).order_by("offer").first(),
        "assigned_user": assignment.user if assignment else None,
        "member": User.objects.get(email="oliver.member@contoso.example"),
        "invitation": Invitation.objects.order_by("created_at").first(),
        "notification": Notification.objects.order_by("created_at").first(),
        "token": ApiToken.objects.order_by("created_at").first(),
        "hunt_group": HuntGroup.objects.filter(pbx=pbx).first(),
        "welcome_service": WelcomeService.objects.filter(pbx=pbx).first(),
        "public_number": PublicNumber.objects.filter(pbx=pbx).first(),
        "emergency_number": EmergencyNumber.objects.filter(pbx=pbx).first(),
    }
    return {kind: str(obj.pk) for kind, obj in some.items() if obj is not None}


def fill(template: str, ids: dict[str, str]) -> str | None:
    if template.startswith(("/partner/open/", "/admin/r/")) or (
        template.startswith("/accounts/") and "{" in template
    ):
        return None  # capability links: their own tests
    route = Route("page", template, ("get",))
    url = template
    try:
        kinds = route.kinds()
    except KeyError:
        kinds = {}
    for param, kind in kinds.items():
        if kind in ("company_type",):
            return None
        if template.startswith("/admin/") and param in ("object_id", "id"):
            value = admin_object(template)
        else:
            value = ids.get(kind or "", str(uuid.uuid4()))
        if value is None:
            return None
        url = url.replace("{" + param + "}", value)
    for param, values in LITERALS.items():
        url = url.replace("{" + param + "}", values[0])
    return None if "{" in url else url


def admin_object(template: str) -> str | None:
    from django.apps import apps

    parts = template.split("/")
    try:
        model = apps.get_model(parts[2], parts[3])
    except (LookupError, IndexError):
        return None
    row = model._default_manager.order_by("pk").first()
    return str(row.pk) if row else None


@pytest.mark.parametrize("language", ["de", "fr"])
def test_no_page_shows_english_data_to_a_german_or_french_reader(seed_world, db, language):
    User.objects.update(language=language)
    words = english_words(language)
    assert "Germany" in words and "Fire brigade and ambulance (EU emergency number)" in words
    assert "API sign-in" in words
    ids = seed_ids()
    people = readers()
    assert len(people) >= 9
    clients = {}
    for person in people:
        clients[person.pk] = Client()
        clients[person.pk].force_login(person)
    visitor = Client()  # sign-in and sign-up: the language chosen with the switch (a cookie)
    visitor.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    read, problems = set(), []
    for template in TEMPLATES:
        if template in NOT_PAGES:
            continue
        url = fill(template, ids)
        if url is None:
            continue
        for person in [None] if template.startswith("/accounts/") else people:
            if person is None:
                response = visitor.get(url)
                who = "a visitor"
            elif template.startswith("/admin/") != (person.company_id is None):
                continue
            else:
                response = clients[person.pk].get(url)
                who = person.email
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            read.add(template)
            shown = found(words, response.content.decode())
            if shown:
                problems.append(f"{url} as {who}: {shown}")
    assert not problems, "\n".join(problems)
    assert set(MUST_BE_READ) <= read, set(MUST_BE_READ) - read
    assert len(read) > 60, len(read)


def test_the_seed_world_holds_the_english_data_looked_for(seed_world, db):
    """Without these the test above would pass on an empty world."""
    from telephony.models import EmergencyNumber

    assert EmergencyNumber.objects.filter(description_code="GB:999").exists()
    assert ApiToken.objects.filter(name="").count() >= 10
    contoso = Company.objects.get(name="Contoso Ltd")
    User.objects.update(language="en")
    client = Client()
    client.force_login(contoso.users.get(role="admin"))
    pbx = contoso.pbxs.get()
    english = client.get(f"/telephony/pbxs/{pbx.pk}/emergency/").content.decode()
    assert "United Kingdom" in english and "Police, fire, ambulance, coastguard" in english
    assert "API sign-in" in client.get("/profile/").content.decode()
