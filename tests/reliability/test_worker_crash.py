"""A worker killed (SIGKILL) in the middle of a batch of emails; a new worker takes over.

Delivery is at least once. The row of an email stays locked while it is sent and is marked sent
in the same transaction, after the SMTP server said 250. A worker that dies between the server's
acceptance and that commit leaves the row queued (its transaction rolls back), so the email is
sent again, with the same Message-ID, by the next worker. SMTP offers no way to close this window
(the server cannot be asked whether it already has a message); the tests below pin it down: at
most the one message in flight on the dead worker's connection is doubled, never another one.
"""

import random
import time
from collections import Counter

import pytest
from django.db import transaction

from notifications.models import OutboundEmail
from notifications.services import email_queue, emails_requeue_stale
from tests.reliability.conftest import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def queue_emails(count: int) -> dict[str, OutboundEmail]:
    """Queue ``count`` emails in one transaction; their tasks are published after its commit."""
    with transaction.atomic():
        emails = [
            email_queue(
                to=f"person{n}@example.com",
                language="en",
                template="activation",
                context={
                    "user_name": f"Person {n}",
                    "company_name": "Acme",
                    "invited_by": "Anna",
                    "url": f"http://testserver/accounts/activate/{n}/",
                },
                topic="reliability",
            )
            for n in range(count)
        ]
    return {f"<{email.pk}@rainbow-admin>": email for email in emails}


def take_over_and_finish(broker, inbox, expected, orphans) -> Counter:
    """A new worker and the re-queue job deliver what is left; returns deliveries by Message-ID.

    ``orphans``: the task messages the dead worker held, unacknowledged in Redis for an hour.
    """
    broker.start_worker(inbox.url)
    emails_requeue_stale()
    wait_until(
        lambda: not OutboundEmail.objects.exclude(status="sent").exists(),
        timeout=60,
        what="every email to be marked sent",
    )
    broker.wait_idle(orphans=orphans)
    assert OutboundEmail.objects.filter(status="sent").count() == len(expected)
    return Counter(m["Message-ID"] for m in inbox.messages)


def test_a_worker_killed_mid_batch_loses_nothing_and_doubles_at_most_the_message_in_flight(
    broker, inbox, outbox_settings, record_property
):
    inbox.delay = 0.05  # a slow server: each message takes 50 ms to be accepted
    inbox.start()
    first = broker.start_worker(inbox.url)
    expected = queue_emails(60)

    wait_until(lambda: inbox.count() >= 20, timeout=30, what="20 emails to be delivered")
    # Not for correctness: lands the kill anywhere in a message's cycle (about 60 ms), as a crash
    # would, instead of just after the server took the 20th message.
    time.sleep(random.uniform(0, 0.06))
    killed_at = time.monotonic()
    first.kill()
    orphans = frozenset(broker.server.unacked())
    assert len(orphans) <= 1  # acks late, one task at a time: at most the one in flight
    sent_at_kill = OutboundEmail.objects.filter(status="sent").count()
    # Once the server has seen its connection end, the dead worker delivers nothing more.
    wait_until(
        lambda: {r.peer for r in inbox.received} <= set(inbox.ended),
        timeout=10,
        what="the dead worker's SMTP connection to end",
    )
    with inbox._lock:
        by_first = list(inbox.received)
    first_peers = {r.peer for r in by_first}

    started = time.monotonic()
    deliveries = take_over_and_finish(broker, inbox, expected, orphans)
    # Nothing lost: every email arrived, and nothing else did.
    assert set(deliveries) == set(expected)
    doubles = {mid: n for mid, n in deliveries.items() if n > 1}
    record_property("delivered_before_kill", len(by_first))
    record_property("marked_sent_at_kill", sent_at_kill)
    record_property("doubles", len(doubles))
    print(
        f"\nRELIABILITY worker-kill: delivered_before_kill={len(by_first)} "
        f"marked_sent_at_kill={sent_at_kill} deliveries={sum(deliveries.values())} "
        f"doubles={len(doubles)} takeover={time.monotonic() - started:.1f}s "
        f"last_accepted_ms_before_kill={(killed_at - by_first[-1].at) * 1000:.0f}"
    )
    # Nothing doubled, except the one message the dead worker had handed over last: the server
    # took it on a connection that then ended without QUIT, and its row never recorded it.
    assert len(doubles) <= 1
    for message_id, count in doubles.items():
        assert count == 2
        [first_copy] = [r for r in by_first if r.message_id == message_id]
        assert first_copy.peer in first_peers
        assert first_copy is [r for r in by_first if r.peer == first_copy.peer][-1]
        assert first_copy.peer in inbox.ended and first_copy.peer not in inbox.quit
    # The killed attempt left no trace: every row was sent by exactly one committed attempt.
    assert set(OutboundEmail.objects.values_list("status", "attempts")) == {("sent", 1)}


def test_the_email_the_server_took_just_as_the_worker_died_is_sent_again_with_its_message_id(
    broker, inbox, outbox_settings
):
    inbox.start()
    first = broker.start_worker(inbox.url)

    def kill_the_worker_on_the_tenth(received) -> None:
        # The server has the message and is about to answer 250: the sender dies before it reads
        # the answer (the widest form of the window between acceptance and the commit).
        if inbox.count() == 10:
            first.process.kill()
            first.process.wait(timeout=10)

    inbox.on_message = kill_the_worker_on_the_tenth
    expected = queue_emails(20)
    wait_until(lambda: first.process.poll() is not None, timeout=30, what="the kill")
    inbox.on_message = None
    orphans = frozenset(broker.server.unacked())
    assert len(orphans) == 1  # the task of the tenth email, never acknowledged
    in_flight = inbox.received[9]
    assert OutboundEmail.objects.filter(status="sent").count() == 9

    deliveries = take_over_and_finish(broker, inbox, expected, orphans)
    assert set(deliveries) == set(expected)
    assert {mid: n for mid, n in deliveries.items() if n > 1} == {in_flight.message_id: 2}
    # Both copies are the same email (same Message-ID, same text): a reader's mail program or
    # the receiving server can recognise the second one.
    copies = [m for m in inbox.messages if m["Message-ID"] == in_flight.message_id]
    assert len({(m["To"], m["Subject"], inbox.text_of(m)) for m in copies}) == 1
    email = expected[in_flight.message_id]
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("sent", 1)

    # An hour later Redis hands the dead worker's task out again: it finds the email sent.
    broker.redeliver(orphans)
    broker.wait_idle()
    assert Counter(m["Message-ID"] for m in inbox.messages) == deliveries
    assert set(OutboundEmail.objects.values_list("status", "attempts")) == {("sent", 1)}
