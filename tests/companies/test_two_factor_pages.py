"""Two-factor on the pages: the code step of the sign-in, Profile → Two-factor, the operators'
reset, the policy; a person's passkeys are theirs alone."""

import os
import time

import pyotp
import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from webauthn.helpers import bytes_to_base64url

from companies.models import Company, Passkey, RecoveryCode
from companies.two_factor import services
from notifications.models import ActivityRecord, OutboundEmail
from tests.factories import PASSWORD, AdminFactory, CompanyFactory, OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


def turn_on(user) -> tuple[pyotp.TOTP, list[str]]:
    _device, secret = services.totp_begin(user=user)
    totp = pyotp.TOTP(secret)
    codes = services.totp_confirm(user=user, code=totp.now())
    return totp, codes


def add_passkey(user, name="Laptop") -> Passkey:
    return Passkey.objects.create(
        user=user, name=name, credential_id=bytes_to_base64url(os.urandom(32)), public_key=b"k"
    )


def password_step(client, user, next_url=""):
    url = "/accounts/login/" + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"username": user.email, "password": PASSWORD, "next": next_url})


def test_the_password_alone_does_not_sign_in_when_two_factor_is_on(client):
    admin = AdminFactory()
    totp, _codes = turn_on(admin)
    response = password_step(client, admin, next_url="/members/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/code/"
    assert "_auth_user_id" not in client.session
    assert client.get("/dashboard/")["Location"].startswith("/accounts/login/")
    page = client.get("/accounts/login/code/")
    assert "Enter the 6-digit code" in page.content.decode()
    signed_in = client.post("/accounts/login/code/", {"code": totp.at(time.time() + 30)})
    assert signed_in["Location"] == "/members/"
    assert client.session["_auth_user_id"] == str(admin.pk)
    assert "two_factor_pending" not in client.session


def test_a_wrong_code_is_shown_on_the_form_and_codes_are_throttled(client, settings):
    settings.SIGN_IN_FREE_FAILURES = 2
    admin = AdminFactory()
    totp, _codes = turn_on(admin)
    password_step(client, admin)
    wrong = client.post("/accounts/login/code/", {"code": "123"})
    assert wrong.status_code == 200
    assert "The code is wrong or was already used." in wrong.content.decode()
    client.post("/accounts/login/code/", {"code": "123"})
    refused = client.post("/accounts/login/code/", {"code": totp.at(time.time() + 30)})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) in (29, 30)
    assert "Too many failed sign-ins. Try again in 30 seconds." in refused.content.decode() or (
        "Try again in 29 seconds." in refused.content.decode()
    )
    assert "_auth_user_id" not in client.session


def test_the_code_step_expires(client, settings):
    settings.TWO_FACTOR_PENDING_SECONDS = -1
    admin = AdminFactory()
    turn_on(admin)
    password_step(client, admin)
    response = client.get("/accounts/login/code/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/login/"
    assert "Sign in again: the code was not entered in time." in response.content.decode()


def test_the_code_step_without_a_password_goes_back_to_the_sign_in(client):
    assert client.get("/accounts/login/code/")["Location"] == "/accounts/login/"


def test_a_recovery_code_signs_in_on_the_page(client):
    admin = AdminFactory()
    _totp, codes = turn_on(admin)
    password_step(client, admin)
    response = client.post("/accounts/login/code/", {"code": codes[0]})
    assert response.status_code == 302
    assert RecoveryCode.objects.filter(user=admin, used_at__isnull=False).count() == 1


def test_the_set_up_page_shows_an_svg_qr_code_and_the_key(client):
    admin = AdminFactory()
    client.force_login(admin)
    client.post("/profile/two-factor/", {"form": "start"})
    page = client.get("/profile/two-factor/").content.decode()
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    assert "<svg" in page and "<img" not in page
    assert services.totp_secret(device) in page


def test_someone_elses_passkey_cannot_be_removed(client):
    owner = AdminFactory()
    turn_on(owner)
    passkey = add_passkey(owner)
    stranger = AdminFactory(company=CompanyFactory())
    turn_on(stranger)
    client.force_login(stranger)
    response = client.post(
        "/profile/two-factor/", {"form": "passkey_delete", "passkey": str(passkey.pk)}
    )
    assert response.status_code == 404
    assert Passkey.objects.filter(pk=passkey.pk).exists()
    assert (
        client.post(
            "/profile/two-factor/", {"form": "passkey_delete", "passkey": "not-an-id"}
        ).status_code
        == 404
    )


def test_removing_ones_own_passkey(client):
    owner = AdminFactory()
    totp, _codes = turn_on(owner)
    passkey = add_passkey(owner)
    client.force_login(owner)
    page = client.get("/profile/two-factor/").content.decode()
    assert 'aria-label="Current code to remove the passkey Laptop"' in page
    for code in ("", "123456"):
        refused = client.post(
            "/profile/two-factor/",
            {"form": "passkey_delete", "passkey": str(passkey.pk), "code": code},
            follow=True,
        )
        assert "The code is wrong or was already used." in refused.content.decode()
    assert Passkey.objects.filter(pk=passkey.pk).exists()
    assert not OutboundEmail.objects.filter(topic="two_factor_passkey_changed").exists()
    response = client.post(
        "/profile/two-factor/",
        {"form": "passkey_delete", "passkey": str(passkey.pk), "code": totp.at(time.time() + 30)},
        follow=True,
    )
    assert "The passkey “Laptop” was removed." in response.content.decode()
    assert not Passkey.objects.filter(pk=passkey.pk).exists()
    email = OutboundEmail.objects.get(topic="two_factor_passkey_changed")
    assert email.to == owner.email and email.subject == "A passkey was removed from your account"
    assert "The passkey “Laptop” was removed from your account" in email.body_text
    assert ActivityRecord.objects.filter(verb="two_factor.passkey_removed").exists()


def test_the_page_costs_the_same_queries_with_more_passkeys(client):
    admin = AdminFactory()
    turn_on(admin)
    add_passkey(admin, "One")
    client.force_login(admin)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert client.get("/profile/two-factor/").status_code == 200
    for name in ("Two", "Three", "Four"):
        add_passkey(admin, name)
    with CaptureQueriesContext(connection) as four:
        page = client.get("/profile/two-factor/").content.decode()
    assert "Four" in page
    assert len(four) == len(one)


def test_the_policy_sends_every_page_to_the_set_up(client):
    member = UserFactory()
    Company.objects.filter(pk=member.company_id).update(require_two_factor="everyone")
    client.force_login(member)
    assert client.get("/members/")["Location"] == "/profile/two-factor/"
    assert client.get("/profile/two-factor/").status_code == 200
    refused = client.get("/api/v1/me/")
    assert refused.status_code == 403
    assert refused.json()["code"] == "two_factor_setup_required"
    assert client.post("/accounts/logout/").status_code == 302


def test_an_operator_resets_a_persons_two_factor_in_the_admin(client):
    person = AdminFactory(name="Max Admin", language="de")
    turn_on(person)
    add_passkey(person)
    OutboundEmail.objects.all().delete()
    client.force_login(OperatorFactory(is_superuser=True, name="Olga Operator"))
    response = client.post(
        "/admin/companies/user/",
        {"action": "two_factor_reset_action", "_selected_action": [str(person.pk)]},
        follow=True,
    )
    assert "Two-factor sign-in of 1 person was reset; they were emailed." in (
        response.content.decode()
    )
    assert not services.two_factor_enabled(person)
    assert not Passkey.objects.filter(user=person).exists()
    assert not RecoveryCode.objects.filter(user=person).exists()
    email = OutboundEmail.objects.get(to=person.email)
    assert email.language == "de"
    assert "Ein Betreiber hat die Zwei-Faktor-Anmeldung Ihres Kontos zurückgesetzt" in (
        email.body_text
    )
    record = ActivityRecord.objects.get(verb="two_factor.reset")
    assert record.company_id == person.company_id and record.actor_name == "Olga Operator"


def test_the_admin_login_refuses_the_password_alone_when_two_factor_is_on(client):
    operator = OperatorFactory()
    turn_on(operator)
    page = client.post(
        "/admin/login/?next=/admin/", {"username": operator.email, "password": PASSWORD}
    )
    assert page.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "You have two-factor sign-in on: sign in through the portal" in page.content.decode()
    assert client.get("/admin/").status_code == 302


def test_the_admin_login_still_works_without_two_factor(client):
    operator = OperatorFactory()
    page = client.post(
        "/admin/login/?next=/admin/", {"username": operator.email, "password": PASSWORD}
    )
    assert page.status_code == 302
    assert client.session["_auth_user_id"] == str(operator.pk)


def test_adding_a_passkey_without_a_current_code_is_refused(client):
    owner = AdminFactory()
    turn_on(owner)
    client.force_login(owner)
    page = client.post(
        "/profile/two-factor/",
        {"form": "passkey_add", "name": "Laptop", "code": "000000", "credential": "{}"},
    )
    assert page.status_code == 200
    assert "The code is wrong or was already used." in page.content.decode()
    assert not Passkey.objects.filter(user=owner).exists()
    assert not OutboundEmail.objects.filter(topic="two_factor_passkey_changed").exists()
    missing = client.post("/profile/two-factor/", {"form": "passkey_add", "name": "Laptop"})
    assert "This field is required." in missing.content.decode()
