"""Transitions under concurrency on PostgreSQL: real threads, each with its own connection."""

import threading
from collections import Counter

import pytest
from django.db import connection

from partners.models import Invitation, PartnerLink
from tests.conftest import api_client_for
from tests.factories import AdminFactory, ResellerFactory
from tests.partners.factories import InvitationFactory

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 20


def run_together(requests) -> list[int]:
    """Run each callable in its own thread, released at once; return their HTTP statuses."""
    barrier = threading.Barrier(len(requests))
    statuses: list[int] = []
    lock = threading.Lock()

    def worker(request):
        try:
            barrier.wait()
            status = request().status_code
            with lock:
                statuses.append(status)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(request,)) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


def test_twenty_concurrent_accepts_give_one_200_and_nineteen_409(customer, reseller_admin):
    invitation = InvitationFactory(from_company=customer, to_company=reseller_admin.company)
    clients = [api_client_for(reseller_admin) for _ in range(THREADS)]
    url = f"/api/v1/invitations/{invitation.pk}/accept/"

    statuses = run_together([lambda c=c: c.post(url) for c in clients])

    assert Counter(statuses) == {200: 1, 409: THREADS - 1}
    assert PartnerLink.objects.filter(company=customer, ended_at__isnull=True).count() == 1
    invitation.refresh_from_db()
    assert invitation.status == "accepted"


def test_concurrent_sends_from_one_company_leave_exactly_one_pending_request(customer_admin):
    resellers = [ResellerFactory() for _ in range(THREADS)]
    for reseller in resellers:
        AdminFactory(company=reseller)
    clients = [api_client_for(customer_admin) for _ in range(THREADS)]

    statuses = run_together(
        [
            lambda c=c, r=r: c.post(
                "/api/v1/invitations/", {"to_company": str(r.pk)}, format="json"
            )
            for c, r in zip(clients, resellers, strict=True)
        ]
    )

    assert Counter(statuses) == {201: 1, 409: THREADS - 1}
    assert Invitation.objects.filter(from_company=customer_admin.company).count() == 1
    assert Invitation.objects.get().status == "pending"


def test_accept_racing_cancel_gives_one_winner(customer_admin, reseller_admin):
    invitation = InvitationFactory(
        from_company=customer_admin.company, to_company=reseller_admin.company
    )
    accept = api_client_for(reseller_admin)
    cancel = api_client_for(customer_admin)
    statuses = run_together(
        [
            lambda: accept.post(f"/api/v1/invitations/{invitation.pk}/accept/"),
            lambda: cancel.post(f"/api/v1/invitations/{invitation.pk}/cancel/"),
        ]
    )
    assert sorted(statuses) == [200, 409]
    invitation.refresh_from_db()
    linked = PartnerLink.objects.filter(company=customer_admin.company).exists()
    assert linked == (invitation.status == "accepted")


def test_twenty_concurrent_accepts_of_an_offer_give_one_200_and_nineteen_409(
    customer_admin, reseller
):
    invitation = InvitationFactory(
        from_company=reseller, to_company=customer_admin.company, direction="offer"
    )
    clients = [api_client_for(customer_admin) for _ in range(THREADS)]
    url = f"/api/v1/invitations/{invitation.pk}/accept/"

    statuses = run_together([lambda c=c: c.post(url) for c in clients])

    assert Counter(statuses) == {200: 1, 409: THREADS - 1}
    link = PartnerLink.objects.get(company=customer_admin.company, ended_at__isnull=True)
    assert link.partner == reseller
    invitation.refresh_from_db()
    assert invitation.status == "accepted"


def test_concurrent_offers_of_one_reseller_to_one_company_leave_one_pending(
    customer_admin, reseller_admin, settings
):
    settings.CUSTOMER_OFFERS_PER_RESELLER_PER_HOUR = 100
    settings.CUSTOMER_OFFERS_PER_RESELLER_PER_DAY = 100
    clients = [api_client_for(reseller_admin) for _ in range(10)]

    statuses = run_together(
        [
            lambda c=c: c.post(
                "/api/v1/customer-offers/", {"email": customer_admin.email}, format="json"
            )
            for c in clients
        ]
    )

    # One offer; the others are refused as a second offer to a pending address is.
    assert Counter(statuses) == {201: 1, 409: 9}
    assert Invitation.objects.filter(direction="offer", status="pending").count() == 1


def test_concurrent_offers_to_an_address_without_account_leave_one_pending(
    reseller_admin, settings
):
    settings.CUSTOMER_OFFERS_PER_RESELLER_PER_HOUR = 100
    settings.CUSTOMER_OFFERS_PER_RESELLER_PER_DAY = 100
    clients = [api_client_for(reseller_admin) for _ in range(10)]

    statuses = run_together(
        [
            lambda c=c: c.post(
                "/api/v1/customer-offers/", {"email": "new@nobody.example"}, format="json"
            )
            for c in clients
        ]
    )

    # The same as to an address with an account: one offer, the others refused alike.
    assert Counter(statuses) == {201: 1, 409: 9}
    assert Invitation.objects.filter(to_email="new@nobody.example", status="pending").count() == 1
