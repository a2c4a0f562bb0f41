"""Review findings on sign-in (issue 18): one throttle on every path, look-alikes share it,
spraying from one client is slowed, and strangers cannot keep the owner out."""

import time
from datetime import timedelta

import pytest
from django.test import Client
from rest_framework.test import APIClient

from companies.models import User
from tests.factories import PASSWORD, OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db

# "louis.member@dupont.example" with its name in full-width letters (U+FF4C …).
FULL_WIDTH_LOUIS = "".join(chr(ord(ch) + 0xFEE0) for ch in "louis") + ".member@dupont.example"


def token(email: str, password: str, address: str = "203.0.113.7"):
    return APIClient(REMOTE_ADDR=address).post(
        "/api/v1/auth/token/", {"email": email, "password": password}, format="json"
    )


def admin_login(client: Client, email: str, password: str):
    return client.post("/admin/login/?next=/admin/", {"username": email, "password": password})


@pytest.fixture
def operator():
    return OperatorFactory(email="olivia.operator@rainbow.example")


def test_the_operator_cannot_be_brute_forced_at_the_admin_login(operator):
    # The review: 10 wrong API sign-ins, then 12 wrong admin logins, then the right password.
    api_answers = [token(operator.email, "wrong").status_code for _ in range(10)]
    assert api_answers[:5] == [400] * 5 and 429 in api_answers
    browser = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(12):
        page = admin_login(browser, operator.email, "wrong")
        assert page.status_code == 200
        assert "Too many failed sign-ins" in page.content.decode()
    page = admin_login(browser, operator.email, PASSWORD)
    assert "Too many failed sign-ins. Try again in" in page.content.decode()
    assert "_auth_user_id" not in browser.session


def test_failures_at_the_admin_login_slow_the_api_too(operator, settings):
    settings.SIGN_IN_FREE_FAILURES = 3
    browser = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(3):
        page = admin_login(browser, operator.email, "wrong")
        assert "Please enter the correct email address and password" in page.content.decode()
    refused = token(operator.email, PASSWORD)
    assert refused.status_code == 429
    assert refused.json()["code"] == "sign_in_locked"
    assert int(refused["Retry-After"]) in (29, 30)


def test_the_admin_login_still_signs_the_operator_in(operator):
    browser = Client(REMOTE_ADDR="203.0.113.7")
    page = admin_login(browser, operator.email, PASSWORD)
    assert page.status_code == 302 and page["Location"] == "/admin/"


@pytest.mark.parametrize(
    "look_alike",
    [
        "lou\u0131s.member@dupont.example",  # U+0131 dotless i
        "loui\u017f.member@dupont.example",  # U+017F long s
        FULL_WIDTH_LOUIS,  # full-width letters
        "LOUIS.Member@Dupont.Example",
    ],
)
def test_a_look_alike_address_counts_on_the_same_person(look_alike, settings):
    settings.SIGN_IN_FREE_FAILURES = 10
    louis = UserFactory(email="louis.member@dupont.example")
    for _ in range(10):
        assert token(louis.email, "wrong").status_code == 400
    refused = token(look_alike, PASSWORD)
    assert refused.status_code == 429, look_alike
    page = Client(REMOTE_ADDR="203.0.113.7").post(
        "/accounts/login/", {"username": look_alike, "password": PASSWORD}
    )
    assert "Too many failed sign-ins" in page.content.decode()


def test_failures_of_a_look_alike_count_on_the_person_it_imitates(settings):
    settings.SIGN_IN_FREE_FAILURES = 3
    louis = UserFactory(email="louis.member@dupont.example")
    for variant in ["lou\u0131s.member@dupont.example", "loui\u017f.member@dupont.example"]:
        token(variant, "wrong")
    token(FULL_WIDTH_LOUIS, "wrong")
    assert token(louis.email, PASSWORD).status_code == 429


def test_password_spraying_from_one_client_is_slowed():
    # The review: 12 failures on 12 accounts from one client, no 429.
    people = [UserFactory() for _ in range(13)]
    answers = [token(person.email, "wrong").status_code for person in people[:12]]
    assert answers[:10] == [400] * 10
    assert answers[10:] == [429, 429]
    assert token(people[12].email, PASSWORD).status_code == 429
    # Another network is not slowed by it.
    assert token(people[12].email, PASSWORD, address="198.51.100.9").status_code == 201


def test_spraying_from_one_subnet_is_slowed(settings):
    settings.SIGN_IN_FREE_FAILURES_PER_SUBNET = 6
    people = [UserFactory() for _ in range(7)]
    for number, person in enumerate(people[:6]):
        assert token(person.email, "wrong", address=f"203.0.113.{number + 1}").status_code == 400
    assert token(people[6].email, PASSWORD, address="203.0.113.200").status_code == 429


def test_strangers_cannot_keep_the_owner_out(operator):
    # The owner signed in from their office address before.
    assert token(operator.email, PASSWORD, address="192.0.2.10").status_code == 201
    # Strangers fail 40 times from 40 networks.
    for number in range(40):
        token(operator.email, "wrong", address=f"198.51.{number}.1")
    # From the office: at once.
    assert token(operator.email, PASSWORD, address="192.0.2.10").status_code == 201
    # From a new address: a short wait at most (SIGN_IN_MAX_DELAY_PER_PERSON), never 15 minutes.
    refused = token(operator.email, PASSWORD, address="192.0.2.99")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) <= 5 * 60


def test_one_stranger_hammering_one_account_waits_ever_longer_alone(operator, settings):
    settings.SIGN_IN_FREE_FAILURES = settings.SIGN_IN_FREE_FAILURES_PER_PERSON = 2
    settings.SIGN_IN_FIRST_DELAY = timedelta(seconds=0.1)
    settings.SIGN_IN_MAX_DELAY_PER_PERSON = timedelta(seconds=0.2)
    stranger = "198.51.100.66"
    assert token(operator.email, "wrong", address=stranger).status_code == 400
    for wait in [0, 0.15, 0.25, 0.45, 0.85]:
        time.sleep(wait)
        assert token(operator.email, "wrong", address=stranger).status_code == 400
    # The stranger's own wait has doubled to 1.6 s; the owner's (from a new address) stays short.
    assert token(operator.email, "wrong", address=stranger).status_code == 429
    time.sleep(0.25)
    assert token(operator.email, "wrong", address=stranger).status_code == 429
    assert token(operator.email, PASSWORD, address="192.0.2.99").status_code == 201


def test_the_django_admin_refuses_a_look_alike_of_an_existing_address(client):
    client.force_login(OperatorFactory(is_superuser=True))
    louis = UserFactory(email="louis.member@dupont.example")
    page = client.post(
        "/admin/companies/user/add/",
        {
            "email": "lou\u0131s.member@dupont.example",
            "name": "Twin",
            "company": str(louis.company_id),
            "role": "member",
            "password1": "a-Long-enough-pass-42",
            "password2": "a-Long-enough-pass-42",
        },
    )
    assert page.status_code == 200
    assert "This address, or one that looks like it, is already used." in page.content.decode()
    assert not User.objects.filter(name="Twin").exists()


def test_addresses_are_stored_in_one_form(company):
    person = User.objects.create_user(
        "".join(chr(ord(ch) + 0xFEE0) for ch in "Louis") + ".Member@Dupont.Example",
        name="Louis",
        company=company,
    )
    assert person.email == "louis.member@dupont.example"
    assert person.email_skeleton == "louis.member@dupont.example"


def test_the_old_password_on_the_profile_counts_on_the_same_throttle(admin, settings):
    settings.SIGN_IN_FREE_FAILURES = 2
    session = Client(REMOTE_ADDR="203.0.113.7")
    session.force_login(admin)

    def change(old: str):
        return session.post(
            "/profile/",
            {
                "form": "password",
                "old_password": old,
                "new_password1": "brand-New-pass-77",
                "new_password2": "brand-New-pass-77",
            },
        )

    for _ in range(2):
        assert "Your old password was entered incorrectly" in change("wrong").content.decode()
    assert "Too many failed sign-ins. Try again in" in change(PASSWORD).content.decode()
    admin.refresh_from_db()
    assert admin.check_password(PASSWORD)
    # The same wait holds on the API sign-in from that address.
    assert token(admin.email, PASSWORD).status_code == 429


def test_the_old_password_changes_the_password_when_right(admin):
    session = Client(REMOTE_ADDR="203.0.113.7")
    session.force_login(admin)
    answer = session.post(
        "/profile/",
        {
            "form": "password",
            "old_password": PASSWORD,
            "new_password1": "brand-New-pass-77",
            "new_password2": "brand-New-pass-77",
        },
    )
    assert answer.status_code == 302
    admin.refresh_from_db()
    assert admin.check_password("brand-New-pass-77")


def test_a_sign_in_costs_the_same_queries_whether_the_address_exists_or_not(operator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as unknown:
        assert token("nobody@example.com", "wrong").status_code == 400
    with CaptureQueriesContext(connection) as known:
        assert token(operator.email, "wrong").status_code == 400
    assert len(unknown) == len(known) == 1  # the person, found by address or look-alike
