"""Faults on the way: nothing is lost, and a message arrives again only as at-least-once allows
(the same ``webhook-id``)."""

from __future__ import annotations

import time

import pytest

from companies import services as companies
from tests.factories import AdminFactory, CompanyFactory
from tests.reliability.conftest import environment, wait_until
from tests.webhooks.conftest import WORKER_ENV, wait_settled
from webhooks import services
from webhooks.models import Delivery

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _company_with_endpoint(url: str):
    admin = AdminFactory(company=CompanyFactory(name="Acme"))
    endpoint = services.endpoint_create(actor=admin, url=url, events=["member.added"])
    return admin, endpoint


def _add_member(admin, n: int = 1):
    return companies.member_add(
        actor=admin, company=admin.company, email=f"p{n}@acme.example", name=f"Person {n}"
    )


def test_receiver_down_then_up_gets_the_event_later_with_the_same_webhook_id(
    webhook_worker, receiver_down
):
    admin, endpoint = _company_with_endpoint(receiver_down.url)
    _add_member(admin)
    delivery = Delivery.objects.get()
    wait_until(lambda: Delivery.objects.get().attempts >= 2, timeout=20, what="two failed attempts")
    failed = Delivery.objects.get()
    assert failed.status == "pending"
    assert failed.response_status is None
    assert "Connection refused" in failed.last_error or "NewConnectionError" in failed.last_error

    receiver_down.start()
    (received,) = receiver_down.wait_for(1, timeout=20)
    wait_settled()
    delivered = Delivery.objects.get()
    assert delivered.status == "succeeded"
    assert delivered.attempts >= 3
    assert received.headers["webhook-id"] == delivery.event.message_id
    received.verify(endpoint.secret)


def test_receiver_answering_500_then_200_gets_the_same_message_again(webhook_worker, receiver):
    admin, endpoint = _company_with_endpoint(receiver.url)
    receiver.answers = [500]
    receiver.answer_body = b"x" * 3000
    _add_member(admin)
    (received,) = receiver.wait_for(1, timeout=20)
    wait_settled()
    (refused,) = receiver.refused
    assert refused.headers["webhook-id"] == received.headers["webhook-id"]
    assert refused.body == received.body
    # Each attempt is signed with its own timestamp.
    received.verify(endpoint.secret)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("succeeded", 2, 200)
    assert delivery.response_body == "x" * 1024  # the first 1 KB of the answer


def test_worker_killed_mid_delivery_delivers_again_with_the_same_webhook_id(
    webhook_worker, receiver, settings, smtp_server
):
    from datetime import timedelta

    settings.WEBHOOK_REQUEUE_GRACE = timedelta(0)
    admin, _endpoint = _company_with_endpoint(receiver.url)
    receiver.delay = 2
    _add_member(admin)
    wait_until(lambda: receiver.arrived == 1, timeout=20, what="the POST to arrive")
    webhook_worker.kill()  # while the receiver takes its time to answer
    claimed = Delivery.objects.get()
    assert (claimed.status, claimed.attempts) == ("pending", 1)

    receiver.delay = 0
    webhook_worker.start()
    # The broker keeps the killed worker's message for its visibility timeout; beat's job
    # queues the delivery again once its attempt's lease is over.
    wait_until(lambda: services.deliveries_requeue_due(), timeout=20, what="the lease to run out")
    received = receiver.wait_for(2, timeout=20)
    wait_settled()
    assert {item.headers["webhook-id"] for item in received} == {claimed.event.message_id}
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("succeeded", 2)
    time.sleep(1)
    assert len(receiver.received) == 2


def test_events_recorded_while_the_broker_is_down_are_delivered_when_it_is_back(
    broker, receiver, smtp_server, settings, allow_loopback
):
    from datetime import timedelta

    settings.WEBHOOK_REQUEUE_GRACE = timedelta(0)
    admin, _endpoint = _company_with_endpoint(receiver.url)
    with environment(**WORKER_ENV):
        broker.start_worker(smtp_server.url)
    _add_member(admin, 1)
    receiver.wait_for(1, timeout=20)

    broker.server.crash()
    started = time.monotonic()
    for n in range(2, 5):
        _add_member(admin, n)  # the change is saved; its deliveries wait as rows
    assert time.monotonic() - started < 10
    waiting = set(Delivery.objects.filter(status="pending").values_list("pk", flat=True))
    assert len(waiting) == 3

    broker.server.start()
    broker.workers[0]._wait_ready()
    assert set(services.deliveries_requeue_due()) == waiting
    received = receiver.wait_for(4, timeout=30)
    wait_settled()
    assert sorted(item.event["data"]["member"]["email"] for item in received) == [
        f"p{n}@acme.example" for n in range(1, 5)
    ]
    assert len({item.headers["webhook-id"] for item in received}) == 4
