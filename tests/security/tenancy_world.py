"""The "victim world" of the tenancy matrix: one customer company holding one of everything.

Built through the real API (as its partner and its admin) so every object is what the product
itself writes: subscriptions with assignments, a Cloud PBX with lines, devices, public numbers,
a hunt group, a Welcome Service, an Automated Attendant, pre-filled emergency numbers, a device
import job, a pending invitation, partner messages, notifications and activity. Around it: the
attackers (an admin of another customer, a member of the victim, an unlinked reseller) and the
victim's partner, whose link scopes the tests narrow case by case.
"""

from __future__ import annotations

import datetime
import hashlib
import struct
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from rest_framework.test import APIClient

from companies import services as company_services
from companies.models import ApiToken
from licensing.models import LicenseAssignment, Offer
from notifications.models import ActivityRecord, Notification, OutboundEmail
from partners.models import Invitation, PartnerMessage
from telephony.models import DeviceImport, EmergencyNumber
from tests.factories import (
    AdminFactory,
    CompanyFactory,
    OperatorFactory,
    PartnerLinkFactory,
    ResellerFactory,
    UserFactory,
)

MAC = "00:80:9F:5A:7C:31"
IMPORTED_MAC = "00:80:9F:5A:7C:32"
SNAPSHOT_APPS = (
    "rainbow_admin",
    "companies",
    "partners",
    "licensing",
    "telephony",
    "notifications",
    "webhooks",
)
WEBHOOK_URL = "https://hooks.victima.example/rainbow-events"


@dataclass
class Actor:
    """A signed-in person: a bearer-token API client and a session page client."""

    key: str
    user: Any
    api: APIClient
    page: Client


def wav_with_title(title: str) -> bytes:
    """A short WAV file whose INFO chunk names ``title``: audio that carries a secret, so the
    matrix sees it if a prompt is served to someone who may not hear it."""
    text = title.encode() + b"\x00"
    text += b"\x00" * (len(text) % 2)
    inam = b"INAM" + struct.pack("<I", len(text)) + text
    info = b"LIST" + struct.pack("<I", 4 + len(inam)) + b"INFO" + inam
    fmt = b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, 8000, 16000, 2, 16)
    frames = b"\x00\x00" * 800
    body = b"WAVE" + fmt + info + b"data" + struct.pack("<I", len(frames)) + frames
    return b"RIFF" + struct.pack("<I", len(body)) + body


@dataclass
class World:
    ids: dict[str, str] = field(default_factory=dict)  # kind of object -> id of the victim's one
    actors: dict[str, Actor] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)  # what identifies the victim's data
    objects: dict[str, Any] = field(default_factory=dict)


def _check(response, status: int = 201) -> dict:
    assert response.status_code == status, (response.status_code, response.content[:500])
    return response.json() if response.content else {}


def _actor(key: str, user) -> Actor:
    _token, raw = company_services.api_token_create(
        user=user, name=f"matrix {key}", expires_at=None
    )
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    page = Client()
    page.force_login(user)
    return Actor(key=key, user=user, api=api, page=page)


def build_world() -> World:
    """Create the victim company, its partner, its data and the actors (inside a transaction)."""
    w = World()
    victim = CompanyFactory(name="Victima Fabrikations GmbH")
    v_admin = AdminFactory(company=victim, name="Vera Victimadmin", email="vera@victima.example")
    v_member = UserFactory(company=victim, name="Max Victimmember", email="max@victima.example")
    v_seat = UserFactory(company=victim, name="Sina Victimseat", email="sina@victima.example")
    partner = ResellerFactory(name="Partna Telekom")
    p_admin = AdminFactory(company=partner, name="Paul Partneradmin", email="paul@partna.example")
    link = PartnerLinkFactory(company=victim, partner=partner)
    outsider = CompanyFactory(name="Outsida AG")
    o_admin = AdminFactory(company=outsider, name="Otto Outsider", email="otto@outsida.example")
    stranger = ResellerFactory(name="Strangea Reseller")
    s_admin = AdminFactory(company=stranger, name="Stan Stranger", email="stan@strangea.example")
    target = ResellerFactory(name="Targeta Reseller")
    AdminFactory(company=target, name="Tina Target", email="tina@targeta.example")

    for key, user in [
        ("victim_admin", v_admin),
        ("member", v_member),
        ("partner", p_admin),
        ("other_admin", o_admin),
        ("unlinked_reseller", s_admin),
        (
            "operator",
            OperatorFactory(name="Olga Operator", email="olga@rainbow.example", is_superuser=True),
        ),
    ]:
        w.actors[key] = _actor(key, user)
    admin_api = w.actors["victim_admin"].api
    partner_api = w.actors["partner"].api

    # Licensing: the partner sells, the admin hands out seats.
    sub = _check(
        partner_api.post(
            f"/api/v1/companies/{victim.pk}/subscriptions/",
            {"offer": "business", "quantity": 5, "purchase_order": "PO-VICTIMA-77"},
            format="json",
        )
    )
    _check(
        admin_api.post(
            f"/api/v1/subscriptions/{sub['id']}/assignments/",
            {"users": [str(v_seat.pk), str(v_member.pk)]},
            format="json",
        )
    )
    # Telephony: the partner declares the Cloud PBX (emergency numbers come pre-filled).
    pbx = _check(
        partner_api.post(
            f"/api/v1/companies/{victim.pk}/pbxs/",
            {
                "kind": "cloud_pbx",
                "name": "Victima Cloudzentrale",
                "country": "DE",
                "extension_prefix": "8",
                "extension_digits": 3,
            },
            format="json",
        )
    )
    base = f"/api/v1/pbxs/{pbx['id']}"
    line = _check(
        admin_api.post(
            f"{base}/lines/", {"user": str(v_seat.pk), "extension": "8101"}, format="json"
        )
    )
    _check(
        admin_api.post(
            f"{base}/lines/", {"user": str(v_member.pk), "extension": "8102"}, format="json"
        )
    )
    numbers = _check(
        admin_api.post(
            f"{base}/public-numbers/", {"number": "+49 30 7771230", "count": 3}, format="json"
        )
    )
    device = _check(
        admin_api.post(
            f"{base}/devices/",
            {"kind": "ale_desk", "identifier": MAC, "model": "ALE-300", "line": line["id"]},
            format="json",
        )
    )
    device_import = _check(
        admin_api.post(
            f"{base}/device-imports/",
            {
                "file_name": "victima-phones.csv",
                "content": f"type,identifier\nsip,{IMPORTED_MAC}\n",
            },
            format="json",
        )
    )
    group = _check(
        admin_api.post(
            f"{base}/hunt-groups/",
            {
                "name": "Victima Vertriebsgruppe",
                "extension": "8900",
                "policy": "circular",
                "ring_timeout": 15,
                "members": [str(v_seat.pk), str(v_member.pk)],
            },
            format="json",
        )
    )
    welcome = _check(
        admin_api.post(
            f"{base}/welcome-services/",
            {
                "name": "Victima Empfangsdienst",
                "public_number": "+49307771231",
                "open_member": str(v_seat.pk),
                "hours": [{"weekday": 0, "opens": "08:00", "closes": "17:00"}],
                "exceptions": [{"date": "2026-12-25"}],
            },
            format="json",
        )
    )
    attendant = _check(
        admin_api.post(
            f"{base}/auto-attendants/",
            {
                "name": "Victima Sprachmenue",
                "public_number": "+49307771232",
                "keys": [
                    {"menu": "", "digit": "1", "action": "member", "member": str(v_seat.pk)},
                    {"menu": "", "digit": "2", "action": "hunt_group", "hunt_group": group["id"]},
                ],
            },
            format="json",
        )
    )
    # Voice prompts: each names its owner inside the audio (an INFO chunk).
    for url, title in (
        (f"{base}/welcome-services/{welcome['id']}/greetings/open/", welcome["name"]),
        (f"{base}/welcome-services/{welcome['id']}/greetings/closed/", welcome["name"]),
        (f"{base}/auto-attendants/{attendant['id']}/prompt/", attendant["name"]),
    ):
        upload = SimpleUploadedFile("prompt.wav", wav_with_title(title), "audio/wav")
        _check(admin_api.post(url, {"file": upload}, format="multipart"), 200)
    member_import = _check(
        admin_api.post(
            f"/api/v1/companies/{victim.pk}/member-imports/",
            {
                "file_name": "victima-people.csv",
                "content": "email,name\nneu@victima.example,Victima Neuzugang\n",
            },
            format="json",
        ),
        202,
    )
    # Partners: a pending request to another reseller, and the Contact conversation.
    invitation = _check(
        admin_api.post(
            "/api/v1/invitations/",
            {"to_company": str(target.pk), "message": "Victima moechte wechseln"},
            format="json",
        )
    )
    _check(
        partner_api.post(
            f"/api/v1/customers/{victim.pk}/messages/",
            {"text": "Partna grüßt Victima"},
            format="json",
        )
    )
    _check(
        admin_api.post(
            "/api/v1/partner/messages/", {"text": "Victima antwortet Partna"}, format="json"
        )
    )

    # Webhooks: an endpoint of the victim and the delivery of its ping.
    webhook = _check(
        admin_api.post(
            "/api/v1/webhooks/",
            {"url": WEBHOOK_URL, "events": ["*"], "description": "Victima ERP"},
            format="json",
        )
    )
    ping = _check(admin_api.post(f"/api/v1/webhooks/{webhook['id']}/ping/"), 202)

    notification = Notification.objects.filter(recipient=v_admin).order_by("created_at").first()
    assert notification is not None and ActivityRecord.objects.filter(company=victim).exists()
    admin_token = ApiToken.objects.get(user=v_admin)
    emergency = EmergencyNumber.objects.filter(pbx_id=pbx["id"]).order_by("number").first()
    assert emergency is not None and DeviceImport.objects.filter(pk=device_import["id"]).exists()
    assert LicenseAssignment.objects.filter(subscription_id=sub["id"]).count() == 2
    assert Invitation.objects.filter(pk=invitation["id"], status="pending").exists()
    assert PartnerMessage.objects.filter(company=victim).count() == 2

    # A token is touched at most every five minutes: dated ahead, no request writes to it.
    ApiToken.objects.update(last_used_at=timezone.now() + datetime.timedelta(days=3650))

    w.ids = {
        "company": str(victim.pk),
        "pbx": pbx["id"],
        "line": line["id"],
        "device": device["id"],
        "device_import": device_import["id"],
        "member_import": member_import["id"],
        "public_number": numbers["results"][1]["id"],
        "hunt_group": group["id"],
        "welcome_service": welcome["id"],
        "auto_attendant": attendant["id"],
        "emergency_number": str(emergency.pk),
        "subscription": sub["id"],
        "assigned_user": str(v_seat.pk),
        "member": str(v_member.pk),
        "invitation": invitation["id"],
        "notification": str(notification.pk),
        "token": str(admin_token.pk),
        "uidb64": urlsafe_base64_encode(force_bytes(v_member.pk)),
        "webhook": webhook["id"],
        "webhook_delivery": ping["id"],
        # Rows only the operators' admin site shows by id.
        "link": str(link.pk),
        "partner_message": str(PartnerMessage.objects.filter(company=victim).first().pk),
        "offer": str(Offer.objects.get(code="business").pk),
        "assignment": str(LicenseAssignment.objects.filter(subscription_id=sub["id"]).first().pk),
        "email": str(OutboundEmail.objects.order_by("created_at").first().pk),
        "activity": str(ActivityRecord.objects.filter(company=victim).first().pk),
        "company_type": str(ContentType.objects.get_for_model(victim).pk),
    }
    w.objects = {"victim": victim, "link": link, "v_admin": v_admin, "v_seat": v_seat}
    w.secrets = {
        "company name": victim.name,
        "admin name": v_admin.name,
        "admin email": v_admin.email,
        "member name": v_member.name,
        "member email": v_member.email,
        "seat holder name": v_seat.name,
        "seat holder email": v_seat.email,
        "purchase order": "PO-VICTIMA-77",
        "PBX name": "Victima Cloudzentrale",
        "device MAC": MAC,
        "imported file": "victima-phones.csv",
        "imported people file": "victima-people.csv",
        "imported person": "Victima Neuzugang",
        "public number": "+49307771231",
        "hunt group name": "Victima Vertriebsgruppe",
        "welcome service name": "Victima Empfangsdienst",
        "attendant name": "Victima Sprachmenue",
        "invitation message": "Victima moechte wechseln",
        "partner message": "Partna grüßt Victima",
        "customer message": "Victima antwortet Partna",
        "webhook URL": WEBHOOK_URL,
        **{
            f"{kind} id": value
            for kind, value in w.ids.items()
            if kind not in ("uidb64", "offer", "email", "company_type")
        },
    }
    return w


def snapshot_tables() -> list[str]:
    tables = []
    for label in SNAPSHOT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            tables.append(model._meta.db_table)
    return sorted(set(tables))


def snapshot_sql(tables: list[str]) -> str:
    """One query: per table, its row count and an MD5 of all its rows in a fixed order."""
    # Table names come from the models' Meta, not from any input.
    row = "SELECT '{t}', count(*), md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), ''))"
    parts = [row.format(t=t) + f' FROM "{t}" x' for t in tables]
    return " UNION ALL ".join(parts)


def snapshot(sql: str) -> dict[str, tuple[int, str]]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {table: (count, digest) for table, count, digest in cursor.fetchall()}


def fingerprint(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:12]
