"""A world where every free-text name a person can set holds markup, for the escaping tests.

Built through the real API and the beat jobs, as ``tenancy_world`` builds its victim: a customer
company linked to a reseller that is itself a reseller of a distributor, with subscriptions,
a Cloud PBX and an OXO Connect, devices, a device import, hunt group, Welcome Service, Automated
Attendant, an emergency number, API tokens, pending, expired and reminded partner requests, the
Contact conversation, an account awaiting activation and a password reset. Every company name,
person's name, PBX and feature name, device model, purchase order, description, file name and
message holds ``MARKUP``; the emails all of this writes are kept in the outbox.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

import pyotp
from django.contrib.auth.models import Group
from django.test import Client
from django.test.signals import template_rendered
from django.utils import timezone

from companies import services as company_services
from companies.models import ApiToken, Passkey, User
from companies.two_factor import passkeys
from companies.two_factor import services as two_factor
from notifications.models import OutboundEmail
from partners.models import Invitation, PartnerLink
from partners.services.invitations import invitations_expire_due, invitations_remind_due
from partners.services.scope_dates import partner_scopes_drop_due, partner_scopes_remind_due
from tests.factories import (
    AdminFactory,
    CompanyFactory,
    DistributorFactory,
    OperatorFactory,
    ResellerFactory,
    UserFactory,
)
from tests.partners.delivery import offer_delivered
from tests.security.tenancy_world import Actor, _actor, _check
from webhooks import services as webhook_services
from webhooks.models import Delivery, Endpoint

MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'
# What a template shows for MARKUP: Django escapes <, >, ", ' and &.
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
RAW = ("<script>alert", "onerror=alert(1)>")


def marked(text: str) -> str:
    return f"{text} {MARKUP}"


@dataclass
class MarkupWorld:
    ids: dict[str, str] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    anonymous: Client = field(default_factory=Client)
    email_templates: set[str] = field(default_factory=set)  # emails/<name> rendered


def _sent_or_stored_body(email: OutboundEmail) -> str:
    """The text of ``email`` as sent (a sent row keeps no link: its links are redacted), or as
    stored while it is still queued."""
    from django.core import mail

    for message in reversed(getattr(mail, "outbox", [])):
        if message.extra_headers.get("Message-ID") == email.message_id:
            return message.body
    return email.body_text


def _raw_invitation_token(invitation_id: str) -> str:
    email = OutboundEmail.objects.filter(topic="invitation", object_id=invitation_id).latest(
        "created_at"
    )
    return re.search(r"/partner/open/([^/\s]+)/", _sent_or_stored_body(email)).group(1)


def build_markup_world() -> MarkupWorld:
    w = MarkupWorld()
    rendered: set[str] = set()

    def on_render(sender, template, context, **kwargs):
        name = template.name or ""
        if name.startswith("emails/") and name.endswith("_subject.txt"):
            rendered.add(name.removeprefix("emails/").removesuffix("_subject.txt"))

    template_rendered.connect(on_render, dispatch_uid="markup_world")
    try:
        _build(w)
    finally:
        template_rendered.disconnect(dispatch_uid="markup_world")
    w.email_templates = rendered
    return w


def _build(w: MarkupWorld) -> None:
    distributor = DistributorFactory(name=marked("Distri"))
    d_admin = AdminFactory(company=distributor, name=marked("Dora"), email="dora@d.example")
    reseller = ResellerFactory(name=marked("Resell"))
    r_admin = AdminFactory(company=reseller, name=marked("Rita"), email="rita@r.example")
    other_reseller = ResellerFactory(name=marked("Second reseller"))
    AdminFactory(company=other_reseller, name=marked("Sven"), email="sven@s.example")
    customer = CompanyFactory(name=marked("Custo"))
    c_admin = AdminFactory(company=customer, name=marked("Carl"), email="carl@c.example")
    c_member = UserFactory(company=customer, name=marked("Mia"), email="mia@c.example")
    c_seat = UserFactory(company=customer, name=marked("Sina"), email="sina@c.example")
    waiting = CompanyFactory(name=marked("Waiting customer"))
    w_admin = AdminFactory(company=waiting, name=marked("Walt"), email="walt@w.example")
    late = CompanyFactory(name=marked("Late customer"))
    l_admin = AdminFactory(company=late, name=marked("Lena"), email="lena@l.example")
    operator = OperatorFactory(name=marked("Olga"), email="olga@op.example", is_superuser=True)
    for key, user in [
        ("customer_admin", c_admin),
        ("member", c_member),
        ("reseller_admin", r_admin),
        ("distributor_admin", d_admin),
        ("operator", operator),
        ("waiting_admin", w_admin),
        ("late_admin", l_admin),
    ]:
        w.actors[key] = _actor(key, user)
    api = {key: actor.api for key, actor in w.actors.items()}
    # The company page's free texts (Manage company), typed by the customer's admin.
    _check(
        api["customer_admin"].patch(
            f"/api/v1/companies/{customer.pk}/",
            {"address": marked("Street"), "city": marked("Town")},
            format="json",
        ),
        200,
    )

    # The reseller becomes a reseller of the distributor; the customer's partner is the reseller.
    asked = _check(
        api["reseller_admin"].post(
            "/api/v1/invitations/",
            {"to_company": str(distributor.pk), "message": marked("Reseller asks")},
            format="json",
        )
    )
    _check(api["distributor_admin"].post(f"/api/v1/invitations/{asked['id']}/accept/"), 200)
    linked = _check(
        api["customer_admin"].post(
            "/api/v1/invitations/",
            {"to_company": str(reseller.pk), "message": marked("Customer asks")},
            format="json",
        )
    )
    _check(api["reseller_admin"].post(f"/api/v1/invitations/{linked['id']}/accept/"), 200)
    # Pending requests: the customer's to another reseller, another customer's to the reseller
    # (reminded), and one that expires.
    pending = _check(
        api["customer_admin"].post(
            "/api/v1/invitations/",
            {"to_company": str(other_reseller.pk), "message": marked("Customer asks again")},
            format="json",
        )
    )
    reminded = _check(
        api["waiting_admin"].post(
            "/api/v1/invitations/",
            {"to_company": str(reseller.pk), "message": marked("Waiting asks")},
            format="json",
        )
    )
    expiring = _check(
        api["late_admin"].post(
            "/api/v1/invitations/",
            {"to_company": str(reseller.pk), "message": marked("Late asks")},
            format="json",
        )
    )
    now = timezone.now()
    Invitation.objects.filter(pk=reminded["id"]).update(
        last_sent_at=now - datetime.timedelta(days=4)
    )
    Invitation.objects.filter(pk=expiring["id"]).update(
        expires_at=now - datetime.timedelta(minutes=1)
    )
    assert invitations_expire_due() == 1
    assert invitations_remind_due() >= 1
    # The reseller's offers: to an admin of a customer (partner_offer), to an address without
    # an account (partner_offer_sign_up, whose link opens the offer's sign-up page) and to a
    # member, who cannot accept it (partner_offer_unanswerable).
    # Each delivered by the worker after commit (tests/partners/delivery).
    for email in (w_admin.email, "newcomer@n.example", c_member.email):
        with offer_delivered():
            _check(
                api["reseller_admin"].post(
                    "/api/v1/customer-offers/",
                    {"email": email, "company_name": marked("Newco"), "message": marked("Offer")},
                    format="json",
                )
            )
    offer_sign_up = OutboundEmail.objects.get(topic="invitation", to="newcomer@n.example")
    offer_token = re.search(r"/partner/offer/([^/]+)/", _sent_or_stored_body(offer_sign_up))[1]
    # Time-bound scopes: the customer's link ends in 3 days (reminded); another link's scopes
    # have ended (dropped, both sides told).
    _check(
        api["customer_admin"].patch(
            "/api/v1/partner/",
            {"scopes_until": (timezone.now() + datetime.timedelta(days=3)).isoformat()},
            format="json",
        ),
        200,
    )
    PartnerLink.objects.create(
        company=late,
        partner=other_reseller,
        scopes_until=timezone.now() - datetime.timedelta(minutes=1),
    )
    assert partner_scopes_remind_due() == 1
    assert partner_scopes_drop_due() == 1

    # Licensing: the partner subscribes, the admin hands out seats.
    sub = _check(
        api["reseller_admin"].post(
            f"/api/v1/companies/{customer.pk}/subscriptions/",
            {"offer": "business", "quantity": 5, "purchase_order": marked("PO")},
            format="json",
        )
    )
    _check(
        api["customer_admin"].post(
            f"/api/v1/subscriptions/{sub['id']}/assignments/",
            {"users": [str(c_seat.pk), str(c_member.pk)]},
            format="json",
        )
    )
    # Telephony: a Cloud PBX with every feature, and an OXO Connect.
    pbx = _check(
        api["reseller_admin"].post(
            f"/api/v1/companies/{customer.pk}/pbxs/",
            {
                "kind": "cloud_pbx",
                "name": marked("Cloudzentrale"),
                "country": "DE",
                "extension_prefix": "8",
                "extension_digits": 3,
            },
            format="json",
        )
    )
    _check(
        api["reseller_admin"].post(
            f"/api/v1/companies/{customer.pk}/pbxs/",
            {"kind": "oxo_connect", "name": marked("Oxo"), "country": "DE", "system_id": MARKUP},
            format="json",
        )
    )
    admin_api = api["customer_admin"]
    base = f"/api/v1/pbxs/{pbx['id']}"
    line = _check(
        admin_api.post(
            f"{base}/lines/", {"user": str(c_seat.pk), "extension": "8101"}, format="json"
        )
    )
    _check(
        admin_api.post(
            f"{base}/lines/", {"user": str(c_member.pk), "extension": "8102"}, format="json"
        )
    )
    _check(
        admin_api.post(
            f"{base}/public-numbers/", {"number": "+49 30 7771230", "count": 3}, format="json"
        )
    )
    _check(
        admin_api.post(
            f"{base}/devices/",
            {
                "kind": "ale_desk",
                "identifier": "00:80:9F:5A:7C:31",
                "model": MARKUP,
                "line": line["id"],
            },
            format="json",
        )
    )
    device_import = _check(
        admin_api.post(
            f"{base}/device-imports/",
            {
                "file_name": f"{MARKUP}.csv",
                "content": "type,identifier\nsip,00:80:9F:5A:7C:32\n",
            },
            format="json",
        )
    )
    member_import = _check(
        admin_api.post(
            f"/api/v1/companies/{customer.pk}/member-imports/",
            {
                "file_name": f"{MARKUP}.csv",
                "content": f"email,name\nnina@c.example,{marked('Nina')}\n",
            },
            format="json",
        ),
        202,
    )
    group = _check(
        admin_api.post(
            f"{base}/hunt-groups/",
            {
                "name": marked("Gruppe"),
                "extension": "8900",
                "policy": "circular",
                "ring_timeout": 15,
                "members": [str(c_seat.pk), str(c_member.pk)],
            },
            format="json",
        )
    )
    welcome = _check(
        admin_api.post(
            f"{base}/welcome-services/",
            {
                "name": marked("Empfang"),
                "public_number": "+49307771231",
                "open_member": str(c_seat.pk),
                "hours": [{"weekday": 0, "opens": "08:00", "closes": "17:00"}],
                "exceptions": [{"date": "2026-12-25", "description": MARKUP}],
            },
            format="json",
        )
    )
    attendant = _check(
        admin_api.post(
            f"{base}/auto-attendants/",
            {
                "name": marked("Sprachmenue"),
                "public_number": "+49307771232",
                "keys": [
                    {"menu": "", "digit": "1", "action": "member", "member": str(c_seat.pk)},
                    {"menu": "", "digit": "2", "action": "hunt_group", "hunt_group": group["id"]},
                ],
            },
            format="json",
        )
    )
    _check(
        admin_api.post(
            f"{base}/emergency-numbers/",
            {"country": "DE", "number": "19222", "description": MARKUP, "softphone_allowed": False},
            format="json",
        )
    )
    # The Contact conversation, both ways.
    _check(
        api["reseller_admin"].post(
            f"/api/v1/customers/{customer.pk}/messages/", {"text": MARKUP}, format="json"
        )
    )
    _check(admin_api.post("/api/v1/partner/messages/", {"text": MARKUP}, format="json"))
    # People: a named API token, an account awaiting activation, a password reset asked for.
    token, _raw = company_services.api_token_create(
        user=c_admin, name=marked("Token"), expires_at=None
    )
    newcomer = _check(
        admin_api.post(
            f"/api/v1/companies/{customer.pk}/members/",
            {"email": "neo@c.example", "name": marked("Neo"), "role": "member", "language": "en"},
            format="json",
        )
    )
    activation = company_services.activation_url(User.objects.get(pk=newcomer["id"]))
    uidb64, activation_token = re.search(
        r"/accounts/activate/([^/]+)/([^/]+)/", activation
    ).groups()
    Client().post("/accounts/password-reset/", {"email": c_member.email})
    # A sign-up with a taken address: its owner is told (the sign_up_existing email).
    company_services.company_sign_up(
        company_name=marked("Copycat"),
        country="FR",
        admin_name=marked("Copy"),
        email=c_member.email,
        password="a-Long-enough-pass-42",
        language="en",
    )
    # Two-factor of a person who is no actor: turned on, a recovery code used, turned off.
    tess = UserFactory(company=customer, name=marked("Tess"), email="tess@c.example")
    _device, secret = two_factor.totp_begin(user=tess)
    codes = two_factor.totp_confirm(user=tess, code=pyotp.TOTP(secret).now())
    two_factor.two_factor_check(user=tess, code=codes[0])
    # A passkey with a marked name, removed with a recovery code (she is emailed its name).
    passkey = Passkey.objects.create(
        user=tess, name=marked("Key"), credential_id="markup-world-key", public_key=b"k"
    )
    passkeys.passkey_delete(user=tess, passkey_id=passkey.pk, code=codes[2])
    two_factor.two_factor_disable(user=tess, code=codes[1])
    reset = OutboundEmail.objects.get(topic="password_reset", to=c_member.email)
    reset_uidb64, reset_token = re.search(
        r"/accounts/reset/([^/]+)/([^/]+)/", _sent_or_stored_body(reset)
    ).groups()

    # Webhooks: an endpoint with a described purpose, its deliveries, and one that failed for
    # five days (turned off, its admins emailed). Port 9 of loopback refuses at once.
    hook = webhook_services.endpoint_create(
        actor=c_admin, url="http://127.0.0.1:9/hooks", events=["*"], description=marked("ERP")
    )
    ping = webhook_services.endpoint_ping(actor=c_admin, endpoint_id=hook.pk)
    Endpoint.objects.filter(pk=hook.pk).update(
        failing_since=timezone.now() - datetime.timedelta(days=6)
    )
    # Where commits are real (a transactional browser test), the ping was already tried once when
    # it was written (eager tasks on commit) and waits for its retry: make it due again.
    Delivery.objects.filter(pk=ping.pk).update(
        status=Delivery.Status.PENDING, next_attempt_at=timezone.now()
    )
    webhook_services.delivery_attempt(delivery_id=ping.pk)
    assert OutboundEmail.objects.filter(topic="webhook_disabled").exists()

    # A token is touched at most every five minutes: dated ahead, no request writes to it.
    ApiToken.objects.update(last_used_at=timezone.now() + datetime.timedelta(days=3650))
    Group.objects.create(name=marked("Support group"))
    w.ids = {
        "company_id": str(customer.pk),
        "pbx_id": pbx["id"],
        "import_id": device_import["id"],
        "member_import_id": member_import["id"],
        "group_id": group["id"],
        "service_id": welcome["id"],
        "attendant_id": attendant["id"],
        "subscription_id": sub["id"],
        "member_id": str(c_member.pk),
        "token_id": str(token.pk),
        "invitation_id": pending["id"],
        "webhook_id": str(hook.pk),
        "delivery_id": str(ping.pk),
        "invitation_token": _raw_invitation_token(pending["id"]),
        "offer_token": offer_token,
        "activation_uidb64": uidb64,
        "activation_token": activation_token,
        "reset_uidb64": reset_uidb64,
        "reset_token": reset_token,
        "notification_id": str(
            c_admin.notifications.order_by("created_at").values_list("pk", flat=True).first()
        ),
    }
