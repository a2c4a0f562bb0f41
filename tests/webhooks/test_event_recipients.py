"""Who an event is recorded for: the rows written in the change's transaction (delivering them is
tested in test_delivery.py)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from licensing import services as licensing
from partners import services as partners
from partners.models import PartnerLink
from tests.factories import AdminFactory, CompanyFactory, OperatorFactory, ResellerFactory
from tests.partners.delivery import offer_delivered
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


def test_an_offer_is_an_invitation_sent_event_for_both_sides():
    customer_admin = AdminFactory(company=CompanyFactory(name="Acme"))
    reseller_admin = AdminFactory(company=ResellerFactory(name="Resell"))
    listening(customer_admin.company)
    listening(reseller_admin.company)
    with offer_delivered():  # the customer's side is the worker's, after commit
        partners.customer_offer_send(actor=reseller_admin, email=customer_admin.email)
    assert types_for(customer_admin.company) == ["invitation.sent"]
    assert types_for(reseller_admin.company) == ["invitation.sent"]
    body = json.loads(Event.objects.filter(company=customer_admin.company).get().body)
    sent = body["data"]["invitation"]
    assert sent["status"] == "pending" and sent["from_company"]["name"] == "Resell"


def test_setting_extending_and_dropping_the_scopes_end_are_scopes_changed_events(linked):
    customer_admin, reseller_admin = linked
    customer, reseller = customer_admin.company, reseller_admin.company
    Event.objects.all().delete()
    partners.partner_link_set_scopes_until(
        actor=customer_admin, company=customer, scopes_until=timezone.now() + timedelta(days=10)
    )
    partners.partner_link_extend_scopes(actor=customer_admin, company=customer)
    assert types_for(customer) == types_for(reseller) == ["partner.scopes_changed"] * 2
    PartnerLink.objects.filter(company=customer).update(
        scopes_until=timezone.now() - timedelta(minutes=1)
    )
    assert partners.partner_scopes_drop_due() == 1
    assert types_for(reseller) == ["partner.scopes_changed"] * 3
    last = json.loads(Event.objects.filter(company=reseller).order_by("created_at").last().body)
    assert last["data"]["link"]["scopes"] == []
