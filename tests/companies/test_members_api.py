import json

import pytest

from companies.models import User
from notifications.models import OutboundEmail
from tests.factories import AdminFactory, CompanyFactory, OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


def members_url(company) -> str:
    return f"/api/v1/companies/{company.pk}/members/"


def test_admin_lists_own_members(admin, member, api_for):
    response = api_for(admin).get(members_url(admin.company))
    assert response.status_code == 200
    assert {row["email"] for row in response.json()["results"]} == {admin.email, member.email}


def test_admin_cannot_see_another_companys_people(admin, api_for):
    other = AdminFactory()
    response = api_for(admin).get(members_url(other.company))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert other.email not in response.content.decode()


def test_admin_cannot_add_people_to_another_company(admin, api_for):
    other_company = CompanyFactory()
    body = {"email": "intruder@example.com", "name": "Intruder", "role": "admin", "language": "en"}
    response = api_for(admin).post(members_url(other_company), body, format="json")
    assert response.status_code == 404
    assert not User.objects.filter(email="intruder@example.com").exists()


def test_company_detail_of_another_company_is_not_found(admin, api_for):
    response = api_for(admin).get(f"/api/v1/companies/{CompanyFactory().pk}/")
    assert response.status_code == 404


def test_member_cannot_add_people(member, api_for):
    body = {"email": "new@example.com", "name": "New", "role": "member", "language": "en"}
    response = api_for(member).post(members_url(member.company), body, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "not_company_admin"
    assert not User.objects.filter(email="new@example.com").exists()


def test_member_cannot_list_people(member, api_for):
    assert api_for(member).get(members_url(member.company)).status_code == 403


def test_admin_adds_member_who_gets_an_activation_email(
    admin, api_for, django_capture_on_commit_callbacks
):
    body = {
        "email": "New.Person@Example.com",
        "name": "New Person",
        "role": "member",
        "language": "de",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = api_for(admin).post(members_url(admin.company), body, format="json")
    assert response.status_code == 201, response.content
    created = User.objects.get(email="new.person@example.com")
    assert response.json()["status"] == "invited"
    assert not created.is_active and not created.has_usable_password()
    email = OutboundEmail.objects.get(to="new.person@example.com")
    assert email.language == "de"
    assert "Aktivieren" in email.subject
    assert email.status == OutboundEmail.Status.SENT


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (
            {"email": "dup@example.com", "name": "Dup", "role": "member", "language": "en"},
            "email_taken",
        ),
        (
            {"email": "x@example.com", "name": "X", "role": "member", "language": "es"},
            "invalid_choice",
        ),
        ({"email": "x@example.com", "name": "   ", "role": "member", "language": "en"}, "blank"),
        ({"email": "not-an-email", "name": "X", "role": "member", "language": "en"}, "invalid"),
        (
            {"email": "x@example.com", "name": "X", "role": "boss", "language": "en"},
            "invalid_choice",
        ),
        ({"name": "X"}, "required"),
    ],
)
def test_bad_member_input_is_refused_and_writes_nothing(admin, api_for, body, code):
    UserFactory(email="dup@example.com", company=admin.company)
    users_before = User.objects.count()
    response = api_for(admin).post(members_url(admin.company), body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["code"] == code
    assert response.json()["detail"]
    assert User.objects.count() == users_before
    assert not OutboundEmail.objects.exists()


def test_malformed_json_is_a_clear_400(admin, api_for):
    response = api_for(admin).generic(
        "POST", members_url(admin.company), '{"email": ', content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The request body is not valid JSON.",
        "code": "malformed_body",
    }


def test_json_that_is_not_an_object_is_refused(admin, api_for):
    response = api_for(admin).generic(
        "POST", members_url(admin.company), json.dumps(["a"]), content_type="application/json"
    )
    assert response.status_code == 400


def test_malformed_company_id_is_a_400(admin, api_for):
    response = api_for(admin).get("/api/v1/companies/not-a-uuid/members/")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_id"


def test_only_operators_set_a_password(admin, api_for):
    body = {
        "email": "p@example.com",
        "name": "P",
        "role": "member",
        "language": "en",
        "password": "Sup3r-secret-pw",
    }
    response = api_for(admin).post(members_url(admin.company), body, format="json")
    assert response.status_code == 403
    assert not User.objects.filter(email="p@example.com").exists()


def test_operator_creates_company_and_an_active_member(api_for):
    operator = OperatorFactory()
    client = api_for(operator)
    response = client.post(
        "/api/v1/companies/",
        {"name": "Télé Sud", "kind": "reseller", "country": "fr"},
        format="json",
    )
    assert response.status_code == 201, response.content
    company = response.json()
    assert company["country"] == "FR" and company["kind"] == "reseller"
    body = {
        "email": "boss@telesud.example",
        "name": "Boss",
        "role": "admin",
        "language": "fr",
        "password": "Sup3r-secret-pw",
    }
    response = client.post(f"/api/v1/companies/{company['id']}/members/", body, format="json")
    assert response.status_code == 201
    assert User.objects.get(email="boss@telesud.example").is_active


def test_company_admin_cannot_create_companies(admin, api_for):
    response = api_for(admin).post(
        "/api/v1/companies/", {"name": "X", "kind": "reseller", "country": "FR"}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["code"] == "operator_required"


def test_bad_country_is_refused(api_for):
    response = api_for(OperatorFactory()).post(
        "/api/v1/companies/", {"name": "X", "kind": "customer", "country": "XX"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_country"


def test_me_describes_the_signed_in_person(admin, api_for):
    data = api_for(admin).get("/api/v1/me/").json()
    assert data["email"] == admin.email
    assert data["role"] == "admin"
    assert data["company"] == {
        "id": str(admin.company.pk),
        "name": admin.company.name,
        "kind": "customer",
    }


def test_members_list_costs_a_fixed_number_of_queries(
    admin, api_for, django_assert_max_num_queries
):
    client = api_for(admin)
    UserFactory.create_batch(3, company=admin.company)
    with django_assert_max_num_queries(6) as few:
        client.get(members_url(admin.company))
    UserFactory.create_batch(40, company=admin.company)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(members_url(admin.company)).status_code == 200
