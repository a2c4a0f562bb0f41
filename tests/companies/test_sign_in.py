import re
import time
from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def token_request(email: str, password: str, address: str = "127.0.0.1"):
    return APIClient(REMOTE_ADDR=address).post(
        "/api/v1/auth/token/", {"email": email, "password": password}, format="json"
    )


def test_repeated_failures_make_the_next_try_wait_even_for_the_right_password(admin, settings):
    settings.SIGN_IN_FREE_FAILURES = 3
    for _ in range(3):
        assert token_request(admin.email, "wrong").status_code == 400
    refused = token_request(admin.email, PASSWORD)
    assert refused.status_code == 429
    assert refused.json()["code"] == "sign_in_locked"
    assert re.fullmatch(
        r"Too many failed sign-ins\. Try again in (29|30) seconds\.", refused.json()["detail"]
    )
    assert 29 <= int(refused["Retry-After"]) <= 30


def test_the_wait_doubles_with_each_further_failure_up_to_the_cap(admin, settings):
    settings.SIGN_IN_FREE_FAILURES = 2
    settings.SIGN_IN_FIRST_DELAY = timedelta(seconds=0.4)
    settings.SIGN_IN_MAX_DELAY = timedelta(seconds=1.5)
    token_request(admin.email, "wrong")
    token_request(admin.email, "wrong")
    waits = []
    for _ in range(4):
        refused = token_request(admin.email, "wrong")
        assert refused.status_code == 429
        waits.append(int(refused["Retry-After"]))
        time.sleep(float(refused["Retry-After"]) + 0.05)
        # After the wait one more try is allowed (wrong again: the next wait is twice as long).
        assert token_request(admin.email, "wrong").status_code == 400
    # 0.4 s, 0.8 s, 1.5 s (cap), 1.5 s: Retry-After is rounded up to whole seconds.
    assert waits == [1, 1, 2, 2]
    time.sleep(1.6)
    assert token_request(admin.email, PASSWORD).status_code == 201


def test_a_success_resets_the_failure_count(admin, settings):
    settings.SIGN_IN_FREE_FAILURES = 3
    token_request(admin.email, "wrong")
    token_request(admin.email, "wrong")
    assert token_request(admin.email, PASSWORD).status_code == 201
    token_request(admin.email, "wrong")
    token_request(admin.email, "wrong")
    assert token_request(admin.email, PASSWORD).status_code == 201


def test_failures_on_one_address_do_not_slow_another_person(admin, member, settings):
    settings.SIGN_IN_FREE_FAILURES = 2
    token_request(admin.email, "wrong")
    token_request(admin.email, "wrong")
    assert token_request(admin.email, PASSWORD).status_code == 429
    assert token_request(member.email, PASSWORD).status_code == 201


def test_an_unknown_address_is_refused_and_slowed_like_a_known_one(settings):
    settings.SIGN_IN_FREE_FAILURES = 2
    first = token_request("nobody@example.com", "wrong")
    assert first.status_code == 400 and first.json()["code"] == "invalid_credentials"
    token_request("nobody@example.com", "wrong")
    assert token_request("nobody@example.com", "wrong").status_code == 429


def test_sign_in_page_tells_a_slowed_down_person_to_wait(client, admin, settings):
    settings.SIGN_IN_FREE_FAILURES = 2
    for _ in range(2):
        client.post("/accounts/login/", {"username": admin.email, "password": "wrong"})
    response = client.post("/accounts/login/", {"username": admin.email, "password": PASSWORD})
    assert response.status_code == 200
    assert re.search(
        r"Too many failed sign-ins\. Try again in (29|30) seconds\.", response.content.decode()
    )
    assert "_auth_user_id" not in client.session


def test_sign_in_page_signs_in(client, admin):
    response = client.post(
        "/accounts/login/", {"username": admin.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
