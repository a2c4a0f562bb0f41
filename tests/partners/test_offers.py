"""The reseller's offer (POST /customer-offers/) and time-bound scopes, through the REST API."""

import statistics
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from notifications.models import ActivityRecord, Notification, OutboundEmail
from partners import services
from partners.models import Invitation, PartnerLink
from tests.clock import is_the_daily_wait
from tests.factories import (
    AdminFactory,
    CompanyFactory,
    PartnerLinkFactory,
    ResellerFactory,
    UserFactory,
)
from tests.partners.delivery import offer_delivered
from tests.partners.factories import InvitationFactory
from tests.telephony.factories import CloudPbxFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reseller_client(reseller_admin, api_for):
    return api_for(reseller_admin)


@pytest.fixture
def customer_client(customer_admin, api_for):
    return api_for(customer_admin)


def offer(client, email, **extra):
    """Send an offer, then deliver it as the worker does after commit (tests/partners/delivery)."""
    with offer_delivered():
        return client.post("/api/v1/customer-offers/", {"email": email, **extra}, format="json")


def act(client, invitation_id, action):
    with offer_delivered():  # a resent offer is delivered as a first one
        return client.post(f"/api/v1/invitations/{invitation_id}/{action}/")


def the_offer(reseller, customer) -> Invitation:
    return Invitation.objects.get(direction="offer", from_company=reseller, to_company=customer)


# --- sending ------------------------------------------------------------------------------------


def test_an_offer_reaches_the_customers_admins_in_received_requests_and_by_email(
    reseller_client, reseller, customer, customer_admin, api_for
):
    until = timezone.now() + timedelta(days=90)
    response = offer(
        reseller_client,
        customer_admin.email,
        message="We look after your licenses.",
        scopes=["licensing"],
        scopes_until=until.isoformat(),
    )
    assert response.status_code == 201, response.json()
    invitation = the_offer(reseller, customer)
    assert invitation.status == "pending" and invitation.scopes == ["licensing"]
    received = api_for(customer_admin).get("/api/v1/invitations/?direction=received").json()
    (row,) = received["results"]
    assert row["direction"] == "offer" and row["id"] == str(invitation.pk)
    assert row["from_company"]["name"] == reseller.name
    assert row["scopes"] == ["licensing"] and row["scopes_until"] is not None
    assert row["email_status"] == "queued"
    assert row["to_company"]["name"] == customer.name and row["replaces"] is None
    issued = reseller_client.get("/api/v1/invitations/?direction=issued&kind=offer").json()
    assert [r["id"] for r in issued["results"]] == [str(invitation.pk)]
    # Until the company answers, the reseller knows the address it wrote to, nothing more.
    assert issued["results"][0]["to_company"] is None
    assert issued["results"][0]["to_email"] == customer_admin.email
    email = OutboundEmail.objects.get(topic="invitation", to=customer_admin.email)
    assert f"{reseller.name} offers to become the partner of {customer.name}" in email.subject
    assert "subscriptions (licensing)" in email.body_text
    assert "PBXs (telephony)" not in email.body_text
    assert Notification.objects.filter(recipient=customer_admin).exists()
    assert ActivityRecord.objects.filter(company=customer, verb="invitation.offered").exists()


def test_kind_filter_keeps_requests_or_offers_and_refuses_anything_else(
    reseller_client, reseller, customer
):
    InvitationFactory(from_company=customer, to_company=reseller)
    offered = InvitationFactory(
        from_company=reseller, to_company=CompanyFactory(), direction="offer"
    )
    received = reseller_client.get("/api/v1/invitations/?direction=received&kind=request").json()
    assert [r["direction"] for r in received["results"]] == ["request"]
    assert (
        reseller_client.get("/api/v1/invitations/?direction=received&kind=offer").json()["results"]
        == []
    )
    issued = reseller_client.get("/api/v1/invitations/?kind=offer").json()["results"]
    assert [r["id"] for r in issued] == [str(offered.pk)]
    bad = reseller_client.get("/api/v1/invitations/?kind=gift")
    assert bad.status_code == 400 and bad.json()["code"] == "invalid_kind"


def test_an_offer_is_for_resellers_admins_only(customer_client, api_for, reseller):
    refused = offer(customer_client, "someone@example.com")
    assert refused.status_code == 403 and refused.json()["code"] == "resellers_only"
    member = api_for(UserFactory(company=reseller))
    assert offer(member, "someone@example.com").status_code == 403
    assert not Invitation.objects.exists() and not OutboundEmail.objects.exists()


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({"email": "not-an-address"}, "email", "invalid_email"),
        ({"email": "a@example.com", "scopes": ["everything"]}, "scopes", None),
        (
            {"email": "a@example.com", "scopes_until": "2001-01-01T00:00:00Z"},
            None,
            "scopes_until_past",
        ),
        ({"email": "a@example.com", "message": "x" * 2001}, "message", None),
        ({}, "email", None),
    ],
)
def test_a_bad_offer_is_refused_with_a_clear_error_and_nothing_written(
    reseller_client, body, field, code
):
    response = reseller_client.post("/api/v1/customer-offers/", body, format="json")
    assert response.status_code == 400
    payload = response.json()
    assert payload["detail"] and payload["code"]
    if code:
        assert payload["code"] == code
    assert not Invitation.objects.exists() and not OutboundEmail.objects.exists()


# --- known and unknown addresses answer alike ----------------------------------------------------


def test_unknown_and_known_addresses_get_the_same_answer(reseller_client, customer_admin, settings):
    """The request does the same work whatever the address (same queries, same answer, same
    time); what differs (attach the company and email its admins, or email a sign-up link) is
    the worker's, after commit: run here after the timer, to check it happened."""
    settings.CUSTOMER_OFFERS_PER_RESELLER_PER_HOUR = 100
    settings.CUSTOMER_OFFERS_PER_RESELLER_PER_DAY = 100
    timings: dict[str, list[float]] = {"known": [], "unknown": []}
    queries: dict[str, set[int]] = {"known": set(), "unknown": set()}
    answers = {}
    offer(reseller_client, "warm-up@nobody.example")  # the API key's first use is noted once
    for round_ in range(7):
        for kind, email in (
            ("known", customer_admin.email),
            ("unknown", f"new{round_}@nobody.example"),
        ):
            Invitation.objects.all().delete()
            OutboundEmail.objects.all().delete()
            with offer_delivered(), CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = reseller_client.post(
                    "/api/v1/customer-offers/",
                    {"email": email, "message": "Hi", "scopes": ["telephony"]},
                    format="json",
                )
                timings[kind].append(time.perf_counter() - started)
            queries[kind].add(len(captured))
            body = response.json()
            answers[kind] = (response.status_code, sorted(body), body["scopes"], body["message"])
            # Delivered after the answer: the admin gets the offer, the newcomer a sign-up link.
            sent = OutboundEmail.objects.get(to=email)
            assert ("/partner/open/" in sent.body_text) == (kind == "known")
            assert ("/partner/offer/" in sent.body_text) == (kind == "unknown")
    assert (
        answers["known"]
        == answers["unknown"]
        == (
            201,
            ["company_name", "email", "invitation", "message", "scopes", "scopes_until"],
            ["telephony"],
            "Hi",
        )
    )
    # The same queries whatever the address: nothing in the request depends on it.
    assert queries["known"] == queries["unknown"] and len(queries["known"]) == 1, queries
    known, unknown = statistics.median(timings["known"]), statistics.median(timings["unknown"])
    # Within noise: the slower answer takes at most 30 ms more than the faster one.
    assert abs(known - unknown) < 0.03, timings


def test_an_address_without_account_gets_a_sign_up_link_and_a_pending_offer_without_company(
    reseller_client, reseller
):
    companies = CompanyFactory._meta.model.objects.count()
    assert (
        offer(reseller_client, "Newcomer@Nobody.example", company_name="Newco").status_code == 201
    )
    email = OutboundEmail.objects.get(to="newcomer@nobody.example")
    assert email.topic == "invitation"
    assert "/partner/offer/" in email.body_text
    # In the language of the reseller's admin who wrote it (nobody else's is known).
    assert (
        email.subject == f"{reseller.name} bietet an, Ihr Unternehmen bei Rainbow Admin zu betreuen"
    )
    assert CompanyFactory._meta.model.objects.count() == companies
    pending = Invitation.objects.get()
    assert (pending.status, pending.to_company, pending.to_email, pending.to_company_name) == (
        "pending",
        None,
        "newcomer@nobody.example",
        "Newco",
    )


def test_a_member_or_a_company_already_ours_gets_no_offer_to_answer_but_the_same_answer(
    reseller_client, reseller, customer, customer_admin, api_for
):
    member = UserFactory(company=customer, language="fr")
    assert offer(reseller_client, member.email).status_code == 201
    PartnerLinkFactory(company=customer, partner=reseller)
    assert offer(reseller_client, customer_admin.email).status_code == 201
    # Listed for the reseller as any offer, but nobody can answer them.
    assert Invitation.objects.filter(status="pending", to_company__isnull=True).count() == 2
    received = api_for(customer_admin).get("/api/v1/invitations/?direction=received").json()
    assert received["results"] == []
    # Each address is told, in its own language, that there is nothing to accept with it.
    told = OutboundEmail.objects.get(to=member.email)
    assert told.topic == "invitation" and "/partner/" not in told.body_text
    assert "rien à accepter avec votre compte" in told.body_text
    assert OutboundEmail.objects.filter(to=customer_admin.email).count() == 1


def test_offers_are_limited_per_reseller_per_hour_with_retry_after(
    reseller_client, settings, reseller
):
    settings.CUSTOMER_OFFERS_PER_RESELLER_PER_HOUR = 3
    for number in range(3):
        assert offer(reseller_client, f"p{number}@nobody.example").status_code == 201
    refused = offer(reseller_client, "p9@nobody.example")
    assert refused.status_code == 429 and refused.json()["code"] == "throttled"
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert OutboundEmail.objects.filter(to__endswith="@nobody.example").count() == 3
    assert Invitation.objects.filter(from_company=reseller).count() == 3  # the refused: none
    # Another reseller is not held back.
    other = AdminFactory(company=ResellerFactory())
    from tests.conftest import api_client_for

    assert offer(api_client_for(other), "p9@nobody.example").status_code == 201


def test_offers_are_limited_per_reseller_per_day(reseller_client, settings):
    settings.CUSTOMER_OFFERS_PER_RESELLER_PER_DAY = 2
    assert offer(reseller_client, "a@nobody.example").status_code == 201
    assert offer(reseller_client, "b@nobody.example").status_code == 201
    refused = offer(reseller_client, "c@nobody.example")
    assert refused.status_code == 429 and is_the_daily_wait(refused["Retry-After"])


# --- every transition, requests and offers side by side -------------------------------------------


@pytest.fixture
def pair(customer, customer_admin, reseller, reseller_admin, api_for):
    """(sender client, target client, invitation factory) per direction."""

    def make(direction):
        if direction == "request":
            invitation = InvitationFactory(from_company=customer, to_company=reseller)
            return api_for(customer_admin), api_for(reseller_admin), invitation
        invitation = InvitationFactory(
            from_company=reseller,
            to_company=customer,
            direction="offer",
            scope_telephony=False,
        )
        return api_for(reseller_admin), api_for(customer_admin), invitation

    return make


@pytest.mark.parametrize("direction", ["request", "offer"])
def test_accept_links_the_customer_to_the_reseller_whichever_side_asked(
    pair, direction, customer, reseller
):
    sender, target, invitation = pair(direction)
    assert act(sender, invitation.pk, "accept").status_code == 403
    response = act(target, invitation.pk, "accept")
    assert response.status_code == 200 and response.json()["status"] == "accepted"
    assert response.json()["direction"] == direction
    link = PartnerLink.objects.get(ended_at__isnull=True)
    assert (link.company, link.partner) == (customer, reseller)
    expected = ["licensing", "telephony"] if direction == "request" else ["licensing"]
    assert link.scopes == expected
    again = act(target, invitation.pk, "accept")
    assert again.status_code == 409 and again.json()["code"] == "invitation_not_pending"


@pytest.mark.parametrize("direction", ["request", "offer"])
def test_decline_leaves_no_link_and_tells_the_sender(pair, direction):
    sender, target, invitation = pair(direction)
    assert act(sender, invitation.pk, "decline").status_code == 403
    response = act(target, invitation.pk, "decline")
    assert response.status_code == 200 and response.json()["status"] == "declined"
    assert not PartnerLink.objects.exists()
    assert act(target, invitation.pk, "accept").status_code == 409
    assert Notification.objects.filter(recipient__company=invitation.from_company).exists()


@pytest.mark.parametrize("direction", ["request", "offer"])
def test_cancel_by_the_sender_only_then_nothing_more(pair, direction):
    sender, target, invitation = pair(direction)
    assert act(target, invitation.pk, "cancel").status_code == 403
    response = act(sender, invitation.pk, "cancel")
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    assert act(target, invitation.pk, "accept").status_code == 409
    assert act(sender, invitation.pk, "resend").status_code == 409


@pytest.mark.parametrize("direction", ["request", "offer"])
def test_resend_gives_a_new_link_and_is_throttled(pair, direction):
    sender, target, invitation = pair(direction)
    invitation.last_sent_at = timezone.now() - timedelta(hours=1)
    invitation.save()
    old_hash = invitation.token_hash
    assert act(target, invitation.pk, "resend").status_code == 403
    response = act(sender, invitation.pk, "resend")
    assert response.status_code == 200 and response.json()["sent_count"] == 2
    invitation.refresh_from_db()
    assert invitation.token_hash != old_hash
    latest = OutboundEmail.objects.filter(topic="invitation").latest("created_at")
    assert ("offers to become the partner" in latest.body_text) == (direction == "offer")
    again = act(sender, invitation.pk, "resend")
    assert again.status_code == 429 and int(again["Retry-After"]) > 0


@pytest.mark.parametrize("direction", ["request", "offer"])
def test_expiry_and_reminders_apply_to_both(pair, direction):
    sender, target, invitation = pair(direction)
    now = timezone.now()
    invitation.last_sent_at = now - timedelta(days=4)
    invitation.save()
    assert services.invitations_remind_due(now=now) == 1
    assert services.invitations_remind_due(now=now) == 0
    reminder = OutboundEmail.objects.get(topic="invitation_reminder")
    assert ("offered to become the partner" in reminder.body_text) == (direction == "offer")
    assert services.invitations_expire_due(now=invitation.expires_at + timedelta(seconds=1)) == 1
    invitation.refresh_from_db()
    assert invitation.status == "expired"
    response = act(target, invitation.pk, "accept")
    assert response.status_code == 409
    assert act(sender, invitation.pk, "resend").status_code == 200  # expired may be resent


def test_a_reseller_holds_several_open_offers_but_one_per_address_and_company(
    reseller_client, reseller, customer, customer_admin
):
    other_admin = AdminFactory(company=CompanyFactory())
    assert offer(reseller_client, customer_admin.email).status_code == 201
    assert offer(reseller_client, other_admin.email).status_code == 201
    again = offer(reseller_client, customer_admin.email.upper())
    assert again.status_code == 409 and again.json()["code"] == "offer_pending"
    # A second admin of a company that already has the offer: a pending offer, nothing to
    # answer (the company keeps one), and the same answer as to anyone.
    second = AdminFactory(company=customer)
    assert offer(reseller_client, second.email).status_code == 201
    assert Invitation.objects.filter(to_company=customer, status="pending").count() == 1
    assert Invitation.objects.filter(from_company=reseller, status="pending").count() == 3


def test_accepting_an_offer_replaces_the_current_partner_who_is_told(
    customer, customer_admin, reseller, api_for, client
):
    old = ResellerFactory(name="Old Partner")
    old_admin = AdminFactory(company=old)
    PartnerLinkFactory(company=customer, partner=old)
    invitation = InvitationFactory(from_company=reseller, to_company=customer, direction="offer")
    client.force_login(customer_admin)
    detail = client.get(f"/partner/requests/{invitation.pk}/").content.decode()
    assert "Old Partner is your partner now: accepting ends that partnership" in detail
    assert act(api_for(customer_admin), invitation.pk, "accept").status_code == 200
    old_link = PartnerLink.objects.get(partner=old)
    assert old_link.end_reason == "replaced"
    assert Notification.objects.filter(recipient=old_admin).exists()


# --- time-bound scopes ---------------------------------------------------------------------


def test_the_customer_sets_and_clears_the_end_of_the_scopes(
    customer_client, customer, reseller, reseller_admin
):
    PartnerLinkFactory(company=customer, partner=reseller)
    until = timezone.now() + timedelta(days=30)
    response = customer_client.patch(
        "/api/v1/partner/", {"scopes_until": until.isoformat()}, format="json"
    )
    assert response.status_code == 200 and response.json()["scopes_until"] is not None
    assert Notification.objects.filter(recipient=reseller_admin).exists()
    past = customer_client.patch(
        "/api/v1/partner/", {"scopes_until": "2001-01-01T00:00:00Z"}, format="json"
    )
    assert past.status_code == 400 and past.json()["code"] == "scopes_until_past"
    cleared = customer_client.patch("/api/v1/partner/", {"scopes_until": None}, format="json")
    assert cleared.status_code == 200 and cleared.json()["scopes_until"] is None
    assert customer_client.patch("/api/v1/partner/", {}, format="json").status_code == 400
    partner_view = customer_client.get("/api/v1/partner/").json()
    assert partner_view["scopes"] == ["licensing", "telephony"]


def test_a_partner_cannot_set_the_end_of_its_own_scopes(
    customer, reseller, reseller_admin, api_for
):
    PartnerLinkFactory(company=customer, partner=reseller)
    response = api_for(reseller_admin).patch(
        "/api/v1/partner/",
        {"scopes_until": (timezone.now() + timedelta(days=400)).isoformat()},
        format="json",
    )
    assert response.status_code == 409  # its own company has no partner
    assert PartnerLink.objects.get().scopes_until is None


def test_scopes_past_their_date_are_refused_at_once_before_beat_runs(
    customer, reseller, reseller_admin, api_for
):
    link = PartnerLinkFactory(
        company=customer, partner=reseller, scopes_until=timezone.now() + timedelta(seconds=2)
    )
    pbx = CloudPbxFactory(company=customer)
    client = api_for(reseller_admin)
    subscriptions = f"/api/v1/companies/{customer.pk}/subscriptions/"
    before = client.post(subscriptions, {"offer": "essential", "quantity": 1}, format="json")
    assert before.status_code == 201, before.json()
    assert (
        client.patch(f"/api/v1/pbxs/{pbx.pk}/", {"name": "Before"}, format="json").status_code
        == 200
    )
    time.sleep(2.1)
    refused = client.post(subscriptions, {"offer": "essential", "quantity": 1}, format="json")
    assert refused.status_code == 403 and refused.json()["code"] == "partner_scope_required"
    pbx_refused = client.patch(f"/api/v1/pbxs/{pbx.pk}/", {"name": "After"}, format="json")
    assert pbx_refused.status_code == 403
    customers = client.get(f"/api/v1/customers/{customer.pk}/").json()
    assert customers["scopes"] == []
    link.refresh_from_db()
    assert link.scope_licensing  # beat has not run: the date alone refuses


def test_beat_drops_expired_scopes_and_tells_both_sides_once(
    customer, customer_admin, reseller, reseller_admin
):
    link = PartnerLinkFactory(company=customer, partner=reseller)
    PartnerLink.objects.filter(pk=link.pk).update(
        scopes_until=timezone.now() - timedelta(minutes=1)
    )
    assert services.partner_scopes_drop_due() == 1
    assert services.partner_scopes_drop_due() == 0
    link.refresh_from_db()
    assert link.scopes == [] and link.scopes_until is None and link.is_active
    ended = OutboundEmail.objects.filter(topic="partner_scopes_ended")
    assert sorted(ended.values_list("to", flat=True)) == sorted(
        [customer_admin.email, reseller_admin.email]
    )
    assert ended.get(to=customer_admin.email).subject == (
        f"The scopes of {reseller.name} on {customer.name} have ended"
    )
    assert "sind abgelaufen" in ended.get(to=reseller_admin.email).subject  # Jonas reads German


def test_reminders_go_to_both_sides_seven_days_before_and_only_once(
    customer, customer_admin, reseller, reseller_admin, customer_client
):
    now = timezone.now()
    link = PartnerLinkFactory(
        company=customer, partner=reseller, scopes_until=now + timedelta(days=10)
    )
    assert services.partner_scopes_remind_due(now=now) == 0  # not yet
    later = now + timedelta(days=3, minutes=1)
    assert services.partner_scopes_remind_due(now=later) == 1
    assert services.partner_scopes_remind_due(now=later) == 0
    assert services.partner_scopes_remind_due(now=later + timedelta(days=1)) == 0
    reminders = OutboundEmail.objects.filter(topic="partner_scopes_ending")
    assert sorted(reminders.values_list("to", flat=True)) == sorted(
        [customer_admin.email, reseller_admin.email]
    )
    customer_mail = reminders.get(to=customer_admin.email)
    assert "extend the scopes with one click" in customer_mail.body_text
    # One click extends; the new date is reminded in its turn.
    services.partner_link_extend_scopes(actor=customer_admin, company=customer)
    link.refresh_from_db()
    assert link.scopes_until == now + timedelta(days=10) + timedelta(days=90)
    assert link.scopes_reminder_sent_at is None


def test_an_offer_with_a_date_gives_a_link_with_that_date(
    reseller_client, reseller, customer, customer_admin, api_for
):
    until = timezone.now() + timedelta(days=60)
    offer(reseller_client, customer_admin.email, scopes_until=until.isoformat())
    invitation = the_offer(reseller, customer)
    assert act(api_for(customer_admin), invitation.pk, "accept").status_code == 200
    link = PartnerLink.objects.get(ended_at__isnull=True)
    assert abs((link.scopes_until - until).total_seconds()) < 1
    assert api_for(customer_admin).get("/api/v1/partner/").json()["scopes_until"] is not None


def test_offer_costs_a_fixed_number_of_queries(reseller_client, settings):
    settings.CUSTOMER_OFFERS_PER_RESELLER_PER_HOUR = 100
    counts = []
    offer(reseller_client, "warm-up@nobody.example")
    for number in (1, 2):
        for _ in range(number * 3):
            AdminFactory(company=CompanyFactory())
        with CaptureQueriesContext(connection) as queries:
            assert offer(reseller_client, f"q{number}@nobody.example").status_code == 201
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert not mail.outbox  # written to the outbox, delivered by the worker


# --- pages ---------------------------------------------------------------------------------------


def test_the_customer_picks_the_last_day_on_the_dashboard_and_extends_in_one_click(
    client, customer, customer_admin, reseller
):
    PartnerLinkFactory(company=customer, partner=reseller)
    client.force_login(customer_admin)
    response = client.post("/partner/scopes/until/", {"scopes_until": "2030-03-31"}, follow=True)
    link = PartnerLink.objects.get()
    assert link.scopes_last_day.isoformat() == "2030-03-31"
    page = response.content.decode()
    assert 'value="2030-03-31"' in page and "Extend the scopes" in page
    client.post("/partner/scopes/extend/")
    link.refresh_from_db()
    assert link.scopes_last_day.isoformat() == "2030-06-29"  # 90 days more
    refused = client.post("/partner/scopes/until/", {"scopes_until": "2001-01-01"}, follow=True)
    assert "Choose a date in the future" in refused.content.decode()
    client.post("/partner/scopes/until/", {"scopes_until": ""})
    link.refresh_from_db()
    assert link.scopes_until is None


def test_a_member_cannot_change_the_date(client, customer, reseller):
    PartnerLinkFactory(company=customer, partner=reseller)
    client.force_login(UserFactory(company=customer))
    client.post("/partner/scopes/until/", {"scopes_until": "2030-03-31"})
    assert PartnerLink.objects.get().scopes_until is None


def test_the_offer_page_sends_and_is_for_resellers_only(
    client, reseller_admin, customer_admin, settings
):
    client.force_login(reseller_admin)
    response = client.post(
        "/customers/offer/",
        {"email": customer_admin.email, "licensing": "on", "scopes_until": "2030-01-31"},
        follow=True,
    )
    assert "Ihr Angebot wurde an" in response.content.decode()  # Jonas reads German
    invitation = Invitation.objects.get(direction="offer")
    assert invitation.scopes == ["licensing"] and invitation.scopes_until is not None
    bad = client.post("/customers/offer/", {"email": "nope"})
    assert bad.status_code == 200 and "field has-error" in bad.content.decode()
    assert Invitation.objects.count() == 1
    client.force_login(customer_admin)
    assert client.get("/customers/offer/").status_code == 404


def test_the_resellers_dashboard_lists_its_open_offers_in_fixed_queries(
    client, reseller, reseller_admin, django_assert_max_num_queries
):
    client.force_login(reseller_admin)
    counts = []
    for total in (1, 5):
        while Invitation.objects.filter(direction="offer").count() < total:
            InvitationFactory(from_company=reseller, to_company=CompanyFactory(), direction="offer")
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/dashboard/").content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert page.count("/partner/requests/") >= 5 and "Your open offers" in page.replace(
        "Ihre offenen Angebote", "Your open offers"
    )


def _sign_up_path(reseller_client) -> str:
    offer(reseller_client, "eve@newco.example", company_name="Newco", scopes=["telephony"])
    # Queued, not yet sent: the outbox row still holds its link.
    body = OutboundEmail.objects.get(to="eve@newco.example").body_text
    return "/partner/offer/" + body.split("/partner/offer/", 1)[1].split("/", 1)[0] + "/"


SIGN_UP = {
    "company_name": "Newco Ltd",
    "country": "GB",
    "admin_name": "Eve Admin",
    "password": "a long enough passphrase",
    "language": "en",
}


def test_the_sign_up_link_makes_the_company_once_then_opens_the_offer(
    client, reseller_client, reseller
):
    path = _sign_up_path(reseller_client)
    first = client.post(path, SIGN_UP)
    assert first.status_code == 200 and "Check your email" in first.content.decode()
    offer_made = Invitation.objects.get(direction="offer")
    assert offer_made.from_company == reseller and offer_made.to_company.name == "Newco Ltd"
    assert offer_made.scopes == ["telephony"] and offer_made.status == "pending"
    assert not offer_made.to_company.partner_links.exists()
    # The link now opens the offer's page (sign in, then answer); it makes nothing more.
    again = client.post(path, {**SIGN_UP, "company_name": "Copycat"})
    assert again.status_code == 302 and "/partner/open/" in again["Location"]
    assert Invitation.objects.count() == 1
    assert not CompanyFactory._meta.model.objects.filter(name="Copycat").exists()


def test_a_forged_or_altered_sign_up_link_is_refused(client, reseller_client):
    path = _sign_up_path(reseller_client)
    assert client.get(path[:-3] + "xx/").status_code == 404
    assert client.post(path[:-3] + "xx/", SIGN_UP).status_code == 404
    assert client.get("/partner/offer/forged/").status_code == 404
    assert Invitation.objects.get().to_company is None  # nothing signed up


def test_the_partner_sees_until_when_it_may_manage(client, customer, reseller, reseller_admin):
    PartnerLinkFactory(
        company=customer,
        partner=reseller,
        scopes_until=timezone.make_aware(timezone.datetime(2031, 5, 1, 12, 0)),
    )
    client.force_login(reseller_admin)
    for path in ("/customers/", f"/customers/{customer.pk}/"):
        assert "bis 01.05.2031" in client.get(path).content.decode()  # Jonas reads German
    body = client.get(f"/api/v1/customers/{customer.pk}/").json()
    assert body["scopes_until"].startswith("2031-05-01")


# --- a scopes end date too far ahead, scopes granted again after the date ------------------------

TOO_FAR = "Choose a date at most 10 years ahead for the scopes to end."


def test_a_date_too_far_ahead_is_refused_clearly_on_the_pages(
    client, customer, customer_admin, reseller, reseller_admin
):
    PartnerLinkFactory(company=customer, partner=reseller)
    client.force_login(customer_admin)
    page = client.post("/partner/scopes/until/", {"scopes_until": "9999-12-31"}, follow=True)
    assert page.status_code == 200 and TOO_FAR in page.content.decode()
    assert PartnerLink.objects.get().scopes_until is None
    client.force_login(reseller_admin)
    page = client.post(
        "/customers/offer/",
        {"email": "eve@newco.example", "licensing": "on", "scopes_until": "9999-12-31"},
    )
    assert page.status_code == 200
    assert "Datum höchstens 10 Jahre in der Zukunft" in page.content.decode()  # Jonas reads German
    assert not Invitation.objects.exists()


def test_a_date_too_far_ahead_is_refused_clearly_by_the_api(
    customer, reseller, customer_client, reseller_client
):
    PartnerLinkFactory(company=customer, partner=reseller)
    far = "9999-12-31T00:00:00Z"
    response = customer_client.patch("/api/v1/partner/", {"scopes_until": far}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "scopes_until_too_far" and response.json()["detail"]
    assert PartnerLink.objects.get().scopes_until is None
    response = offer(reseller_client, "eve@newco.example", scopes_until=far)
    assert response.status_code == 400 and response.json()["code"] == "scopes_until_too_far"
    assert not Invitation.objects.exists()
    near = timezone.now() + timedelta(days=3652)
    ok = customer_client.patch(
        "/api/v1/partner/", {"scopes_until": near.isoformat()}, format="json"
    )
    assert ok.status_code == 200 and PartnerLink.objects.get().scopes_until == near


@pytest.mark.parametrize("years", [9.9, 7000])
def test_extending_past_ten_years_is_refused_clearly(
    client, customer, customer_admin, reseller, years
):
    until = timezone.now() + timedelta(days=365 * years)
    PartnerLinkFactory(company=customer, partner=reseller, scopes_until=until)
    client.force_login(customer_admin)
    page = client.post("/partner/scopes/extend/", follow=True)
    assert page.status_code == 200 and TOO_FAR in page.content.decode()
    assert PartnerLink.objects.get().scopes_until == until


def test_scopes_granted_again_after_their_end_date_hold_again(customer, customer_admin, reseller):
    link = PartnerLinkFactory(
        company=customer, partner=reseller, scopes_until=timezone.now() - timedelta(hours=1)
    )
    assert link.scopes == []
    services.partner_link_set_scopes(
        actor=customer_admin, company=customer, scopes=["licensing", "telephony"]
    )
    link.refresh_from_db()
    assert link.scopes == ["licensing", "telephony"] and link.scopes_until is None
