import pytest

from tests.factories import AdminFactory, PartnerLinkFactory


@pytest.fixture
def link(company):
    """``company``'s active partner link, holding the licensing scope."""
    return PartnerLinkFactory(company=company, scope_licensing=True)


@pytest.fixture
def reseller_admin(link):
    """An admin of ``company``'s partner."""
    return AdminFactory(company=link.partner, name="Rita Reseller", language="en")
