"""Who an event is recorded for: the rows written in the change's transaction (delivering them is
tested in test_delivery.py)."""

from __future__ import annotations

import pytest

from licensing import services as licensing
from partners import services as partners
from tests.factories import AdminFactory, CompanyFactory, OperatorFactory, ResellerFactory
from webhooks.models import Endpoint, Event

pytestmark = pytest.mark.django_db


def listening(company) -> Endpoint:
    return Endpoint.objects.create(
        company=company, url="https://hooks.example/in", events=["*"], secret="whsec_x"
    )


def types_for(company) -> list[str]:
    return list(
        Event.objects.filter(company=company).order_by("created_at").values_list("type", flat=True)
    )


@pytest.fixture
def linked():
    customer_admin = AdminFactory(company=CompanyFactory(name="Acme"))
    reseller_admin = AdminFactory(company=ResellerFactory(name="Resell"))
    invitation = partners.invitation_send(
        actor=customer_admin, to_company_id=reseller_admin.company_id
    )
    partners.invitation_accept(actor=reseller_admin, invitation_id=invitation.pk)
    listening(customer_admin.company)
    listening(reseller_admin.company)
    return customer_admin, reseller_admin


def test_a_former_reseller_hears_nothing_more_of_the_subscriptions(linked):
    customer_admin, reseller_admin = linked
    subscription = licensing.subscription_create(
        actor=reseller_admin, company=customer_admin.company, offer="business", quantity=5
    )
    assert "subscription.created" in types_for(reseller_admin.company)
    partners.partner_link_end(actor=customer_admin, company=customer_admin.company)
    licensing.subscription_terminate(actor=OperatorFactory(), subscription_id=subscription.pk)
    assert "subscription.terminated" in types_for(customer_admin.company)
    assert "subscription.terminated" not in types_for(reseller_admin.company)
