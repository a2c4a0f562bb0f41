"""The broker (our own Redis) dies while partner requests are sent, then comes back."""

import time
from collections import Counter

import pytest

from notifications.models import OutboundEmail
from notifications.services import emails_requeue_stale
from tests.factories import AdminFactory, CompanyFactory, ResellerFactory
from tests.reliability.conftest import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def a_reseller_with_admins(name: str) -> tuple:
    reseller = ResellerFactory(name=name)
    admins = [AdminFactory(company=reseller, language=lang) for lang in ("en", "de", "fr")]
    return reseller, admins


def send(api_for, to_company):
    """A customer admin asks ``to_company`` to become its partner, through the API."""
    sender = api_for(AdminFactory(company=CompanyFactory()))
    started = time.monotonic()
    response = sender.post(
        "/api/v1/invitations/", {"to_company": str(to_company.pk)}, format="json"
    )
    return sender, response, time.monotonic() - started


def message_id_of(email: OutboundEmail) -> str:
    return f"<{email.pk}@rainbow-admin>"


def test_requests_sent_while_the_broker_is_down_are_delivered_exactly_once_when_it_is_back(
    broker, inbox, api_for, outbox_settings
):
    inbox.start()
    broker.start_worker(inbox.url)
    before, before_admins = a_reseller_with_admins("Before Outage GmbH")
    targets = [a_reseller_with_admins(f"Reseller {n}") for n in range(3)]

    # With the broker up, a request's emails go out at once.
    _, response, _ = send(api_for, before)
    assert response.status_code == 201
    wait_until(lambda: inbox.count() == 3, timeout=20, what="the emails sent before the outage")

    broker.server.crash()
    sent = []
    for reseller, _admins in targets:
        sender, response, elapsed = send(api_for, reseller)
        # The request is saved and answered quickly; its emails wait in the outbox.
        assert response.status_code == 201, response.content
        assert elapsed < 3, f"a request took {elapsed:.1f}s with the broker down"
        assert response.json()["email_status"] == "queued"
        sent.append((sender, response.json()["id"]))
    outage = list(OutboundEmail.objects.exclude(status="sent"))
    assert len(outage) == 9 and {e.status for e in outage} == {"queued"}
    assert {e.attempts for e in outage} == {0}

    broker.server.start()  # same port, empty: the tasks published before the crash are gone
    broker.workers[0]._wait_ready()  # the worker reconnected on its own
    assert set(emails_requeue_stale()) == {e.pk for e in outage}

    expected = list(OutboundEmail.objects.all())
    assert len(expected) == 12
    wait_until(
        lambda: not OutboundEmail.objects.exclude(status="sent").exists(),
        timeout=30,
        what="every email to be marked sent",
    )
    broker.wait_idle()
    # The job running again (as beat does every minute) finds nothing to send.
    assert emails_requeue_stale() == []
    broker.wait_idle()

    by_message_id = Counter(m["Message-ID"] for m in inbox.messages)
    by_recipient = Counter(m["To"] for m in inbox.messages)
    assert by_message_id == Counter(message_id_of(e) for e in expected)
    everyone = before_admins + [a for _, admins in targets for a in admins]
    assert by_recipient == Counter(a.email for a in everyone)
    assert {e.status for e in OutboundEmail.objects.all()} == {"sent"}
    # The emails of the outage were tried once, by the worker, after the broker came back.
    assert {e.attempts for e in OutboundEmail.objects.filter(pk__in=[e.pk for e in outage])} == {1}
    for sender, invitation_id in sent:
        assert sender.get(f"/api/v1/invitations/{invitation_id}/").json()["email_status"] == "sent"
