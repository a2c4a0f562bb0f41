"""Every kind of email the portal writes, with made-up data for the operators' preview.

Nothing here is read from or written to the database: the preview renders these contexts through
``notifications.emails.email_render``, as the services render the real ones.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from licensing import messages as licensing_texts
from notifications.models import render_message
from notifications.services import stored_message
from telephony.models import Pbx

# Template name -> what the operator reads in the preview's list.
EMAIL_KINDS: dict[str, Any] = {
    "activation": _("Account activation"),
    "password_reset": _("Password reset"),
    "sign_up_existing": _("Sign-up with an address that has an account"),
    "partner_invitation": _("Partner request"),
    "partner_invitation_reminder": _("Partner request reminder"),
    "partner_invitation_expired": _("Partner request expired"),
    "partner_offer": _("Reseller's offer"),
    "partner_offer_sign_up": _("Reseller's offer to an address without an account"),
    "partner_offer_unanswerable": _("Reseller's offer to an account that cannot accept it"),
    "partner_scopes_ending": _("Partner scopes ending soon"),
    "partner_scopes_ended": _("Partner scopes ended"),
    "partner_message": _("Contact message"),
    "subscription_changed": _("Licenses changed"),
    "pbx_declared": _("PBX declared"),
    "two_factor_enabled": _("Two-factor sign-in turned on"),
    "two_factor_disabled": _("Two-factor sign-in turned off"),
    "two_factor_recovery_used": _("Recovery code used"),
    "two_factor_passkey_changed": _("Passkey added or removed"),
    "webhook_disabled": _("Webhook turned off"),
}
SAMPLE_TO = "jonas.admin@mueller-telekom.example"


def _in_reader_language(message: Any, params: dict[str, Any]) -> Any:
    """The message (a msgid or an ``ngettext_lazy`` text) in the language active when rendered,
    as ``licensing.services.subscriptions`` passes it."""
    stored, stored_params = stored_message(message, params)
    return lazy(lambda: render_message(stored, stored_params), str)()


def email_sample(kind: str) -> dict[str, Any]:
    """The context the service passes for ``kind`` (KeyError for an unknown kind)."""
    site = settings.SITE_URL
    expires_at = datetime(2026, 12, 13, 17, 0, tzinfo=UTC)
    samples: dict[str, dict[str, Any]] = {
        "activation": {
            "user_name": "Max Mustermann",
            "company_name": "Acme Bürotechnik GmbH",
            "invited_by": "Anna Admin",
            "url": f"{site}/accounts/activate/MTIzNDU2/cz8k1m-4f0b2c7e9d1a3b5c7e9f1a2b3c4d5e6f/",
        },
        "password_reset": {
            "user_name": "Max Mustermann",
            "uid": "MTIzNDU2",
            "token": "cz8k1m-4f0b2c7e9d1a3b5c7e9f1a2b3c4d5e6f",
        },
        "two_factor_enabled": {
            "user_name": "Max Mustermann",
            "url": f"{site}/profile/two-factor/",
        },
        "two_factor_disabled": {
            "user_name": "Max Mustermann",
            "url": f"{site}/profile/two-factor/",
            "by_operator": True,
        },
        "two_factor_recovery_used": {
            "user_name": "Max Mustermann",
            "url": f"{site}/profile/two-factor/",
            "codes_left": 9,
        },
        "two_factor_passkey_changed": {
            "user_name": "Max Mustermann",
            "url": f"{site}/profile/two-factor/",
            "added": True,
            "passkey_name": "Laptop",
        },
        "sign_up_existing": {
            "user_name": "Max Mustermann",
            "sign_in_url": f"{site}/accounts/login/",
        },
        "partner_invitation": {
            "user_name": "Jonas Admin",
            "admin_of": "Müller Telekom",
            "from_company": "Acme Bürotechnik GmbH",
            "to_company": "Müller Telekom",
            "sender_name": "Anna Admin",
            "message": "Guten Tag,\nwir möchten unsere Lizenzen künftig über Sie beziehen.",
            "url": f"{site}/partner/open/Xq3vR9sLk2PzT8wYc4NbH7mJd5FgA1eU/",
            "expires_at": expires_at,
            "as_distributor": False,
        },
        "partner_invitation_reminder": {
            "user_name": "Jonas Admin",
            "admin_of": "Müller Telekom",
            "from_company": "Acme Bürotechnik GmbH",
            "to_company": "Müller Telekom",
            "expires_at": expires_at,
            "url": f"{site}/partner/requests/8f14e45f-ceea-467f-a0e6-1f2b3c4d5e6f/",
        },
        "partner_invitation_expired": {
            "user_name": "Anna Admin",
            "admin_of": "Acme Bürotechnik GmbH",
            "from_company": "Acme Bürotechnik GmbH",
            "to_company": "Müller Telekom",
            "url": f"{site}/notifications/issued/",
        },
        "partner_offer": {
            "user_name": "Anna Admin",
            "admin_of": "Acme Bürotechnik GmbH",
            "from_company": "Müller Telekom",
            "to_company": "Acme Bürotechnik GmbH",
            "sender_name": "Jonas Admin",
            "message": "Guten Tag,\nwir betreuen gern Ihre Lizenzen und Ihre Telefonanlage.",
            "scopes": ["licensing", "telephony"],
            "scopes_until": expires_at,
            "url": f"{site}/partner/open/Xq3vR9sLk2PzT8wYc4NbH7mJd5FgA1eU/",
            "expires_at": expires_at,
        },
        "partner_offer_sign_up": {
            "from_company": "Müller Telekom",
            "sender_name": "Jonas Admin",
            "company_name": "Acme Bürotechnik GmbH",
            "message": "Guten Tag,\nwir betreuen gern Ihre Lizenzen und Ihre Telefonanlage.",
            "scopes": ["licensing"],
            "scopes_until": None,
            "url": f"{site}/partner/offer/Xq3vR9sLk2PzT8wYc4NbH7mJd5FgA1eU/",
            "expires_at": expires_at,
        },
        "partner_offer_unanswerable": {
            "user_name": "Oliver Member",
            "from_company": "Müller Telekom",
            "sender_name": "Jonas Admin",
            "message": "Guten Tag,\nwir betreuen gern Ihre Lizenzen und Ihre Telefonanlage.",
            "sign_in_url": f"{site}/accounts/login/",
        },
        "partner_scopes_ending": {
            "user_name": "Anna Admin",
            "admin_of": "Acme Bürotechnik GmbH",
            "company": "Acme Bürotechnik GmbH",
            "partner": "Müller Telekom",
            "scopes": ["licensing", "telephony"],
            "scopes_until": expires_at,
            "is_customer": True,
            "url": f"{site}/",
        },
        "partner_scopes_ended": {
            "user_name": "Jonas Admin",
            "admin_of": "Müller Telekom",
            "company": "Acme Bürotechnik GmbH",
            "partner": "Müller Telekom",
            "scopes": ["licensing", "telephony"],
            "scopes_until": expires_at,
            "is_customer": False,
            "url": f"{site}/customers/8f14e45f-ceea-467f-a0e6-1f2b3c4d5e6f/",
        },
        "partner_message": {
            "user_name": "Jonas Admin",
            "admin_of": "Müller Telekom",
            "author": "Anna Admin",
            "author_company": "Acme Bürotechnik GmbH",
            "text": "Könnten Sie uns zwei weitere Business-Lizenzen einrichten?\nVielen Dank!",
            "url": f"{site}/partner/messages/",
        },
        "subscription_changed": {
            "user_name": "Anna Admin",
            "company_name": "Acme Bürotechnik GmbH",
            "partner_name": "Müller Telekom",
            "change": _in_reader_language(
                licensing_texts.SUBSCRIBED["business"], {"actor": "Jonas Admin", "quantity": 5}
            ),
            "url": "/licenses/",
        },
        "pbx_declared": {
            "admin_name": "Anna Admin",
            "partner_name": "Müller Telekom",
            "pbx_name": "Zentrale München",
            "kind": Pbx.Kind.CLOUD_PBX.label,
            "company_name": "Acme Bürotechnik GmbH",
            "path": "/telephony/pbxs/8f14e45f-ceea-467f-a0e6-1f2b3c4d5e6f/",
        },
        "webhook_disabled": {
            "admin_name": "Anna Admin",
            "company_name": "Acme Bürotechnik GmbH",
            "url": "https://erp.acme.example/hooks/rainbow",
            "since": expires_at,
            "days": settings.WEBHOOK_DISABLE_AFTER.days,
            "path": "/company/webhooks/8f14e45f-ceea-467f-a0e6-1f2b3c4d5e6f/",
        },
    }
    return samples[kind]
