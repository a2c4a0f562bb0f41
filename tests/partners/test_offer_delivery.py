"""An offer is delivered by a worker after the request commits: the request does the same work
whatever the address, the worker makes the link and writes the emails, once, for the latest send
of an offer still pending; a broker that cannot be reached loses nothing."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from notifications.models import ActivityRecord, Notification, OutboundEmail
from partners import services
from partners.models import Invitation
from tests.partners.delivery import offer_delivered

pytestmark = pytest.mark.django_db


@pytest.fixture
def reseller_client(reseller_admin, api_for):
    return api_for(reseller_admin)


def send(client, email):
    return client.post("/api/v1/customer-offers/", {"email": email}, format="json")


@pytest.mark.parametrize("kind", ["known", "unknown"])
def test_the_request_writes_the_offer_and_the_worker_its_emails(
    reseller_client, customer_admin, kind
):
    email = customer_admin.email if kind == "known" else "newcomer@nobody.example"
    send(reseller_client, "warm-up@nobody.example")
    with offer_delivered() as queued:
        with CaptureQueriesContext(connection) as queries:
            response = send(reseller_client, email)
        # Answered before any email is written: the worker writes them after commit.
        assert not OutboundEmail.objects.filter(to=email).exists()
        invitation = Invitation.objects.get(to_email=email)
        assert invitation.to_company is None and invitation.delivery_due
        unsent_hash = invitation.token_hash
    assert response.status_code == 201
    assert response.json()["invitation"]["email_status"] == "queued"
    assert len(queries) == 10  # whatever the address (test_offers: the same answer)
    assert queued
    invitation.refresh_from_db()
    assert not invitation.delivery_due and invitation.token_hash != unsent_hash
    assert OutboundEmail.objects.filter(to=email, topic="invitation").count() == 1
    assert (invitation.to_company is not None) == (kind == "known")


def test_the_broker_carries_no_link(reseller_client, monkeypatch):
    sent = []
    monkeypatch.setattr(
        "partners.services._common.task_send", lambda name, *args: sent.append((name, args))
    )
    with offer_delivered():
        send(reseller_client, "newcomer@nobody.example")
    [(name, args)] = sent
    assert name == "partners.tasks.deliver_offer_task"
    invitation = Invitation.objects.get()
    # The hash of a link nobody has; the worker makes the link that is sent.
    assert args == (str(invitation.pk), invitation.token_hash, str(invitation.created_by_id))
    services.offer_deliver_queued(invitation_id=args[0], token_hash=args[1], sender_id=args[2])
    email = OutboundEmail.objects.get(to="newcomer@nobody.example")
    raw = email.body_text.split("/partner/offer/", 1)[1].split("/", 1)[0]
    assert raw not in str(args)
    invitation.refresh_from_db()
    assert (
        services.offer_deliver_queued(invitation_id=args[0], token_hash=args[1], sender_id=args[2])
        is False
    )  # run twice (a worker retried it): delivered once
    assert OutboundEmail.objects.filter(to="newcomer@nobody.example").count() == 1


@pytest.fixture
def held(reseller_client, monkeypatch):
    """Sends whose delivery is held back (the worker has not run yet): their task arguments."""
    queued = []
    monkeypatch.setattr(
        "partners.services._common.task_send", lambda name, *args: queued.append(args)
    )
    return queued


@pytest.mark.parametrize("kind", ["known", "unknown"])
@pytest.mark.parametrize("action", ["cancel", "expire"])
def test_an_offer_cancelled_or_expired_before_the_worker_runs_gets_nothing(
    reseller_client, customer, customer_admin, held, kind, action
):
    email = customer_admin.email if kind == "known" else "newcomer@nobody.example"
    with offer_delivered():
        send(reseller_client, email)
    invitation = Invitation.objects.get()
    if action == "cancel":
        response = reseller_client.post(f"/api/v1/invitations/{invitation.pk}/cancel/")
        assert response.status_code == 200
    else:
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - timedelta(seconds=1)
        )
    [args] = held
    assert (
        services.offer_deliver_queued(invitation_id=args[0], token_hash=args[1], sender_id=args[2])
        is False
    )
    invitation.refresh_from_db()
    assert invitation.to_company is None
    assert not OutboundEmail.objects.filter(topic="invitation").exists()
    assert not Notification.objects.filter(recipient=customer_admin).exists()


def test_after_a_resend_only_its_delivery_runs_and_only_its_link_works(
    reseller_client, client, held
):
    with offer_delivered():
        send(reseller_client, "newcomer@nobody.example")
    Invitation.objects.update(last_sent_at=timezone.now() - timedelta(hours=1))
    invitation = Invitation.objects.get()
    with offer_delivered():
        assert (
            reseller_client.post(f"/api/v1/invitations/{invitation.pk}/resend/").status_code == 200
        )
    first, second = held
    # The first send's worker runs late: the resend superseded it, it does nothing.
    assert (
        services.offer_deliver_queued(
            invitation_id=first[0], token_hash=first[1], sender_id=first[2]
        )
        is False
    )
    assert services.offer_deliver_queued(
        invitation_id=second[0], token_hash=second[1], sender_id=second[2]
    )
    [email] = OutboundEmail.objects.filter(to="newcomer@nobody.example")
    path = "/partner/offer/" + email.body_text.split("/partner/offer/", 1)[1].split("/", 1)[0] + "/"
    assert client.get(path).status_code == 200


def test_a_broker_that_cannot_be_reached_loses_no_offer(reseller_client, monkeypatch, caplog):
    def down(name, *args):
        raise ConnectionError("broker down")

    monkeypatch.setattr("partners.services._common.task_send", down)
    with offer_delivered():
        response = send(reseller_client, "newcomer@nobody.example")
    assert response.status_code == 201
    assert "stays pending" in caplog.text
    invitation = Invitation.objects.get()
    assert invitation.status == "pending" and invitation.delivery_due
    listed = reseller_client.get("/api/v1/invitations/?kind=offer").json()["results"]
    assert listed[0]["email_status"] == "queued"
    monkeypatch.undo()
    # Beat hands it over again once it has waited too long, and only then.
    assert services.offers_deliver_stale() == 0
    later = timezone.now() + timedelta(minutes=3)
    assert services.offers_deliver_stale(now=later) == 1
    invitation.refresh_from_db()
    assert not invitation.delivery_due
    assert "/partner/offer/" in OutboundEmail.objects.get(to="newcomer@nobody.example").body_text
    assert services.offers_deliver_stale(now=later) == 0


def test_a_resend_does_the_same_work_whatever_the_offer_reached(reseller_client, customer_admin):
    """An offer to an admin reached a company, one to a newcomer did not: their resends cost the
    same queries; the company's side (told, recorded, emailed) is the worker's."""
    queries = {}
    for kind, email in (("known", customer_admin.email), ("unknown", "newcomer@nobody.example")):
        with offer_delivered():
            invitation_id = send(reseller_client, email).json()["invitation"]["id"]
        Invitation.objects.filter(pk=invitation_id).update(
            last_sent_at=timezone.now() - timedelta(hours=1)
        )
        with offer_delivered():
            with CaptureQueriesContext(connection) as captured:
                resent = reseller_client.post(f"/api/v1/invitations/{invitation_id}/resend/")
            assert resent.status_code == 200 and resent.json()["to_company"] is None
        queries[kind] = len(captured)
    assert queries["known"] == queries["unknown"], queries
    customer = customer_admin.company
    assert ActivityRecord.objects.filter(company=customer, verb="invitation.resent").count() == 1
    told = Notification.objects.filter(recipient=customer_admin).values_list("message", flat=True)
    assert "%(from_company)s sent its partner request again." in told
    assert OutboundEmail.objects.filter(to=customer_admin.email, topic="invitation").count() == 2
    assert OutboundEmail.objects.filter(to="newcomer@nobody.example").count() == 2
