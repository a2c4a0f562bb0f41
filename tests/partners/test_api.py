"""Partner requests, the partner link, customers and Contact through the REST API."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from notifications.models import ActivityRecord, Notification, OutboundEmail
from partners.models import Invitation, PartnerLink, PartnerMessage
from tests.factories import (
    AdminFactory,
    CompanyFactory,
    DistributorFactory,
    PartnerLinkFactory,
    ResellerFactory,
    UserFactory,
)
from tests.partners.factories import InvitationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sender(customer_admin, api_for):
    return api_for(customer_admin)


@pytest.fixture
def target(reseller_admin, api_for):
    return api_for(reseller_admin)


def send(client, to_company, message="Hello"):
    return client.post(
        "/api/v1/invitations/",
        {"to_company": str(to_company.pk), "message": message},
        format="json",
    )


def act(client, invitation_id, action):
    return client.post(f"/api/v1/invitations/{invitation_id}/{action}/")


# --- send -------------------------------------------------------------------------------------


def test_customer_admin_invites_a_reseller_and_gets_the_contract_shape(
    sender, customer, customer_admin, reseller, reseller_admin
):
    AdminFactory(company=reseller, language="fr")
    response = send(sender, reseller)
    assert response.status_code == 201
    body = response.json()
    assert set(body) >= {
        "id", "status", "from_company", "to_company", "message", "created_at", "expires_at",
        "sent_count", "last_sent_at", "email_status", "created_by", "responded_at",
    }  # fmt: skip
    assert body["status"] == "pending" and body["sent_count"] == 1
    assert body["from_company"] == {
        "id": str(customer.pk),
        "name": customer.name,
        "kind": "customer",
    }
    assert body["to_company"]["kind"] == "reseller"
    assert body["created_by"] == {"id": str(customer_admin.pk), "name": "Anna Admin"}
    assert body["email_status"] in ("queued", "sent") and body["responded_at"] is None
    emails = OutboundEmail.objects.filter(topic="invitation", object_id=body["id"])
    assert sorted(e.to for e in emails) == sorted(a.email for a in reseller.users.all())
    assert {e.language for e in emails} == {"de", "fr"}
    assert Notification.objects.filter(recipient=reseller_admin).count() == 1
    assert ActivityRecord.objects.filter(company=reseller, verb="invitation.sent").exists()
    assert ActivityRecord.objects.filter(company=customer, verb="invitation.sent").exists()


def test_the_stored_token_is_only_a_hash_of_the_emailed_link(
    sender, reseller, reseller_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation_id = send(sender, reseller).json()["id"]
    email = OutboundEmail.objects.get(topic="invitation", object_id=invitation_id)
    # The link is in the email sent; the row, sent, keeps none (tests/security).
    [sent] = [m for m in mail.outbox if m.extra_headers["Message-ID"] == email.message_id]
    token = sent.body.split("/partner/open/")[1].split("/")[0]
    assert token not in email.body_text
    assert len(token) >= 43  # 256 bits, url-safe base64
    invitation = Invitation.objects.get(pk=invitation_id)
    assert token not in invitation.token_hash and len(invitation.token_hash) == 64


def test_reseller_invites_a_distributor(api_for, reseller_admin):
    distributor = DistributorFactory()
    response = send(api_for(reseller_admin), distributor)
    assert response.status_code == 201
    assert response.json()["to_company"]["kind"] == "distributor"


@pytest.mark.parametrize(
    ("sender_kind", "target_factory"),
    [
        ("customer", CompanyFactory),
        ("customer", DistributorFactory),
        ("reseller", ResellerFactory),
        ("reseller", CompanyFactory),
        ("distributor", ResellerFactory),
        ("distributor", DistributorFactory),
    ],
)
def test_any_other_pairing_is_refused_with_400_and_writes_nothing(
    api_for, sender_kind, target_factory
):
    admin = AdminFactory(company__kind=sender_kind)
    response = send(api_for(admin), target_factory())
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_target_kind"
    assert not Invitation.objects.exists() and not OutboundEmail.objects.exists()


def test_inviting_yourself_is_refused(api_for, reseller_admin):
    response = send(api_for(reseller_admin), reseller_admin.company)
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_inviting_an_unknown_company_is_a_bad_target(sender):
    response = sender.post(
        "/api/v1/invitations/",
        {"to_company": "6b1f9a3e-0000-4000-8000-000000000000"},
        format="json",
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid_target"


@pytest.mark.parametrize(
    "body",
    [
        {"to_company": "not-a-uuid"},
        {},
        {"to_company": 12},
        ["a list"],
        {"to_company": None},
    ],
)
def test_malformed_bodies_give_400_and_write_nothing(sender, body):
    response = sender.post("/api/v1/invitations/", body, format="json")
    assert response.status_code == 400
    assert set(response.json()) >= {"detail", "code"}
    assert not Invitation.objects.exists() and not Notification.objects.exists()


def test_a_body_that_is_not_json_gives_400(sender):
    response = sender.post("/api/v1/invitations/", "{oops", content_type="application/json")
    assert response.status_code == 400 and response.json()["code"] == "malformed_body"


def test_a_too_long_message_gives_400(sender, reseller):
    response = send(sender, reseller, message="x" * 2001)
    assert response.status_code == 400 and not Invitation.objects.exists()


def test_inviting_your_current_partner_conflicts(sender, customer, reseller):
    PartnerLinkFactory(company=customer, partner=reseller)
    response = send(sender, reseller)
    assert response.status_code == 409 and response.json()["code"] == "already_partner"


def test_a_second_pending_request_conflicts(sender, reseller):
    assert send(sender, reseller).status_code == 201
    response = send(sender, ResellerFactory())
    assert response.status_code == 409 and response.json()["code"] == "invitation_pending"
    assert Invitation.objects.count() == 1


def test_a_member_who_is_not_an_admin_cannot_send(api_for, customer, reseller):
    response = send(api_for(UserFactory(company=customer)), reseller)
    assert response.status_code == 403 and not Invitation.objects.exists()


# --- resend and cancel ------------------------------------------------------------------------


def test_resend_inside_the_cooldown_is_429_with_retry_after(sender, reseller):
    invitation_id = send(sender, reseller).json()["id"]
    response = act(sender, invitation_id, "resend")
    assert response.status_code == 429
    assert response.json()["code"] == "resend_too_soon"
    assert 800 < int(response["Retry-After"]) <= 900
    assert Invitation.objects.get(pk=invitation_id).sent_count == 1


def test_resend_after_the_cooldown_issues_a_new_link(sender, customer, reseller):
    invitation = InvitationFactory(
        from_company=customer,
        to_company=reseller,
        last_sent_at=timezone.now() - timedelta(minutes=20),
    )
    old_hash = invitation.token_hash
    response = act(sender, invitation.pk, "resend")
    assert response.status_code == 200
    assert response.json()["sent_count"] == 2 and response.json()["status"] == "pending"
    invitation.refresh_from_db()
    assert invitation.token_hash != old_hash
    assert invitation.expires_at > timezone.now() + timedelta(days=13)


def test_the_daily_send_limit_is_429(sender, customer, reseller, settings):
    settings.INVITATION_RESEND_COOLDOWN = timedelta(0)
    now = timezone.now()
    invitation = InvitationFactory(
        from_company=customer,
        to_company=reseller,
        last_sent_at=now - timedelta(minutes=1),
        recent_sends=[(now - timedelta(hours=h)).isoformat() for h in (23, 10, 5, 2, 1)],
    )
    response = act(sender, invitation.pk, "resend")
    assert response.status_code == 429 and response.json()["code"] == "resend_daily_limit"
    assert 3500 < int(response["Retry-After"]) <= 3600


def test_an_expired_request_can_be_resent_and_is_pending_again(sender, customer, reseller):
    past = timezone.now() - timedelta(days=15)
    invitation = InvitationFactory(
        from_company=customer, to_company=reseller, created_at=past, status="expired"
    )
    response = act(sender, invitation.pk, "resend")
    assert response.status_code == 200 and response.json()["status"] == "pending"


def test_cancel_then_every_action_on_the_cancelled_request_conflicts(
    sender, target, customer, reseller
):
    invitation = InvitationFactory(
        from_company=customer,
        to_company=reseller,
        last_sent_at=timezone.now() - timedelta(hours=1),
    )
    response = act(sender, invitation.pk, "cancel")
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    assert response.json()["responded_at"] is not None
    assert act(sender, invitation.pk, "cancel").status_code == 409
    assert act(sender, invitation.pk, "resend").status_code == 409
    assert act(target, invitation.pk, "accept").status_code == 409
    assert act(target, invitation.pk, "decline").status_code == 409


def test_the_target_cannot_cancel_or_resend_and_the_sender_cannot_answer(
    sender, target, customer, reseller
):
    invitation = InvitationFactory(from_company=customer, to_company=reseller)
    assert act(target, invitation.pk, "cancel").status_code == 403
    assert act(target, invitation.pk, "resend").status_code == 403
    assert act(sender, invitation.pk, "accept").status_code == 403
    assert act(sender, invitation.pk, "decline").status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == "pending"


# --- accept and decline -----------------------------------------------------------------------


def test_accept_links_the_companies_with_both_scopes(
    target, customer, customer_admin, reseller, reseller_admin
):
    invitation = InvitationFactory(from_company=customer, to_company=reseller)
    response = act(target, invitation.pk, "accept")
    assert response.status_code == 200 and response.json()["status"] == "accepted"
    link = PartnerLink.objects.get(company=customer, ended_at__isnull=True)
    assert link.partner == reseller and link.scopes == ["licensing", "telephony"]
    assert link.invitation == invitation
    assert Notification.objects.filter(recipient=customer_admin).exists()
    assert act(target, invitation.pk, "accept").status_code == 409
    assert act(target, invitation.pk, "decline").status_code == 409


def test_accepting_replaces_the_previous_partner_who_is_told(target, customer, reseller):
    old = PartnerLinkFactory(company=customer)
    old_admin = AdminFactory(company=old.partner)
    invitation = InvitationFactory(from_company=customer, to_company=reseller)
    assert act(target, invitation.pk, "accept").status_code == 200
    old.refresh_from_db()
    assert old.ended_at is not None and old.end_reason == "replaced"
    assert PartnerLink.objects.get(company=customer, ended_at__isnull=True).partner == reseller
    [note] = Notification.objects.filter(recipient=old_admin)
    assert "no longer your customer" in note.text


def test_decline_tells_the_sender(target, customer, customer_admin, reseller):
    invitation = InvitationFactory(from_company=customer, to_company=reseller)
    response = act(target, invitation.pk, "decline")
    assert response.status_code == 200 and response.json()["status"] == "declined"
    assert not PartnerLink.objects.exists()
    assert "declined" in Notification.objects.get(recipient=customer_admin).text


def test_an_expired_but_not_yet_swept_request_cannot_be_accepted(target, customer, reseller):
    invitation = InvitationFactory(
        from_company=customer,
        to_company=reseller,
        created_at=timezone.now() - timedelta(days=15),
    )
    response = act(target, invitation.pk, "accept")
    assert response.status_code == 409 and response.json()["code"] == "invitation_expired"
    assert not PartnerLink.objects.exists()


def test_a_company_that_is_not_a_party_gets_404(api_for, customer, reseller):
    invitation = InvitationFactory(from_company=customer, to_company=reseller)
    stranger = api_for(AdminFactory(company=ResellerFactory()))
    for action in ("resend", "cancel", "accept", "decline"):
        assert act(stranger, invitation.pk, action).status_code == 404
    assert stranger.get(f"/api/v1/invitations/{invitation.pk}/").status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == "pending"


def test_a_member_of_the_target_who_is_not_an_admin_gets_403(api_for, customer, reseller):
    invitation = InvitationFactory(from_company=customer, to_company=reseller)
    member = api_for(UserFactory(company=reseller))
    assert act(member, invitation.pk, "accept").status_code == 403
    assert act(member, invitation.pk, "decline").status_code == 403
    assert member.get(f"/api/v1/invitations/{invitation.pk}/").status_code == 403
    assert not PartnerLink.objects.exists()


def test_malformed_and_unknown_ids_give_400_and_404(sender):
    assert act(sender, "not-a-uuid", "accept").status_code == 400
    assert sender.get("/api/v1/invitations/123/").status_code == 400
    assert act(sender, "6b1f9a3e-0000-4000-8000-000000000000", "cancel").status_code == 404


# --- lists --------------------------------------------------------------------------------------


def test_issued_and_received_lists_newest_first_with_status_filter(
    sender, target, customer, reseller
):
    now = timezone.now()
    older = InvitationFactory(
        from_company=customer, to_company=reseller, status="declined", created_at=now - timedelta(1)
    )
    newer = InvitationFactory(from_company=customer, to_company=reseller, created_at=now)
    InvitationFactory(to_company=reseller)  # another customer's request

    issued = sender.get("/api/v1/invitations/?direction=issued").json()
    assert [i["id"] for i in issued["results"]] == [str(newer.pk), str(older.pk)]
    received = target.get("/api/v1/invitations/?direction=received").json()
    assert received["count"] == 3
    declined = sender.get("/api/v1/invitations/?direction=issued&status=declined").json()
    assert [i["id"] for i in declined["results"]] == [str(older.pk)]
    assert sender.get("/api/v1/invitations/?direction=sideways").status_code == 400
    assert sender.get("/api/v1/invitations/?status=lost").status_code == 400


def test_a_member_cannot_list_requests(api_for, customer):
    assert api_for(UserFactory(company=customer)).get("/api/v1/invitations/").status_code == 403


# --- the partner link ---------------------------------------------------------------------------


def test_partner_resource_shows_nothing_then_pending_then_the_partner(
    sender, target, customer, reseller, api_for
):
    member = api_for(UserFactory(company=customer))
    assert member.get("/api/v1/partner/").json() == {
        "partner": None,
        "since": None,
        "scopes": [],
        "scopes_until": None,
        "pending_invitation": None,
    }
    invitation_id = send(sender, reseller).json()["id"]
    assert member.get("/api/v1/partner/").json()["pending_invitation"]["id"] == invitation_id
    act(target, invitation_id, "accept")
    body = member.get("/api/v1/partner/").json()
    assert body["partner"] == {
        "id": str(reseller.pk),
        "name": reseller.name,
        "kind": "reseller",
        "country": "DE",
    }
    assert body["scopes"] == ["licensing", "telephony"] and body["pending_invitation"] is None


def test_admin_withdraws_a_scope_and_the_partner_loses_it(sender, customer, reseller, api_for):
    PartnerLinkFactory(company=customer, partner=reseller)
    response = sender.patch("/api/v1/partner/", {"scopes": ["licensing"]}, format="json")
    assert response.status_code == 200 and response.json()["scopes"] == ["licensing"]
    from partners.selectors import partner_link_scopes

    scopes = partner_link_scopes(company_id=customer.pk, partner_id=reseller.pk)
    assert scopes == frozenset({"licensing"})
    bad = sender.patch("/api/v1/partner/", {"scopes": ["everything"]}, format="json")
    assert bad.status_code == 400
    member = api_for(UserFactory(company=customer))
    assert member.patch("/api/v1/partner/", {"scopes": []}, format="json").status_code == 403


def test_delete_ends_the_link_and_the_partner_loses_every_scope(
    sender, customer, reseller, reseller_admin
):
    PartnerLinkFactory(company=customer, partner=reseller)
    assert sender.delete("/api/v1/partner/").status_code == 204
    link = PartnerLink.objects.get(company=customer)
    assert link.ended_at is not None and link.end_reason == "removed"
    assert Notification.objects.filter(recipient=reseller_admin).exists()
    assert sender.delete("/api/v1/partner/").status_code == 409


# --- customers and Contact --------------------------------------------------------------------


def test_customers_are_the_companies_whose_partner_is_mine(target, reseller, api_for):
    mine = PartnerLinkFactory(partner=reseller, scope_telephony=False)
    PartnerLinkFactory()  # someone else's customer
    body = target.get("/api/v1/customers/").json()
    assert [c["id"] for c in body["results"]] == [str(mine.company.pk)]
    assert body["results"][0]["scopes"] == ["licensing"]
    assert target.get(f"/api/v1/customers/{mine.company.pk}/").json()["name"] == mine.company.name
    other = PartnerLinkFactory()
    assert target.get(f"/api/v1/customers/{other.company.pk}/").status_code == 404
    assert target.get("/api/v1/customers/nope/").status_code == 400


def test_customers_come_by_name_whatever_the_case_and_accents_and_all_are_counted(target, reseller):
    for name in ("zeta GmbH", "Ölwerk AG", "Alpha SA", "beta Ltd"):
        PartnerLinkFactory(partner=reseller, company=CompanyFactory(name=name))
    PartnerLinkFactory(partner=reseller, ended_at=timezone.now())  # a former customer
    PartnerLinkFactory()  # someone else's customer
    body = target.get("/api/v1/customers/?page_size=3").json()
    assert body["count"] == 4
    assert [c["name"] for c in body["results"]] == ["Alpha SA", "beta Ltd", "Ölwerk AG"]
    body = target.get("/api/v1/customers/?page_size=3&page=2").json()
    assert [c["name"] for c in body["results"]] == ["zeta GmbH"]


def test_contact_conversation_on_both_sides(
    sender, target, customer, customer_admin, reseller, reseller_admin
):
    PartnerLinkFactory(company=customer, partner=reseller)
    response = sender.post("/api/v1/partner/messages/", {"text": "Hello reseller"}, format="json")
    assert response.status_code == 201
    assert response.json()["author"]["company"]["id"] == str(customer.pk)
    response = target.post(
        f"/api/v1/customers/{customer.pk}/messages/", {"text": "Hello customer"}, format="json"
    )
    assert response.status_code == 201
    for client, url in (
        (sender, "/api/v1/partner/messages/"),
        (target, f"/api/v1/customers/{customer.pk}/messages/"),
    ):
        texts = [m["text"] for m in client.get(url).json()["results"]]
        assert texts == ["Hello reseller", "Hello customer"]
    assert OutboundEmail.objects.filter(topic="partner_message", to=reseller_admin.email).exists()
    assert OutboundEmail.objects.filter(topic="partner_message", to=customer_admin.email).exists()
    assert sender.post("/api/v1/partner/messages/", {"text": ""}, format="json").status_code == 400
    assert PartnerMessage.objects.count() == 2


def test_contact_needs_a_partner_and_strangers_see_nothing(sender, api_for, customer):
    assert sender.get("/api/v1/partner/messages/").status_code == 409
    stranger = api_for(AdminFactory(company=ResellerFactory()))
    assert stranger.get(f"/api/v1/customers/{customer.pk}/messages/").status_code == 404


@pytest.mark.parametrize("body", [{"scopes": "licensing"}, {}, {"scopes": [1]}, ["licensing"]])
def test_malformed_scope_changes_give_400_and_change_nothing(sender, customer, reseller, body):
    PartnerLinkFactory(company=customer, partner=reseller)
    assert sender.patch("/api/v1/partner/", body, format="json").status_code == 400
    assert PartnerLink.objects.get(company=customer).scopes == ["licensing", "telephony"]
