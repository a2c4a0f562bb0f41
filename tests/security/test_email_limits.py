"""Review findings on what sends email or reveals accounts (issue 18): every sender is limited with
429 + Retry-After, and sign-up and member add no longer tell whether an address has an account."""

import pytest
from django.test import Client

from companies.models import Company, User
from companies.text import email_normalise
from notifications.models import OutboundEmail
from partners.models import Invitation, PartnerMessage
from tests.clock import is_the_daily_wait
from tests.factories import AdminFactory, CompanyFactory, PartnerLinkFactory, UserFactory

pytestmark = pytest.mark.django_db

LOUIS = "louis.member@dupont.example"
LOOK_ALIKES = [
    "lou\u0131s.member@dupont.example",  # U+0131 dotless i
    "loui\u017f.member@dupont.example",  # U+017F long s
    "".join(chr(ord(ch) + 0xFEE0) for ch in "louis") + ".member@dupont.example",  # full-width
]


def main_of(response) -> str:
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def browser(address: str = "203.0.113.7") -> Client:
    return Client(REMOTE_ADDR=address)


# --- password reset ---------------------------------------------------------------------------


def test_four_resets_of_one_address_in_a_second_send_three_emails(member):
    # The review: password reset for one address 4 times in 1 s gave 4 emails.
    answers = [
        browser().post("/accounts/password-reset/", {"email": member.email}) for _ in range(4)
    ]
    assert [answer.status_code for answer in answers] == [302, 302, 302, 429]
    assert 0 < int(answers[3]["Retry-After"]) <= 3600
    assert "Too many requests. Try again in" in answers[3].content.decode()
    assert OutboundEmail.objects.filter(topic="password_reset").count() == 3


def test_look_alikes_of_an_address_share_its_reset_limit(settings):
    settings.PASSWORD_RESET_PER_ADDRESS_PER_HOUR = 1
    UserFactory(email=LOUIS)
    assert browser().post("/accounts/password-reset/", {"email": LOUIS}).status_code == 302
    for look_alike in LOOK_ALIKES:
        answer = browser().post("/accounts/password-reset/", {"email": look_alike})
        assert answer.status_code == 429, look_alike
    assert OutboundEmail.objects.filter(topic="password_reset").count() == 1


def test_resets_from_one_client_are_limited_whatever_the_address(settings):
    settings.PASSWORD_RESET_PER_CLIENT_PER_HOUR = 3
    answers = [
        browser().post("/accounts/password-reset/", {"email": f"p{n}@example.com"}).status_code
        for n in range(4)
    ]
    assert answers == [302, 302, 302, 429]
    other_client = browser("198.51.100.4")
    assert (
        other_client.post("/accounts/password-reset/", {"email": "p9@example.com"}).status_code
        == 302
    )


def test_the_reset_window_is_a_setting(settings, member):
    settings.PASSWORD_RESET_PER_ADDRESS_PER_HOUR = 1
    settings.RATE_LIMIT_HOUR = 1
    import time

    assert browser().post("/accounts/password-reset/", {"email": member.email}).status_code == 302
    time.sleep(1.05)
    assert browser().post("/accounts/password-reset/", {"email": member.email}).status_code == 302


# --- sign-up ----------------------------------------------------------------------------------


def sign_up(email: str, client: Client | None = None, company_name: str = "Any Company"):
    return (client or browser()).post(
        "/accounts/sign-up/",
        {
            "company_name": company_name,
            "country": "FR",
            "admin_name": "Somebody",
            "email": email,
            "password": "a-Long-enough-pass-42",
            "language": "en",
        },
    )


@pytest.mark.parametrize("address", [LOUIS, *LOOK_ALIKES, LOUIS.upper()])
def test_sign_up_with_a_taken_address_answers_like_a_new_one_and_tells_the_owner(
    address, django_capture_on_commit_callbacks
):
    louis = UserFactory(email=LOUIS, language="fr")
    companies = Company.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        taken = sign_up(address, company_name="Evil Corp")
        fresh = sign_up("fresh.person@example.com")
    assert taken.status_code == fresh.status_code == 200
    page = main_of(taken).replace(email_normalise(address), "ADDRESS")
    assert page == main_of(fresh).replace("fresh.person@example.com", "ADDRESS")
    assert "Check your email" in page
    assert "already exists" not in page
    assert Company.objects.count() == companies + 1  # the fresh one only
    assert User.objects.filter(email_skeleton=LOUIS).count() == 1
    # The owner hears of it at their own address, in their language; the typed address gets nothing.
    told = OutboundEmail.objects.get(topic="sign_up_existing")
    assert told.to == louis.email and told.language == "fr"
    assert "Evil Corp" not in told.body_text
    assert not OutboundEmail.objects.filter(to=address).exclude(to=LOUIS).exists()
    assert not OutboundEmail.objects.filter(topic="activation", to=LOUIS).exists()


def test_sign_ups_from_one_client_are_limited(settings):
    settings.SIGN_UP_PER_CLIENT_PER_HOUR = 2
    one = browser()
    answers = [sign_up(f"n{n}@example.com", one).status_code for n in range(3)]
    assert answers == [200, 200, 429]
    assert User.objects.filter(email__startswith="n").count() == 2


def test_sign_ups_for_one_address_are_limited_whether_it_exists_or_not(settings):
    settings.SIGN_UP_PER_ADDRESS_PER_HOUR = 1
    UserFactory(email=LOUIS)
    assert sign_up(LOUIS, browser("198.51.100.1")).status_code == 200
    assert sign_up(LOUIS, browser("198.51.100.2")).status_code == 429
    assert sign_up("new@example.com", browser("198.51.100.3")).status_code == 200
    assert sign_up("new@example.com", browser("198.51.100.4")).status_code == 429
    assert OutboundEmail.objects.filter(topic="sign_up_existing").count() == 1


# --- member add -------------------------------------------------------------------------------


def members_url(company) -> str:
    return f"/api/v1/companies/{company.pk}/members/"


def add(client, company, email):
    return client.post(
        members_url(company),
        {"email": email, "name": "Twin", "role": "member", "language": "en"},
        format="json",
    )


@pytest.mark.parametrize("address", [LOUIS, *LOOK_ALIKES])
def test_adding_another_companys_person_names_neither_them_nor_their_company(
    admin, api_for, address
):
    UserFactory(email=LOUIS, name="Louis Dupont", company=CompanyFactory(name="Dupont SA"))
    answer = add(api_for(admin), admin.company, address)
    assert answer.status_code == 400
    body = answer.json()
    assert body["code"] == "email_unavailable"
    assert body["detail"] == "This address cannot be used. Use another address for this person."
    assert "Dupont" not in answer.content.decode()
    assert not User.objects.filter(company=admin.company, name="Twin").exists()


@pytest.mark.parametrize("address", [LOUIS, *LOOK_ALIKES])
def test_adding_a_look_alike_of_ones_own_member_says_so(admin, api_for, address):
    UserFactory(email=LOUIS, company=admin.company)
    answer = add(api_for(admin), admin.company, address)
    assert answer.status_code == 400
    assert answer.json()["code"] == "email_taken"


def test_member_adds_are_limited_per_company(admin, api_for, settings):
    settings.MEMBER_ADD_PER_COMPANY_PER_HOUR = 2
    client = api_for(admin)
    assert add(client, admin.company, "a1@example.com").status_code == 201
    assert add(client, admin.company, "taken@x.example").status_code in (201, 400)
    refused = add(client, admin.company, "a3@example.com")
    assert refused.status_code == 429
    assert refused.json()["code"] == "throttled"
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert not User.objects.filter(email="a3@example.com").exists()
    # Another company is not affected.
    other = AdminFactory()
    assert add(api_for(other), other.company, "b1@example.com").status_code == 201


def test_the_members_page_shows_the_limit(client, admin, settings):
    settings.MEMBER_ADD_PER_COMPANY_PER_HOUR = 0
    client.force_login(admin)
    page = client.post(
        "/members/", {"name": "Z", "email": "z@example.com", "role": "member", "language": "en"}
    )
    assert page.status_code == 429 and "Too many requests. Try again in" in page.content.decode()


# --- partner requests and Contact -------------------------------------------------------------


@pytest.fixture
def sender(api_for):
    return api_for(AdminFactory(company=CompanyFactory(name="Sender GmbH")))


def test_cancel_and_send_again_cannot_bypass_the_send_limits(sender):
    # The review: cancel + send again gave 3 emails in seconds.
    reseller_company = CompanyFactory(name="Target Reseller", kind="reseller")
    AdminFactory(company=reseller_company)
    answers = []
    for _ in range(3):
        sent = sender.post(
            "/api/v1/invitations/",
            {"to_company": str(reseller_company.pk), "message": "x" * 2000},
            format="json",
        )
        answers.append(sent.status_code)
        if sent.status_code == 201:
            sender.post(f"/api/v1/invitations/{sent.json()['id']}/cancel/")
    assert answers == [201, 201, 429]
    assert Invitation.objects.filter(to_company=reseller_company).count() == 2


def test_the_daily_send_limit_counts_too(sender, settings):
    settings.INVITATION_SENDS_PER_COMPANY_PER_HOUR = 10
    settings.INVITATION_SENDS_PER_COMPANY_PER_DAY = 1
    target = CompanyFactory(kind="reseller")
    first = sender.post("/api/v1/invitations/", {"to_company": str(target.pk)}, format="json")
    sender.post(f"/api/v1/invitations/{first.json()['id']}/cancel/")
    refused = sender.post("/api/v1/invitations/", {"to_company": str(target.pk)}, format="json")
    assert refused.status_code == 429
    assert is_the_daily_wait(refused["Retry-After"])


def test_contact_messages_are_limited_per_person(api_for, settings):
    settings.PARTNER_MESSAGES_PER_PERSON_PER_HOUR = 2
    link = PartnerLinkFactory()
    writer = api_for(AdminFactory(company=link.company))
    answers = [
        writer.post("/api/v1/partner/messages/", {"text": f"Hello {n}"}, format="json")
        for n in range(3)
    ]
    assert [answer.status_code for answer in answers] == [201, 201, 429]
    assert answers[2].json()["code"] == "throttled"
    assert PartnerMessage.objects.count() == 2


# --- directory --------------------------------------------------------------------------------


def test_the_directory_api_is_for_admins_only(api_for, member):
    answer = api_for(member).get("/api/v1/resellers/?search=mu")
    assert answer.status_code == 403
    assert answer.json()["code"] == "admin_required"


@pytest.mark.parametrize("search", ["", "m", "  m  ", "\u0301"])
def test_the_directory_api_needs_two_characters(api_for, admin, search):
    answer = api_for(admin).get("/api/v1/resellers/", {"search": search})
    assert answer.status_code == 400
    assert answer.json()["code"] == "search_too_short"


def test_the_directory_is_throttled_per_person(api_for, admin, settings, client):
    settings.DIRECTORY_SEARCHES_PER_PERSON_PER_MINUTE = 2
    api = api_for(admin)
    answers = [api.get("/api/v1/resellers/?search=mu") for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert 0 < int(answers[2]["Retry-After"]) <= 60
    # The page's search list says so too.
    client.force_login(admin)
    page = client.get("/partner/directory/?q=mu").content.decode()
    assert "Too many searches; try again in" in page
    other = AdminFactory()
    assert api_for(other).get("/api/v1/resellers/?search=mu").status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/companies/{company_id}/members/"),
        ("get", "/api/v1/resellers/"),
        ("get", "/api/v1/distributors/"),
        ("post", "/api/v1/partner/messages/"),
        ("post", "/api/v1/customers/{company_id}/messages/"),
        ("post", "/api/v1/invitations/"),
        ("post", "/api/v1/customer-offers/"),
    ],
)
def test_the_schema_declares_the_429_of_every_limited_operation(client, method, path):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    responses = schema["paths"][path][method]["responses"]
    assert "429" in responses
    if path.endswith(("resellers/", "distributors/")):
        assert "403" in responses
