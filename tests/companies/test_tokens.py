from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from companies import services
from companies.models import ApiToken, hash_token
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def bearer(raw: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


def test_sign_in_for_a_token_and_use_it(admin):
    response = APIClient().post(
        "/api/v1/auth/token/", {"email": admin.email.upper(), "password": PASSWORD}, format="json"
    )
    assert response.status_code == 201
    raw = response.json()["token"]
    assert response.json()["expires_at"]
    assert bearer(raw).get("/api/v1/me/").json()["email"] == admin.email


def test_bad_credentials_get_the_same_answer_whether_the_email_exists_or_not(admin):
    client = APIClient()
    wrong_password = client.post(
        "/api/v1/auth/token/", {"email": admin.email, "password": "nope"}, format="json"
    )
    unknown_email = client.post(
        "/api/v1/auth/token/", {"email": "ghost@example.com", "password": "nope"}, format="json"
    )
    assert wrong_password.status_code == unknown_email.status_code == 400
    assert wrong_password.json() == unknown_email.json()
    assert not ApiToken.objects.exists()


def test_token_is_stored_hashed_only(admin):
    token, raw = services.api_token_create(user=admin, name="ci", expires_at=None)
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == hash_token(raw)
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert all(raw not in str(value) for value in row.values())


def test_revoked_token_is_refused(admin):
    token, raw = services.api_token_create(user=admin, name="ci", expires_at=None)
    assert bearer(raw).get("/api/v1/me/").status_code == 200
    services.api_token_revoke(user=admin, token_id=token.pk)
    response = bearer(raw).get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_expired_token_is_refused(admin):
    token, raw = services.api_token_create(
        user=admin, name="ci", expires_at=timezone.now() + timedelta(hours=1)
    )
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert bearer(raw).get("/api/v1/me/").status_code == 401


def test_token_of_a_deactivated_member_is_refused(admin, member):
    _token, raw = services.api_token_create(user=member, name="ci", expires_at=None)
    services.member_deactivate(actor=admin, company=admin.company, member_id=member.pk)
    assert bearer(raw).get("/api/v1/me/").status_code == 401


def test_unknown_token_is_refused(db):
    assert bearer("ra_deadbeef_nothing").get("/api/v1/me/").status_code == 401


def test_anonymous_requests_are_refused(db):
    response = APIClient().get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_session_auth_works_for_the_browser(client, admin):
    client.force_login(admin)
    assert client.get("/api/v1/me/").json()["email"] == admin.email


def test_expiry_in_the_past_is_refused(admin):
    from rainbow_admin.errors import InvalidInput

    with pytest.raises(InvalidInput):
        services.api_token_create(
            user=admin, name="ci", expires_at=timezone.now() - timedelta(days=1)
        )
    assert not ApiToken.objects.exists()


def test_api_answers_in_the_token_holders_language(admin, api_for):
    admin.language = "de"
    admin.save(update_fields=["language"])
    response = api_for(admin).get("/api/v1/companies/not-a-uuid/")
    assert response.status_code == 400
    assert response.json()["detail"] == "„not-a-uuid“ ist keine gültige ID."
    assert response["Content-Language"] == "de"
