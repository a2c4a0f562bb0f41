"""Partner request emails through a real Celery worker on Redis to a real SMTP server."""

import re
import time
from contextlib import contextmanager
from datetime import timedelta

import pytest

from notifications.models import OutboundEmail
from notifications.services import emails_requeue_stale
from partners.models import Invitation, PartnerLink
from tests.conftest import SmtpInbox
from tests.factories import AdminFactory, ResellerFactory, UserFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

NOBODY_LISTENS = "redis://127.0.0.1:6390/0"


def link_of(message) -> str:
    body = SmtpInbox.text_of(message)
    return re.search(r"https?://\S+(/partner/open/\S+/)", body).group(1)


def send(client, to_company):
    return client.post("/api/v1/invitations/", {"to_company": str(to_company.pk)}, format="json")


@contextmanager
def broker_at(url: str):
    """Publish to ``url`` for a while: the app forgets its pooled connections before and after."""
    from rainbow_admin.celery import app

    def forget_connections():
        app._pool = None
        app.amqp._producer_pool = None

    previous = app.conf.broker_url
    forget_connections()
    app.conf.broker_url = url
    try:
        yield
    finally:
        forget_connections()
        app.conf.broker_url = previous


def test_each_send_gives_exactly_one_email_to_each_admin_of_the_target(
    celery_worker, smtp_server, api_for, customer_admin, reseller, client, settings
):
    german = AdminFactory(company=reseller, language="de")
    french = AdminFactory(company=reseller, language="fr")
    UserFactory(company=reseller)  # a member: not asked
    sender = api_for(customer_admin)
    invitation_id = send(sender, reseller).json()["id"]

    messages = smtp_server.wait_for(2)
    time.sleep(1)
    assert len(smtp_server.messages) == 2
    by_recipient = {m["To"]: m for m in messages}
    assert set(by_recipient) == {german.email, french.email}
    assert "bittet Müller Telekom" in by_recipient[german.email]["Subject"]
    assert "propose un partenariat à Müller Telekom" in by_recipient[french.email]["Subject"]
    # The delivered HTML part: the layout's button, styled inline, carries the text's link.
    german_message = by_recipient[german.email]
    html_part = german_message.get_body(preferencelist=("html",)).get_content()
    assert "<style" not in html_part
    button = re.search(r'<a class="button-link"[^>]* href="([^"]+)"[^>]* style="[^"]+"', html_part)
    assert button and button.group(1).endswith(link_of(german_message))

    # Opening the link (a mail scanner, or the admin before signing in) changes nothing.
    path = link_of(messages[0])
    assert client.get(path).status_code == 200
    assert Invitation.objects.get(pk=invitation_id).status == "pending"
    assert not PartnerLink.objects.exists()
    deadline = time.monotonic() + 10
    while sender.get(f"/api/v1/invitations/{invitation_id}/").json()["email_status"] != "sent":
        assert time.monotonic() < deadline
        time.sleep(0.2)

    # A resend gives one more email to each admin; the old link stops working.
    settings.INVITATION_RESEND_COOLDOWN = timedelta(0)
    assert sender.post(f"/api/v1/invitations/{invitation_id}/resend/").status_code == 200
    later = smtp_server.wait_for(4)[2:]
    time.sleep(1)
    assert len(smtp_server.messages) == 4
    assert {m["To"] for m in later} == {german.email, french.email}
    assert client.get(path).status_code == 404
    new_path = link_of(later[0])
    client.force_login(german if later[0]["To"] == german.email else french)
    client.post(f"/partner/requests/{invitation_id}/accept/", {"next": new_path})
    assert PartnerLink.objects.filter(partner=reseller, ended_at__isnull=True).count() == 1


def test_with_the_broker_down_the_request_is_saved_and_its_emails_go_out_once_it_is_back(
    celery_worker, smtp_server, api_for, customer_admin, reseller, settings
):
    admins = [AdminFactory(company=reseller, language=lang) for lang in ("de", "en")]
    sender = api_for(customer_admin)

    with broker_at(NOBODY_LISTENS):
        started = time.monotonic()
        response = send(sender, reseller)
        elapsed = time.monotonic() - started

    assert response.status_code == 201 and elapsed < 10
    assert response.json()["email_status"] == "queued"
    invitation = Invitation.objects.get(pk=response.json()["id"])
    assert invitation.status == "pending"
    emails = OutboundEmail.objects.filter(topic="invitation", object_id=invitation.pk)
    assert sorted(e.to for e in emails) == sorted(a.email for a in admins)
    assert {e.status for e in emails} == {"queued"}
    time.sleep(1)
    assert smtp_server.messages == []

    # The broker is back: the beat job queues the stale emails again and the worker sends them.
    settings.OUTBOX_REQUEUE_AFTER = timedelta(0)
    assert set(emails_requeue_stale()) == {e.pk for e in emails}
    messages = smtp_server.wait_for(2)
    time.sleep(2)
    assert sorted(m["To"] for m in smtp_server.messages) == sorted(a.email for a in admins)
    assert len(messages) == 2
    assert {e.status for e in emails.all()} == {"sent"}
    # Running the job again sends nothing twice.
    assert emails_requeue_stale() == []
    time.sleep(1)
    assert len(smtp_server.messages) == 2


def test_a_request_to_a_company_without_an_active_admin_fails_with_no_recipient(
    celery_worker, smtp_server, api_for, customer_admin, reseller, client
):
    """Nobody to write to is a failure the sender sees (API and Issued requests), not "sent"."""
    AdminFactory(company=reseller, is_active=False)  # deactivated
    AdminFactory(company=reseller, is_active=False, activated_at=None)  # never activated
    UserFactory(company=reseller)  # an active member is not asked
    sender = api_for(customer_admin)
    first = send(sender, reseller).json()
    assert first["email_status"] == "failed" and first["email_failure"] == "no_recipient"

    # The worker is running: another customer's request to a company with an admin goes out.
    other = ResellerFactory(name="Second Reseller")
    other_admin = AdminFactory(company=other)
    other_sender = api_for(AdminFactory())
    second = send(other_sender, other).json()
    assert smtp_server.wait_for(1)[0]["To"] == other_admin.email
    deadline = time.monotonic() + 10
    while other_sender.get(f"/api/v1/invitations/{second['id']}/").json()["email_status"] != "sent":
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert other_sender.get(f"/api/v1/invitations/{second['id']}/").json()["email_failure"] is None

    body = sender.get(f"/api/v1/invitations/{first['id']}/").json()
    assert body["email_status"] == "failed" and body["email_failure"] == "no_recipient"
    listed = sender.get("/api/v1/invitations/?direction=issued").json()["results"]
    assert [(i["id"], i["email_failure"]) for i in listed] == [(first["id"], "no_recipient")]
    assert len(smtp_server.messages) == 1

    # Issued requests: the failure and the copy-link fallback.
    client.force_login(customer_admin)
    page = client.get("/notifications/issued/").content.decode()
    row = page.split(f'id="request-{first["id"]}"')[1].split("</tr>")[0]
    assert "Email failed" in row and "no active administrator" in row
    assert f"/partner/requests/{first['id']}/" in row and "Copy link" in row
