"""Two-factor through the API: enrol, confirm, token with ``otp``, codes once, policy, throttle."""

import time

import pyotp
import pytest
from rest_framework.test import APIClient

from companies.models import Company, RecoveryCode
from notifications.models import ActivityRecord, OutboundEmail
from tests.factories import PASSWORD, CompanyFactory, UserFactory

pytestmark = pytest.mark.django_db


def enrol(client) -> tuple[pyotp.TOTP, list[str]]:
    """Set up and confirm an authenticator; returns it and the recovery codes."""
    started = client.post("/api/v1/me/two-factor/totp/")
    assert started.status_code == 201
    totp = pyotp.TOTP(started.json()["secret"])
    confirmed = client.post(
        "/api/v1/me/two-factor/totp/confirm/", {"code": totp.now()}, format="json"
    )
    assert confirmed.status_code == 200, confirmed.json()
    return totp, confirmed.json()["recovery_codes"]


def token(user, otp=None):
    body = {"email": user.email, "password": PASSWORD}
    if otp is not None:
        body["otp"] = otp
    return APIClient().post("/api/v1/auth/token/", body, format="json")


def test_enrol_gives_an_rfc_6238_secret_not_active_until_confirmed(admin, api_for):
    client = api_for(admin)
    started = client.post("/api/v1/me/two-factor/totp/")
    assert started.status_code == 201
    assert started["Cache-Control"].startswith("max-age=0")
    body = started.json()
    url = body["otpauth_url"]
    assert url.startswith("otpauth://totp/Rainbow%20Admin%3A")
    assert "algorithm=SHA1" in url and "digits=6" in url and "period=30" in url
    assert f"secret={body['secret']}" in url
    # Not active yet: the token needs no code, the state says off.
    assert client.get("/api/v1/me/two-factor/").json() == {
        "enabled": False,
        "methods": [],
        "recovery_codes_left": 0,
        "required": False,
    }
    assert token(admin).status_code == 201


def test_confirm_with_a_wrong_code_is_refused(admin, api_for):
    client = api_for(admin)
    secret = client.post("/api/v1/me/two-factor/totp/").json()["secret"]
    wrong = str((int(pyotp.TOTP(secret).now()) + 1) % 1_000_000).zfill(6)
    response = client.post("/api/v1/me/two-factor/totp/confirm/", {"code": wrong}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "otp_invalid"
    assert client.get("/api/v1/me/two-factor/").json()["enabled"] is False


def test_confirm_without_starting_is_a_conflict(admin, api_for):
    response = api_for(admin).post(
        "/api/v1/me/two-factor/totp/confirm/", {"code": "123456"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "two_factor_not_started"


def test_confirm_turns_it_on_with_ten_hashed_recovery_codes_an_email_and_an_entry(admin, api_for):
    client = api_for(admin)
    _totp, codes = enrol(client)
    assert len(codes) == len(set(codes)) == 10
    stored = set(RecoveryCode.objects.filter(user=admin).values_list("code_hash", flat=True))
    assert (
        len(stored) == 10
        and not stored & {c.replace("-", "") for c in codes}
        and not (stored & set(codes))
    )
    assert client.get("/api/v1/me/two-factor/").json() == {
        "enabled": True,
        "methods": ["totp"],
        "recovery_codes_left": 10,
        "required": False,
    }
    email = OutboundEmail.objects.get(to=admin.email)
    assert email.subject == "Two-factor sign-in is on"
    assert ActivityRecord.objects.filter(company=admin.company, verb="two_factor.enabled").exists()
    # Once on, a second set-up is refused.
    assert client.post("/api/v1/me/two-factor/totp/").json()["code"] == "two_factor_enabled"


def test_token_without_otp_then_with_a_wrong_one_then_with_the_right_one(admin, api_for):
    totp, _codes = enrol(api_for(admin))
    without = token(admin)
    assert without.status_code == 400
    assert without.json()["code"] == "otp_required"
    wrong = token(admin, "000000" if totp.now() != "000000" else "111111")
    assert wrong.status_code == 400
    assert wrong.json()["code"] == "otp_invalid"
    # The confirmation used this step's code: the next step's (one step of drift) signs in.
    right = token(admin, totp.at(time.time() + 30))
    assert right.status_code == 201, right.json()
    assert (
        APIClient(headers={"Authorization": f"Bearer {right.json()['token']}"})
        .get("/api/v1/me/")
        .json()["email"]
        == admin.email
    )


def test_a_code_is_usable_once(admin, api_for):
    totp, _codes = enrol(api_for(admin))
    code = totp.at(time.time() + 30)
    assert token(admin, code).status_code == 201
    again = token(admin, code)
    assert again.status_code == 400
    assert again.json()["code"] == "otp_invalid"


def test_a_code_two_steps_away_is_refused(admin, api_for):
    totp, _codes = enrol(api_for(admin))
    response = token(admin, totp.at(time.time() + 60))
    assert response.status_code == 400
    assert response.json()["code"] == "otp_invalid"


def test_a_recovery_code_works_once_and_the_person_is_told(admin, api_for):
    client = api_for(admin)
    _totp, codes = enrol(client)
    assert token(admin, codes[3].upper()).status_code == 201
    again = token(admin, codes[3])
    assert again.status_code == 400
    assert again.json()["code"] == "otp_invalid"
    assert client.get("/api/v1/me/two-factor/").json()["recovery_codes_left"] == 9
    used = OutboundEmail.objects.get(to=admin.email, subject="A recovery code was used")
    assert "9 recovery codes are left." in used.body_text
    assert ActivityRecord.objects.filter(verb="two_factor.recovery_code_used").count() == 1


def test_new_recovery_codes_replace_the_old_ones(admin, api_for):
    client = api_for(admin)
    totp, codes = enrol(client)
    response = client.post(
        "/api/v1/me/two-factor/recovery-codes/",
        {"code": totp.at(time.time() + 30)},
        format="json",
    )
    assert response.status_code == 200
    fresh = response.json()["recovery_codes"]
    assert len(fresh) == 10 and not set(fresh) & set(codes)
    assert token(admin, codes[0]).json()["code"] == "otp_invalid"
    assert token(admin, fresh[0]).status_code == 201


def test_turn_off_with_a_code(admin, api_for):
    client = api_for(admin)
    totp, _codes = enrol(client)
    wrong = client.delete("/api/v1/me/two-factor/", {"code": "12345"}, format="json")
    assert wrong.status_code == 400
    assert wrong.json()["code"] == "otp_invalid"
    response = client.delete(
        "/api/v1/me/two-factor/", {"code": totp.at(time.time() + 30)}, format="json"
    )
    assert response.status_code == 204
    assert client.get("/api/v1/me/two-factor/").json()["enabled"] is False
    assert not RecoveryCode.objects.filter(user=admin).exists()
    assert token(admin).status_code == 201
    off = OutboundEmail.objects.get(to=admin.email, subject="Two-factor sign-in is off")
    assert "was turned off for your account" in off.body_text


@pytest.mark.parametrize(
    ("policy", "covered"),
    [("admins", True), ("everyone", True), ("none", False)],
)
def test_turning_off_is_refused_while_the_policy_requires_it(admin, api_for, policy, covered):
    client = api_for(admin)
    totp, _codes = enrol(client)
    Company.objects.filter(pk=admin.company_id).update(require_two_factor=policy)
    response = client.delete(
        "/api/v1/me/two-factor/", {"code": totp.at(time.time() + 30)}, format="json"
    )
    if covered:
        assert response.status_code == 409
        assert response.json()["code"] == "two_factor_required"
        assert client.get("/api/v1/me/two-factor/").json()["enabled"] is True
    else:
        assert response.status_code == 204


def test_the_policy_blocks_the_api_until_two_factor_is_set_up(admin, member, api_for):
    Company.objects.filter(pk=admin.company_id).update(require_two_factor="admins")
    client = api_for(admin)
    refused = client.get("/api/v1/me/")
    assert refused.status_code == 403
    assert refused.json()["code"] == "two_factor_setup_required"
    # A member is not covered by "admins".
    assert api_for(member).get("/api/v1/me/").status_code == 200
    assert client.get("/api/v1/me/two-factor/").json()["required"] is True
    enrol(client)
    assert client.get("/api/v1/me/").status_code == 200


def test_wrong_codes_are_throttled_with_retry_after_even_with_the_right_password(
    admin, api_for, settings
):
    settings.SIGN_IN_FREE_FAILURES = 3
    totp, _codes = enrol(api_for(admin))
    for _i in range(3):
        assert token(admin, "99999a").json()["code"] == "otp_invalid"
    # The third wrong code started a wait: the right password and code are refused during it.
    refused = token(admin, totp.at(time.time() + 30))
    assert refused.status_code == 429
    assert refused.json()["code"] == "sign_in_locked"
    assert int(refused["Retry-After"]) in (29, 30)


def test_another_companys_person_sees_and_changes_only_their_own(admin, api_for):
    """The routes are the caller's own: nothing names another person, so nothing leaks."""
    totp, _codes = enrol(api_for(admin))
    stranger = UserFactory(company=CompanyFactory())
    client = api_for(stranger)
    assert client.get("/api/v1/me/two-factor/").json()["enabled"] is False
    assert (
        client.delete(
            "/api/v1/me/two-factor/", {"code": totp.at(time.time() + 30)}, format="json"
        ).json()["code"]
        == "two_factor_disabled"
    )
    assert api_for(admin).get("/api/v1/me/two-factor/").json()["enabled"] is True


def test_status_costs_a_fixed_number_of_queries(admin, api_for, django_assert_max_num_queries):
    client = api_for(admin)
    enrol(client)
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/me/two-factor/").status_code == 200


def test_the_code_must_be_sent(admin, api_for):
    response = api_for(admin).post("/api/v1/me/two-factor/totp/confirm/", {}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "required"
