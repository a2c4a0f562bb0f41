"""Workers keep their database connection from one task to the next; a connection the database
has cut (a restart, an administrator) must not cost the next email."""

import pytest
from django.db import connection

from notifications.models import OutboundEmail
from notifications.services import email_queue
from tests.reliability.conftest import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def queue_email(to: str) -> OutboundEmail:
    return email_queue(
        to=to,
        language="en",
        template="activation",
        context={
            "user_name": "Someone",
            "company_name": "Acme",
            "invited_by": "Anna",
            "url": "http://testserver/accounts/activate/x/",
        },
    )


def test_a_worker_whose_database_connection_was_cut_delivers_the_next_email_at_once(
    broker, inbox, outbox_settings
):
    inbox.start()
    broker.start_worker(inbox.url)
    queue_email("first@example.com")
    wait_until(lambda: inbox.count() == 1, timeout=20, what="the first email")
    wait_until(
        lambda: OutboundEmail.objects.filter(status="sent").exists(),
        timeout=10,
        what="the first email to be marked sent",
    )

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchone()[0] >= 1  # the worker's idle connection, kept since the first

    second = queue_email("second@example.com")
    # No re-queue job runs here: the worker's own task must get through.
    wait_until(lambda: inbox.count() == 2, timeout=20, what="the second email")
    assert [m["To"] for m in inbox.messages] == ["first@example.com", "second@example.com"]
    wait_until(
        lambda: OutboundEmail.objects.filter(pk=second.pk, status="sent").exists(),
        timeout=10,
        what="the second email to be marked sent",
    )
    second.refresh_from_db()
    assert second.attempts == 1
