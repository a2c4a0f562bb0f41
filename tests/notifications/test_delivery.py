"""Email delivery through a real Celery worker on Redis to a real SMTP server on loopback."""

import re

import pytest

from companies import services
from companies.models import User
from notifications.models import OutboundEmail
from notifications.services import emails_requeue_stale
from tests.conftest import SmtpInbox

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_activation_email_reaches_smtp_and_its_link_activates_the_account(
    celery_worker, smtp_server, admin, client
):
    services.member_add(
        actor=admin,
        company=admin.company,
        email="new@example.com",
        name="New Person",
        language="fr",
    )
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "new@example.com"
    assert message["Subject"].startswith("Activez")
    body = SmtpInbox.text_of(message)
    url = re.search(r"https?://\S+/accounts/activate/\S+/", body).group(0)
    path = url.split("testserver", 1)[1]

    assert client.get(path).status_code == 200  # opening the link changes nothing
    assert not User.objects.get(email="new@example.com").is_active
    response = client.post(path, {"password": "a-Fresh-password-9"})
    assert response.status_code == 302
    person = User.objects.get(email="new@example.com")
    assert person.is_active and person.check_password("a-Fresh-password-9")
    assert OutboundEmail.objects.get(to="new@example.com").status == OutboundEmail.Status.SENT
    # The link is single-use.
    assert client.get(path).status_code == 400


def test_smtp_refusal_is_retried_and_delivered_once(celery_worker, smtp_server, admin):
    smtp_server.refuse = True
    services.member_add(actor=admin, company=admin.company, email="later@example.com", name="Later")
    email = OutboundEmail.objects.get(to="later@example.com")
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        email.refresh_from_db()
        # The 451 answers the end of the data, after the row was marked sent; the error is
        # recorded by the update that puts it back to queued.
        if email.last_error:
            break
        time.sleep(0.1)
    assert email.attempts >= 1 and email.status == "queued" and "451" in email.last_error
    smtp_server.refuse = False
    smtp_server.wait_for(1, timeout=30)
    email.refresh_from_db()
    assert email.status == "sent"
    # A late re-queue of the same email sends nothing more.
    OutboundEmail.objects.filter(pk=email.pk).update(status="sent")
    emails_requeue_stale()
    time.sleep(1)
    assert len(smtp_server.messages) == 1
