"""The operators' Django admin cannot bypass the rules the portal's services keep."""

import pytest

from companies.models import Company
from tests.factories import AdminFactory, CompanyFactory, OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator_client(client):
    client.force_login(OperatorFactory(is_superuser=True))
    return client


def test_a_company_persons_company_role_and_activity_are_not_editable(operator_client):
    company = CompanyFactory()
    AdminFactory(company=company)
    member = UserFactory(company=company, name="Max Member")
    page = operator_client.get(f"/admin/companies/user/{member.pk}/change/").content.decode()
    assert 'name="name"' in page
    for field in ("company", "role", "is_active"):
        assert f'name="{field}"' not in page, field
    response = operator_client.post(
        f"/admin/companies/user/{member.pk}/change/",
        {
            "email": member.email,
            "name": "Max Renamed",
            "language": "de",
            "company": str(CompanyFactory().pk),
            "role": "admin",
            "is_active": "",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    member.refresh_from_db()
    assert member.name == "Max Renamed"
    assert (member.company, member.role, member.is_active) == (company, "member", True)


def test_an_operators_own_account_stays_editable(operator_client):
    other = OperatorFactory()
    page = operator_client.get(f"/admin/companies/user/{other.pk}/change/").content.decode()
    assert 'name="is_active"' in page


def test_a_companys_kind_is_fixed_once_it_exists(operator_client):
    company = CompanyFactory(kind=Company.Kind.CUSTOMER)
    page = operator_client.get(f"/admin/companies/company/{company.pk}/change/").content.decode()
    assert 'name="name"' in page and 'name="kind"' not in page
    assert 'name="kind"' in operator_client.get("/admin/companies/company/add/").content.decode()
