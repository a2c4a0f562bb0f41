import pytest
from rest_framework.test import APIClient

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def token_request(email: str, password: str):
    return APIClient().post(
        "/api/v1/auth/token/", {"email": email, "password": password}, format="json"
    )


def test_repeated_failures_lock_the_address_even_for_the_right_password(admin, settings):
    settings.SIGN_IN_MAX_FAILURES = 3
    for _ in range(3):
        assert token_request(admin.email, "wrong").status_code == 400
    locked = token_request(admin.email, PASSWORD)
    assert locked.status_code == 429
    assert locked.json()["code"] == "sign_in_locked"
    assert int(locked["Retry-After"]) == 15 * 60


def test_a_success_resets_the_failure_count(admin, settings):
    settings.SIGN_IN_MAX_FAILURES = 3
    token_request(admin.email, "wrong")
    token_request(admin.email, "wrong")
    assert token_request(admin.email, PASSWORD).status_code == 201
    token_request(admin.email, "wrong")
    token_request(admin.email, "wrong")
    assert token_request(admin.email, PASSWORD).status_code == 201


def test_lockout_is_per_address(admin, member, settings):
    settings.SIGN_IN_MAX_FAILURES = 2
    token_request(admin.email, "wrong")
    token_request(admin.email, "wrong")
    assert token_request(member.email, PASSWORD).status_code == 201


def test_sign_in_page_tells_a_locked_out_person_to_wait(client, admin, settings):
    settings.SIGN_IN_MAX_FAILURES = 2
    for _ in range(2):
        client.post("/accounts/login/", {"username": admin.email, "password": "wrong"})
    response = client.post("/accounts/login/", {"username": admin.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_in_page_signs_in(client, admin):
    response = client.post(
        "/accounts/login/", {"username": admin.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
