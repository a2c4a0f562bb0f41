"""Every event type of DESIGN.md reaches a real receiver on loopback through the real worker,
once per change, signed so that ``standardwebhooks`` verifies it."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from companies import services as companies
from licensing import services as licensing
from partners import services as partners
from partners.models import Invitation
from telephony.services import pbx as telephony
from tests.factories import AdminFactory, CompanyFactory, ResellerFactory
from tests.webhooks.conftest import wait_settled
from webhooks import services
from webhooks.events import EVENT_TYPES
from webhooks.models import Delivery

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _lifetime_of_a_customer(customer_admin, reseller_admin):
    """One change of each kind; returns what it did, in order."""
    customer = customer_admin.company
    invitation = partners.invitation_send(
        actor=customer_admin, to_company_id=reseller_admin.company_id
    )
    partners.invitation_decline(actor=reseller_admin, invitation_id=invitation.pk)
    invitation = partners.invitation_send(
        actor=customer_admin, to_company_id=reseller_admin.company_id
    )
    partners.invitation_cancel(actor=customer_admin, invitation_id=invitation.pk)
    invitation = partners.invitation_send(
        actor=customer_admin, to_company_id=reseller_admin.company_id
    )
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(1))
    assert partners.invitations_expire_due() == 1
    invitation = partners.invitation_send(
        actor=customer_admin, to_company_id=reseller_admin.company_id
    )
    partners.invitation_accept(actor=reseller_admin, invitation_id=invitation.pk)
    subscription = licensing.subscription_create(
        actor=reseller_admin, company=customer, offer="business", quantity=5, billing="monthly"
    )
    licensing.subscription_change(actor=reseller_admin, subscription_id=subscription.pk, quantity=3)
    member = companies.member_add(
        actor=customer_admin, company=customer, email="mia@acme.example", name="Mia Member"
    )
    licensing.assignments_add(
        actor=customer_admin, subscription_id=subscription.pk, user_ids=[member.pk]
    )
    licensing.assignments_remove(
        actor=customer_admin, subscription_id=subscription.pk, user_ids=[member.pk]
    )
    licensing.subscription_terminate(actor=reseller_admin, subscription_id=subscription.pk)
    pbx = telephony.pbx_declare(
        actor=reseller_admin, company=customer, kind="oxo_connect", name="Head office", country="DE"
    )
    telephony.pbx_update(actor=reseller_admin, pbx=pbx, data={"name": "Head office 2"})
    telephony.pbx_remove(actor=reseller_admin, pbx=pbx)
    companies.member_deactivate(actor=customer_admin, company=customer, member_id=member.pk)
    partners.partner_link_set_scopes(actor=customer_admin, company=customer, scopes=["licensing"])
    partners.partner_link_end(actor=customer_admin, company=customer)
    return member


ABOUT_BOTH_SIDES = {
    "invitation.sent",
    "invitation.declined",
    "invitation.cancelled",
    "invitation.expired",
    "invitation.accepted",
    "partner.linked",
    "partner.scopes_changed",
    "partner.unlinked",
    "subscription.created",
    "subscription.updated",
    "subscription.terminated",
}


def test_every_event_type_arrives_once_per_change_signed(webhook_worker, receiver, settings):
    # The customer sends four partner requests in a row (declined, cancelled, expired, accepted):
    # more than a company may send in an hour (tests/security/test_email_limits.py tests it).
    settings.INVITATION_SENDS_PER_COMPANY_PER_HOUR = 4
    customer = CompanyFactory(name="Acme")
    reseller = ResellerFactory(name="Northwind")
    customer_admin = AdminFactory(company=customer)
    reseller_admin = AdminFactory(company=reseller)
    everything = services.endpoint_create(
        actor=customer_admin, url=receiver.url + "/all", events=["*"]
    )
    some = services.endpoint_create(
        actor=customer_admin, url=receiver.url + "/some", events=["member.added", "pbx.declared"]
    )
    reseller_side = services.endpoint_create(
        actor=reseller_admin, url=receiver.url + "/reseller", events=["*"]
    )

    member = _lifetime_of_a_customer(customer_admin, reseller_admin)
    services.endpoint_ping(actor=customer_admin, endpoint_id=everything.pk)

    expected_all = Counter({name: 1 for name in EVENT_TYPES})
    expected_all["invitation.sent"] = 4
    expected_reseller = Counter({name: expected_all[name] for name in ABOUT_BOTH_SIDES})
    total = sum(expected_all.values()) + 2 + sum(expected_reseller.values())
    received = receiver.wait_for(total, timeout=90)
    wait_settled()
    # Nothing more arrives afterwards (no duplicate).
    assert len(receiver.received) == total

    by_path = {"/hooks/all": [], "/hooks/some": [], "/hooks/reseller": []}
    secrets = {
        "/hooks/all": everything.secret,
        "/hooks/some": some.secret,
        "/hooks/reseller": reseller_side.secret,
    }
    for item in received:
        payload = item.verify(secrets[item.path])  # raises unless the signature is right
        assert item.headers["webhook-id"].startswith("msg_")
        assert set(payload) == {"type", "timestamp", "data"}
        by_path[item.path].append(payload)

    assert Counter(p["type"] for p in by_path["/hooks/all"]) == expected_all
    assert Counter(p["type"] for p in by_path["/hooks/reseller"]) == expected_reseller
    assert sorted(p["type"] for p in by_path["/hooks/some"]) == ["member.added", "pbx.declared"]
    # One webhook-id per event and endpoint: no message twice.
    ids = [(item.path, item.headers["webhook-id"]) for item in received]
    assert len(set(ids)) == len(ids)

    added = next(p for p in by_path["/hooks/some"] if p["type"] == "member.added")
    assert added["data"]["member"] == {
        "id": str(member.pk),
        "email": "mia@acme.example",
        "name": "Mia Member",
        "role": "member",
        "language": "en",
        "active": False,
    }
    assert added["data"]["company"] == {"id": str(customer.pk), "name": "Acme", "kind": "customer"}
    linked = next(p for p in by_path["/hooks/reseller"] if p["type"] == "partner.linked")
    assert linked["data"]["link"]["partner"]["name"] == "Northwind"
    assert linked["data"]["link"]["scopes"] == ["licensing", "telephony"]
    updated = next(p for p in by_path["/hooks/all"] if p["type"] == "subscription.updated")
    assert updated["data"]["subscription"]["quantity"] == 3
    assert updated["data"]["subscription"]["reseller"]["id"] == str(reseller.pk)
    assert Delivery.objects.filter(status="succeeded").count() == total
