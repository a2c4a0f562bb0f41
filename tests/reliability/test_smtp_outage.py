"""The SMTP server goes down (connections refused), briefly or for longer than the retries."""

import time

import pytest

from notifications.models import OutboundEmail
from notifications.services import emails_requeue_stale
from tests.factories import AdminFactory, CompanyFactory, ResellerFactory
from tests.reliability.conftest import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def request_to_two_admins(api_for):
    """Sends a partner request to a reseller with two admins; gives the sender's API client."""
    reseller = ResellerFactory()
    admins = [AdminFactory(company=reseller, language=lang) for lang in ("en", "de")]
    sender = api_for(AdminFactory(company=CompanyFactory()))

    def send():
        response = sender.post(
            "/api/v1/invitations/", {"to_company": str(reseller.pk)}, format="json"
        )
        assert response.status_code == 201, response.content
        return sender, response.json()["id"], admins

    return send


def attempts_seen(ids, until, timeout: float, seen: dict | None = None) -> dict:
    """Poll the outbox rows; add each new ``last_attempt_at`` of each row to ``seen``, in order."""
    seen = seen if seen is not None else {pk: [] for pk in ids}

    def record():
        for email in OutboundEmail.objects.filter(pk__in=ids):
            if email.last_attempt_at and email.last_attempt_at not in seen[email.pk]:
                seen[email.pk].append(email.last_attempt_at)
        return until(seen)

    wait_until(record, timeout=timeout, what="the delivery attempts")
    return seen


def test_a_short_smtp_outage_is_retried_with_backoff_and_each_email_arrives_once(
    broker, inbox, request_to_two_admins, outbox_settings
):
    broker.start_worker(inbox.url)  # the SMTP server is not listening: connections are refused
    sender, invitation_id, admins = request_to_two_admins()
    ids = list(OutboundEmail.objects.values_list("pk", flat=True))
    assert len(ids) == 2

    seen = attempts_seen(ids, lambda seen: all(len(t) == 2 for t in seen.values()), timeout=20)
    for email in OutboundEmail.objects.filter(pk__in=ids):
        assert (email.status, email.attempts) == ("queued", 2)
        assert email.last_error.startswith("ConnectionRefusedError")
    assert sender.get(f"/api/v1/invitations/{invitation_id}/").json()["email_status"] == "queued"

    inbox.start()  # back on the same port before the third attempt (due 2 s after the second)
    # Judged on what was read (a second query could see an attempt the first one missed).
    seen = attempts_seen(
        ids, lambda seen: all(len(t) == 3 for t in seen.values()), timeout=20, seen=seen
    )
    broker.wait_idle()
    assert sorted(m["To"] for m in inbox.messages) == sorted(a.email for a in admins)
    assert sorted(m["Message-ID"] for m in inbox.messages) == sorted(
        f"<{pk}@rainbow-admin>" for pk in ids
    )
    for email in OutboundEmail.objects.filter(pk__in=ids):
        assert (email.status, email.attempts, email.last_error) == ("sent", 3, "")
        first, second, third = seen[email.pk]
        # Exponential backoff from OUTBOX_RETRY_BASE_SECONDS=1: about 1 s, then about 2 s.
        assert 0.8 <= (second - first).total_seconds() < 1.8, seen[email.pk]
        assert 1.8 <= (third - second).total_seconds() < 3.5, seen[email.pk]
    assert sender.get(f"/api/v1/invitations/{invitation_id}/").json()["email_status"] == "sent"


def test_an_smtp_outage_longer_than_the_retries_marks_the_emails_failed_for_the_sender(
    broker, inbox, request_to_two_admins, outbox_settings
):
    outbox_settings.OUTBOX_MAX_ATTEMPTS = 3
    broker.start_worker(inbox.url, OUTBOX_MAX_ATTEMPTS="3")
    sender, invitation_id, _admins = request_to_two_admins()
    ids = list(OutboundEmail.objects.values_list("pk", flat=True))

    started = time.monotonic()
    wait_until(
        lambda: OutboundEmail.objects.filter(pk__in=ids, status="failed").count() == 2,
        timeout=20,
        what="both emails to be marked failed",
    )
    broker.wait_idle()  # no retry is left once an email has failed
    assert time.monotonic() - started >= 2.8  # the attempts were spread: 0 s, 1 s, 3 s
    for email in OutboundEmail.objects.filter(pk__in=ids):
        assert email.attempts == 3
        assert email.last_error.startswith("ConnectionRefusedError")
        assert email.sent_at is None
    # The sender sees it where they look at their request.
    detail = sender.get(f"/api/v1/invitations/{invitation_id}/").json()
    assert detail["email_status"] == "failed"
    listed = sender.get("/api/v1/invitations/?direction=issued").json()
    assert [r["email_status"] for r in listed["results"] if r["id"] == invitation_id] == ["failed"]

    # The server back, the re-queue job leaves failed emails alone: nothing goes out by itself.
    inbox.start()
    assert emails_requeue_stale() == []
    broker.wait_idle()
    assert inbox.messages == []
    assert set(OutboundEmail.objects.filter(pk__in=ids).values_list("status", "attempts")) == {
        ("failed", 3)
    }
