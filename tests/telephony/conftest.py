import pytest

from tests.factories import AdminFactory, PartnerLinkFactory, ResellerFactory, UserFactory
from tests.telephony.factories import CloudPbxFactory


@pytest.fixture
def reseller_admin(db):
    return AdminFactory(company=ResellerFactory())


@pytest.fixture
def link(company, reseller_admin):
    return PartnerLinkFactory(company=company, partner=reseller_admin.company)


@pytest.fixture
def cloud(company):
    return CloudPbxFactory(company=company)


@pytest.fixture
def member(company):
    return UserFactory(company=company, name="Mia Member")
