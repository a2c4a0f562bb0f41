import pytest
from django.core import mail

from companies import services
from companies.models import User
from notifications.models import OutboundEmail
from tests.factories import AdminFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_members_page_lists_only_own_company(client, admin, member):
    stranger = UserFactory()
    client.force_login(admin)
    page = client.get("/members/").content.decode()
    assert member.email in page
    assert stranger.email not in page


def test_member_cannot_open_members_page(client, member):
    client.force_login(member)
    response = client.get("/members/")
    assert response.status_code == 403
    assert "Only an administrator" in response.content.decode()


def test_adding_a_member_with_a_taken_email_shows_the_error_and_writes_nothing(
    client, admin, member
):
    client.force_login(admin)
    count = User.objects.count()
    response = client.post(
        "/members/", {"name": "Twin", "email": member.email, "role": "member", "language": "en"}
    )
    assert response.status_code == 200
    assert "A member of your company already uses this address" in response.content.decode()
    assert User.objects.count() == count


def test_role_change_of_a_stranger_is_not_found(client, admin):
    stranger = UserFactory(role="admin")
    client.force_login(admin)
    response = client.post(f"/members/{stranger.pk}/role/", {"role": "member"})
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    stranger.refresh_from_db()
    assert stranger.role == "admin"


def test_deactivating_a_stranger_is_not_found(client, admin):
    stranger = UserFactory()
    client.force_login(admin)
    response = client.post(f"/members/{stranger.pk}/deactivate/")
    assert response.status_code == 404
    stranger.refresh_from_db()
    assert stranger.is_active


def test_revoking_somebody_elses_token_is_not_found_and_ones_own_is_told(client, admin, member):
    theirs, _raw = services.api_token_create(user=member, name="Theirs", expires_at=None)
    mine, _raw = services.api_token_create(user=admin, name="Mine", expires_at=None)
    client.force_login(admin)
    assert client.post(f"/profile/tokens/{theirs.pk}/revoke/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
    response = client.post(f"/profile/tokens/{mine.pk}/revoke/", follow=True)
    assert "The token “Mine” was revoked." in response.content.decode()


def test_last_admin_demotion_is_explained_on_the_page(client, admin):
    client.force_login(admin)
    response = client.post(f"/members/{admin.pk}/role/", {"role": "member"}, follow=True)
    assert "last active administrator" in response.content.decode()


def test_sign_up_creates_a_customer_and_its_inactive_admin(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/sign-up/",
            {
                "company_name": "Neue Firma",
                "country": "DE",
                "admin_name": "Nina",
                "email": "nina@neue.example",
                "password": "a-Long-enough-pass-42",
                "language": "de",
            },
        )
    assert response.status_code == 200
    nina = User.objects.get(email="nina@neue.example")
    assert nina.company.kind == "customer" and nina.role == "admin" and not nina.is_active
    assert OutboundEmail.objects.filter(to="nina@neue.example", topic="activation").count() == 1


def test_sign_up_with_a_weak_password_writes_nothing(client):
    response = client.post(
        "/accounts/sign-up/",
        {
            "company_name": "Neue Firma",
            "country": "DE",
            "admin_name": "Nina",
            "email": "nina@neue.example",
            "password": "123",
            "language": "de",
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="nina@neue.example").exists()
    from companies.models import Company

    assert not Company.objects.filter(name="Neue Firma").exists()


def test_password_reset_goes_through_the_outbox(client, admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password-reset/", {"email": admin.email})
    email = OutboundEmail.objects.get(topic="password_reset")
    assert email.to == admin.email and email.status == "sent"
    assert len(mail.outbox) == 1
    # The link is in the email sent; the row keeps none (tests/security/test_secrets_at_rest.py).
    sent = mail.outbox[0].body
    link = next(line for line in sent.splitlines() if "/accounts/reset/" in line).strip()
    path = link.replace("http://testserver", "")
    response = client.get(path, follow=True)
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "brand-New-pass-77", "new_password2": "brand-New-pass-77"},
    )
    assert response.status_code == 302
    admin.refresh_from_db()
    assert admin.check_password("brand-New-pass-77")


def test_profile_changes_name_and_language(client, admin):
    client.force_login(admin)
    client.post("/profile/", {"form": "profile", "name": "Renamed", "language": "fr"})
    admin.refresh_from_db()
    assert (admin.name, admin.language) == ("Renamed", "fr")
    assert "Profil" in client.get("/profile/").content.decode()


def test_api_token_is_shown_once_on_the_profile(client, admin):
    client.force_login(admin)
    page = client.post("/profile/", {"form": "token", "name": "script"}).content.decode()
    token = page.split('id="new-token">')[1].split("<")[0]
    assert token.startswith("ra_")
    assert token not in client.get("/profile/").content.decode()


def test_dashboard_query_count_is_fixed(client, admin, django_assert_max_num_queries):
    client.force_login(admin)
    client.get("/dashboard/")
    with django_assert_max_num_queries(12) as few:
        client.get("/dashboard/")
    UserFactory.create_batch(30, company=admin.company)
    AdminFactory.create_batch(3, company=admin.company)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/dashboard/").status_code == 200


def test_sign_up_picks_no_country_for_the_person(client):
    page = client.get("/accounts/sign-up/").content.decode()
    # The first option asks; no country (Afghanistan, first of the list) is chosen silently.
    assert '<option value="" selected>Choose a country</option>' in page
    response = client.post(
        "/accounts/sign-up/",
        {
            "company_name": "Neue Firma",
            "admin_name": "Nina",
            "email": "nina@neue.example",
            "password": "a-Long-enough-pass-42",
            "language": "de",
        },
    )
    assert "Choose your company&#x27;s country." in response.content.decode()
    assert not User.objects.filter(email="nina@neue.example").exists()
