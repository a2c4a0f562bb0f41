"""Retries for at least 24 hours, then failed; five days of failures turn an endpoint off and
its admins are emailed; attempts to one endpoint are bounded."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from companies import services as companies
from notifications.models import OutboundEmail
from tests.factories import AdminFactory, CompanyFactory
from webhooks import limits, services
from webhooks.models import Delivery, Endpoint

pytestmark = pytest.mark.django_db


def test_the_default_schedule_retries_for_at_least_24_hours_even_with_jitter():
    schedule = django_settings.WEBHOOK_RETRY_SCHEDULE
    assert schedule == sorted(schedule)  # growing delays
    assert sum(schedule) * 0.8 >= 24 * 3600


@pytest.fixture
def failing(receiver_down, allow_loopback, settings):
    """An endpoint whose receiver does not answer, and one event waiting for it."""
    settings.WEBHOOK_RETRY_SCHEDULE = [10, 20]
    admin = AdminFactory(company=CompanyFactory(name="Acme"))
    AdminFactory(company=admin.company, email="second@acme.example", language="de")
    endpoint = services.endpoint_create(actor=admin, url=receiver_down.url, events=["*"])
    companies.member_add(actor=admin, company=admin.company, email="m@acme.example", name="M")
    return endpoint, Delivery.objects.get()


def _due(delivery):
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())


def test_failed_attempts_are_retried_with_growing_delays_then_failed(failing):
    _endpoint, delivery = failing
    before = timezone.now()
    outcome = services.delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert (outcome.status, delivery.status, delivery.attempts) == ("pending", "pending", 1)
    first = (delivery.next_attempt_at - before).total_seconds()
    assert 8 <= first <= 12.5
    # Not due yet: an early task does nothing.
    assert services.delivery_attempt(delivery_id=delivery.pk).status == "skipped"
    _due(delivery)
    before = timezone.now()
    services.delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert 16 <= (delivery.next_attempt_at - before).total_seconds() <= 24.5
    _due(delivery)
    assert services.delivery_attempt(delivery_id=delivery.pk).status == "failed"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("failed", 3, None)
    assert services.deliveries_requeue_due() == []


def test_an_endpoint_failing_for_five_days_is_turned_off_and_its_admins_emailed(failing):
    endpoint, delivery = failing
    Endpoint.objects.filter(pk=endpoint.pk).update(
        failing_since=timezone.now() - timedelta(days=5, seconds=1)
    )
    services.delivery_attempt(delivery_id=delivery.pk)
    endpoint.refresh_from_db()
    assert endpoint.active is False and endpoint.disabled_at is not None
    delivery.refresh_from_db()
    assert delivery.status == "failed"
    emails = OutboundEmail.objects.filter(topic="webhook_disabled").order_by("to")
    assert [e.to for e in emails] == sorted(
        [endpoint.company.users.first().email, "second@acme.example"]
    ) or len(emails) == 2
    german = emails.get(to="second@acme.example")
    assert "Webhook" in german.subject and "deaktiviert" in german.subject
    assert endpoint.url in german.body_text
    assert f"/company/webhooks/{endpoint.pk}/" in german.body_text
    # Turned on again, its failures are forgotten.
    admin = endpoint.company.users.filter(role="admin").first()
    services.endpoint_update(actor=admin, endpoint_id=endpoint.pk, data={"active": True})
    endpoint.refresh_from_db()
    assert endpoint.active and endpoint.disabled_at is None and endpoint.failing_since is None


def test_a_success_clears_the_failing_streak(failing, receiver_down):
    endpoint, delivery = failing
    services.delivery_attempt(delivery_id=delivery.pk)
    assert Endpoint.objects.get(pk=endpoint.pk).failing_since is not None
    receiver_down.start()
    _due(delivery)
    assert services.delivery_attempt(delivery_id=delivery.pk).status == "succeeded"
    assert Endpoint.objects.get(pk=endpoint.pk).failing_since is None


def test_attempts_to_one_endpoint_are_bounded(failing, settings):
    endpoint, delivery = failing
    settings.WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT = 2
    held = [limits.slot_take(endpoint.pk), limits.slot_take(endpoint.pk)]
    assert all(held)
    assert limits.slot_take(endpoint.pk) is None
    # A worker finding the endpoint busy leaves the delivery untouched and comes back soon.
    outcome = services.delivery_attempt(delivery_id=delivery.pk)
    assert outcome.status == "busy" and 0 < outcome.retry_in <= 2
    assert Delivery.objects.get(pk=delivery.pk).attempts == 0
    # Another endpoint is not held up.
    assert limits.slot_take(uuid.uuid4())
    limits.slot_give_back(endpoint.pk, held[0])
    assert services.delivery_attempt(delivery_id=delivery.pk).status == "pending"
    assert Delivery.objects.get(pk=delivery.pk).attempts == 1


def test_a_slot_of_a_killed_worker_expires_with_its_lease(failing, settings):
    endpoint, _delivery = failing
    settings.WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT = 1
    settings.WEBHOOK_ATTEMPT_LEASE = timedelta(seconds=1)
    assert limits.slot_take(endpoint.pk)  # never given back
    assert limits.slot_take(endpoint.pk) is None
    time.sleep(1.1)
    assert limits.slot_take(endpoint.pk)
