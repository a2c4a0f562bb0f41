"""An offer is a listed, pending partner request from the moment it is sent, whatever the address:
what the reseller sees cannot tell an address with an account from one without, until the company
answers; an offer to an address without an account is resent, cancelled and expires as any other,
and its sign-up link follows the offer's life."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from notifications.models import ActivityRecord, Notification, OutboundEmail
from partners import services
from partners.models import Invitation, PartnerLink
from tests.conftest import api_client_for
from tests.factories import AdminFactory, CompanyFactory, PartnerLinkFactory, ResellerFactory
from tests.partners.delivery import offer_delivered
from webhooks.models import Endpoint, Event

pytestmark = pytest.mark.django_db

KNOWN_OR_NOT = ["known", "unknown"]
# What differs between any two offers, whatever the address: left out of the comparisons.
PER_OFFER = {"id", "created_at", "expires_at", "last_sent_at", "to_email", "email"}


@pytest.fixture
def reseller_client(reseller_admin, api_for):
    return api_for(reseller_admin)


@pytest.fixture(autouse=True)
def _enough_offers(settings):
    settings.CUSTOMER_OFFERS_PER_RESELLER_PER_HOUR = 100
    settings.CUSTOMER_OFFERS_PER_RESELLER_PER_DAY = 100


@pytest.fixture
def address(customer_admin):
    """The address offered to: an admin of a customer company, or one without an account."""
    return {"known": customer_admin.email, "unknown": "newcomer@nobody.example"}


def offer(client, email, **extra):
    """Send an offer, then deliver it as the worker does after commit (tests/partners/delivery)."""
    with offer_delivered():
        return client.post(
            "/api/v1/customer-offers/",
            {"email": email, "company_name": "Acme", "message": "Hi", **extra},
            format="json",
        )


def act(client, invitation_id, action):
    with offer_delivered():  # a resent offer is delivered as a first one
        return client.post(f"/api/v1/invitations/{invitation_id}/{action}/")


def without_per_offer(value):
    if isinstance(value, dict):
        return {k: without_per_offer(v) for k, v in value.items() if k not in PER_OFFER}
    if isinstance(value, list):
        return [without_per_offer(v) for v in value]
    return value


def reseller_view(client, page, invitation_id=None):
    """Everything the reseller's admin sees of its offers: the API's lists and detail, and the
    pages (Issued requests, the offer's page, the dashboard) with the address taken out."""
    issued = client.get("/api/v1/invitations/?direction=issued").json()
    offers = client.get("/api/v1/invitations/?kind=offer").json()
    seen = {"issued": issued, "offers": offers}
    if invitation_id:
        seen["detail"] = client.get(f"/api/v1/invitations/{invitation_id}/").json()
    pages = {}
    for path in ("/notifications/issued/", f"/partner/requests/{invitation_id}/", "/dashboard/"):
        html = page.get(path).content.decode()
        pages[path] = html
    return without_per_offer(seen), pages


def test_known_and_unknown_addresses_look_the_same_to_the_reseller(
    reseller_client, reseller_admin, client, address, customer
):
    client.force_login(reseller_admin)
    views = {}
    for kind in KNOWN_OR_NOT:
        Invitation.objects.all().delete()
        response = offer(reseller_client, address[kind])
        assert response.status_code == 201
        body = response.json()
        invitation_id = body["invitation"]["id"]
        api, pages = reseller_view(reseller_client, client, invitation_id)
        for path, html in pages.items():
            # The address the reseller typed is on its pages; the company behind it is not.
            assert address[kind] in html, path
            assert customer.name not in html, path
            pages[path] = html.replace(address[kind], "ADDRESS").replace(invitation_id, "ID")
        views[kind] = (response.status_code, without_per_offer(body), api)
        assert body["invitation"]["to_company"] is None
        assert body["invitation"]["to_email"] == address[kind] == body["email"]
        assert body["invitation"]["status"] == "pending"
        assert body["invitation"]["replaces"] is None
        assert api["issued"]["count"] == api["offers"]["count"] == 1
    assert views["known"] == views["unknown"]
    assert json.dumps(views["known"])  # plain data, compared whole


def test_the_reseller_sees_the_company_once_it_answers(reseller_client, customer_admin, customer):
    invitation_id = offer(reseller_client, customer_admin.email).json()["invitation"]["id"]
    assert act(api_client_for(customer_admin), invitation_id, "decline").status_code == 200
    row = reseller_client.get(f"/api/v1/invitations/{invitation_id}/").json()
    assert row["status"] == "declined" and row["to_company"]["name"] == customer.name


@pytest.mark.parametrize("kind", KNOWN_OR_NOT)
def test_a_second_offer_to_a_pending_address_is_refused_alike(reseller_client, address, kind):
    assert offer(reseller_client, address[kind]).status_code == 201
    again = offer(reseller_client, address[kind].upper())
    assert again.status_code == 409 and again.json()["code"] == "offer_pending"
    assert Invitation.objects.count() == 1
    # Once that offer is cancelled, the address may be offered to again.
    (pending,) = Invitation.objects.all()
    assert act(reseller_client, pending.pk, "cancel").status_code == 200
    assert offer(reseller_client, address[kind]).status_code == 201


def test_throttles_count_offers_to_either_kind_of_address(reseller_client, address, settings):
    settings.CUSTOMER_OFFERS_PER_RESELLER_PER_HOUR = 2
    assert offer(reseller_client, address["known"]).status_code == 201
    assert offer(reseller_client, address["unknown"]).status_code == 201
    refused = offer(reseller_client, "third@nobody.example")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert Invitation.objects.count() == 2


# --- the life of an offer to an address without an account ----------------------------------


def sign_up_path(email: OutboundEmail) -> str:
    return "/partner/offer/" + email.body_text.split("/partner/offer/", 1)[1].split("/", 1)[0] + "/"


SIGN_UP = {
    "company_name": "Newco Ltd",
    "country": "GB",
    "admin_name": "Eve Admin",
    "password": "a long enough passphrase",
    "language": "en",
}


@pytest.fixture
def unknown_offer(reseller_client):
    body = offer(reseller_client, "eve@newco.example", scopes=["licensing"]).json()
    invitation = Invitation.objects.get(pk=body["invitation"]["id"])
    return invitation, sign_up_path(OutboundEmail.objects.get(to="eve@newco.example"))


def test_resend_sends_a_new_sign_up_link_and_the_old_one_stops_working(
    reseller_client, client, unknown_offer
):
    invitation, old_path = unknown_offer
    Invitation.objects.filter(pk=invitation.pk).update(
        last_sent_at=timezone.now() - timedelta(hours=1)
    )
    response = act(reseller_client, invitation.pk, "resend")
    assert response.status_code == 200
    body = response.json()
    assert body["sent_count"] == 2 and body["to_company"] is None
    assert body["email_status"] == "queued"
    emails = OutboundEmail.objects.filter(to="eve@newco.example").order_by("created_at")
    assert emails.count() == 2
    new_path = sign_up_path(emails.last())
    assert new_path != old_path
    assert client.get(old_path).status_code == 404
    assert client.post(old_path, SIGN_UP).status_code == 404
    assert client.get(new_path).status_code == 200
    # Throttled as any resend.
    again = act(reseller_client, invitation.pk, "resend")
    assert again.status_code == 429 and int(again["Retry-After"]) > 0


def test_cancel_ends_the_sign_up_link_and_nothing_is_created(
    reseller_client, client, unknown_offer, reseller
):
    invitation, path = unknown_offer
    response = act(reseller_client, invitation.pk, "cancel")
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    page = client.get(path)
    assert page.status_code == 404 and "The offer was withdrawn" in page.content.decode()
    assert client.post(path, SIGN_UP).status_code == 404
    assert not CompanyFactory._meta.model.objects.filter(name="Newco Ltd").exists()
    record = ActivityRecord.objects.get(company=reseller, verb="invitation.cancelled")
    assert record.params["to_company"] == "eve@newco.example"


def test_expiry_ends_the_sign_up_link_the_reseller_is_told_and_may_resend(
    reseller_client, client, unknown_offer, reseller_admin
):
    invitation, path = unknown_offer
    # No admins to remind yet: reminders skip it.
    now = timezone.now()
    assert services.invitations_remind_due(now=now + timedelta(days=4)) == 0
    assert services.invitations_expire_due(now=invitation.expires_at + timedelta(seconds=1)) == 1
    invitation.refresh_from_db()
    assert invitation.status == "expired"
    assert client.get(path).status_code == 404
    told = OutboundEmail.objects.get(topic="invitation_expired", to=reseller_admin.email)
    assert "eve@newco.example" in told.body_text
    Invitation.objects.filter(pk=invitation.pk).update(
        last_sent_at=timezone.now() - timedelta(hours=1)
    )
    resent = act(reseller_client, invitation.pk, "resend")
    assert resent.status_code == 200 and resent.json()["status"] == "pending"
    latest = OutboundEmail.objects.filter(to="eve@newco.example").latest("created_at")
    assert client.get(sign_up_path(latest)).status_code == 200


def test_sign_up_through_the_link_gives_the_offer_to_the_new_company(
    reseller_client, client, unknown_offer, reseller
):
    invitation, path = unknown_offer
    page = client.get(path)
    assert page.status_code == 200 and reseller.name in page.content.decode()
    done = client.post(path, SIGN_UP)
    assert done.status_code == 200 and "Check your email" in done.content.decode()
    invitation.refresh_from_db()
    newco = invitation.to_company
    assert newco.name == "Newco Ltd" and invitation.status == "pending"
    # The new admin (active once activated) answers it; the reseller still sees the address.
    eve = newco.users.get()
    eve.is_active = True
    eve.save()
    received = api_client_for(eve).get("/api/v1/invitations/?direction=received").json()
    assert [r["id"] for r in received["results"]] == [str(invitation.pk)]
    issued = reseller_client.get(f"/api/v1/invitations/{invitation.pk}/").json()
    assert issued["to_company"] is None and issued["to_email"] == "eve@newco.example"
    assert act(api_client_for(eve), invitation.pk, "accept").status_code == 200
    link = PartnerLink.objects.get(ended_at__isnull=True)
    assert (link.company, link.partner, link.scopes) == (newco, reseller, ["licensing"])
    issued = reseller_client.get(f"/api/v1/invitations/{invitation.pk}/").json()
    assert issued["to_company"]["name"] == "Newco Ltd"


def test_an_address_that_got_an_account_meanwhile_gets_the_offer_on_resend(
    reseller_client, unknown_offer
):
    invitation, _path = unknown_offer
    eve = AdminFactory(company=CompanyFactory(name="Eve GmbH"), email="eve@newco.example")
    Invitation.objects.filter(pk=invitation.pk).update(
        last_sent_at=timezone.now() - timedelta(hours=1)
    )
    assert act(reseller_client, invitation.pk, "resend").status_code == 200
    invitation.refresh_from_db()
    assert invitation.to_company == eve.company
    latest = OutboundEmail.objects.filter(to=eve.email).latest("created_at")
    assert "/partner/open/" in latest.body_text
    # Eve's company hears of the offer once, as a first send: not that it "came again".
    told = [n.text for n in Notification.objects.filter(recipient=eve)]
    assert len(told) == 1 and "offers to become the partner" in told[0]
    assert not ActivityRecord.objects.filter(company=eve.company, verb="invitation.resent").exists()


@pytest.mark.parametrize("kind", KNOWN_OR_NOT)
def test_resending_an_expired_offer_answers_alike_when_the_company_is_ours_meanwhile(
    reseller_client, reseller, address, customer, kind
):
    invitation_id = offer(reseller_client, address[kind]).json()["invitation"]["id"]
    services.invitations_expire_due(now=timezone.now() + timedelta(days=15))
    # Meanwhile the company the known address belongs to made the reseller its partner.
    PartnerLinkFactory(company=customer, partner=reseller)
    Invitation.objects.filter(pk=invitation_id).update(
        last_sent_at=timezone.now() - timedelta(hours=1)
    )
    resent = act(reseller_client, invitation_id, "resend")
    assert resent.status_code == 200 and resent.json()["status"] == "pending"
    assert resent.json()["to_company"] is None


# --- tenancy -------------------------------------------------------------------------------------


def test_nobody_else_sees_or_changes_an_offer(reseller_client, unknown_offer, customer_admin):
    invitation, _path = unknown_offer
    other_reseller = api_client_for(AdminFactory(company=ResellerFactory()))
    outsider = api_client_for(customer_admin)
    for client in (other_reseller, outsider):
        assert client.get(f"/api/v1/invitations/{invitation.pk}/").status_code == 404
        for action in ("resend", "cancel", "accept", "decline"):
            assert act(client, invitation.pk, action).status_code == 404
        for direction in ("issued", "received"):
            rows = client.get(f"/api/v1/invitations/?direction={direction}").json()["results"]
            assert str(invitation.pk) not in [r["id"] for r in rows]
    invitation.refresh_from_db()
    assert invitation.status == "pending" and invitation.sent_count == 1


def test_the_receiving_company_sees_whom_an_accept_replaces_and_the_reseller_never(
    reseller_client, customer, customer_admin, reseller_admin
):
    old = ResellerFactory(name="Old Telecom")
    PartnerLinkFactory(company=customer, partner=old)
    invitation_id = offer(reseller_client, customer_admin.email).json()["invitation"]["id"]
    mine = api_client_for(customer_admin)
    row = mine.get(f"/api/v1/invitations/{invitation_id}/").json()
    assert row["replaces"] == {"id": str(old.pk), "name": "Old Telecom", "kind": "reseller"}
    listed = mine.get("/api/v1/invitations/?direction=received").json()["results"]
    assert listed[0]["replaces"]["name"] == "Old Telecom"
    assert reseller_client.get(f"/api/v1/invitations/{invitation_id}/").json()["replaces"] is None
    # The offer's page asks the receiving admin to confirm, naming the partner it replaces.
    page = Client()
    page.force_login(customer_admin)
    html = page.get(f"/partner/requests/{invitation_id}/").content.decode()
    assert "Old Telecom is your partner now" in html and "replaces Old Telecom" in html
    page.force_login(reseller_admin)
    html = page.get(f"/partner/requests/{invitation_id}/").content.decode()
    assert "Old Telecom" not in html and customer.name not in html
    assert act(mine, invitation_id, "accept").status_code == 200
    assert mine.get(f"/api/v1/invitations/{invitation_id}/").json()["replaces"] is None


def test_the_resellers_webhooks_carry_the_address_not_the_company(
    reseller_client, reseller, customer, customer_admin
):
    for company in (reseller, customer):
        Endpoint.objects.create(
            company=company, url="https://hooks.example/in", events=["*"], secret="whsec_x"
        )
    offer(reseller_client, customer_admin.email)
    (sent,) = Event.objects.filter(company=reseller, type="invitation.sent")
    data = json.loads(sent.body)["data"]["invitation"]
    assert data["to_company"] is None and data["to_email"] == customer_admin.email
    assert data["direction"] == "offer"
    (received,) = Event.objects.filter(company=customer, type="invitation.sent")
    assert json.loads(received.body)["data"]["invitation"]["to_company"]["name"] == customer.name
