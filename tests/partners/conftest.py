import pytest
from django.utils import translation

from tests.factories import AdminFactory, CompanyFactory, ResellerFactory


@pytest.fixture
def customer(db):
    return CompanyFactory(name="Acme Bürotechnik GmbH")


@pytest.fixture
def customer_admin(customer):
    return AdminFactory(company=customer, name="Anna Admin")


@pytest.fixture
def reseller(db):
    return ResellerFactory(name="Müller Telekom")


@pytest.fixture
def reseller_admin(reseller):
    return AdminFactory(company=reseller, name="Jonas Admin", language="de")


@pytest.fixture(autouse=True)
def _english_by_default():
    """Texts read outside a request are in English, whatever an earlier test left active."""
    with translation.override("en"):
        yield
