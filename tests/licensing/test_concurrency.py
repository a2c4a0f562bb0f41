"""Seats under load: concurrent requests never oversubscribe a subscription (PostgreSQL)."""

import threading

import pytest
from django.db import connection

from licensing.models import LicenseAssignment
from tests.factories import AdminFactory, CompanyFactory, UserFactory
from tests.licensing.factories import SubscriptionFactory

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 50
SEATS = 10


def test_fifty_concurrent_single_seat_assignments_to_ten_seats_give_ten_successes(
    api_for, settings
):
    # A client (and a token) per thread: more tokens than a person holds by default.
    settings.API_TOKEN_MAX_ACTIVE = THREADS
    company = CompanyFactory()
    admin = AdminFactory(company=company)
    subscription = SubscriptionFactory(company=company, quantity=SEATS)
    # Unusable passwords: these members never sign in, and hashing 50 passwords is slow.
    members = [UserFactory(company=company, password="!") for _ in range(THREADS)]
    clients = [api_for(admin) for _ in range(THREADS)]
    url = f"/api/v1/subscriptions/{subscription.pk}/assignments/"
    statuses: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def assign(client, member) -> None:
        try:
            start.wait()
            response = client.post(url, {"users": [str(member.pk)]}, format="json")
            with lock:
                statuses.append(response.status_code)
        finally:
            connection.close()  # each thread had its own connection

    threads = [
        threading.Thread(target=assign, args=(client, member))
        for client, member in zip(clients, members, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert len(statuses) == THREADS
    assert statuses.count(201) == SEATS
    assert statuses.count(409) == THREADS - SEATS
    assert 500 not in statuses
    assert LicenseAssignment.objects.filter(subscription=subscription).count() == SEATS
