"""What each event says: the ``data`` of every event type, built by the services that emit it.

The serializers below both build the data (``invitation(...)``, ``subscription(...)``...) and
describe it in the OpenAPI document's ``webhooks`` section, so the two cannot drift apart. They
read plain attributes of the objects they are given: this app imports no other app's models.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rest_framework import serializers

from rainbow_admin.api.fields import documented, one_of


def named(enum: str) -> Any:
    """A string documented as the REST API's enum component ``enum`` (the same values as the
    answers of the API: this app imports no other app's models to name them)."""
    return documented(serializers.CharField(), {"$ref": f"#/components/schemas/{enum}"})


class EventCompany(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    kind = named("CompanyKindEnum")


class EventPerson(serializers.Serializer):
    id = serializers.UUIDField()
    email = serializers.EmailField()
    name = serializers.CharField()


class MemberData(EventPerson):
    role = named("RoleEnum")
    language = named("LanguageEnum")
    active = serializers.BooleanField(source="is_active")


class InvitationData(serializers.Serializer):
    id = serializers.UUIDField()
    direction = named("DirectionEnum")
    status = named("InvitationStatusEnum")
    from_company = EventCompany()
    to_company = EventCompany(
        source="shown_to_company",
        allow_null=True,
        help_text="null for the reseller until the company an offer reached answers it",
    )
    to_email = serializers.CharField(help_text="an offer's address; empty for a request")
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    responded_at = serializers.DateTimeField(allow_null=True)


class PartnerLinkData(serializers.Serializer):
    company = EventCompany()
    partner = EventCompany()
    since = serializers.DateTimeField()
    ended_at = serializers.DateTimeField(allow_null=True)
    end_reason = one_of(
        ["replaced", "removed", "dropped"],
        serializers.CharField(
            allow_blank=True, help_text="replaced, removed or dropped; empty while linked"
        ),
    )
    scopes = serializers.ListField(child=named("ScopesEnum"))


class SubscriptionData(serializers.Serializer):
    id = serializers.UUIDField()
    company = EventCompany()
    offer = serializers.CharField(source="offer_id")
    quantity = serializers.IntegerField()
    billing = named("BillingEnum")
    status = named("SubscriptionStatusEnum")
    reseller = EventCompany(allow_null=True)


class EventSubscription(serializers.Serializer):
    id = serializers.UUIDField()
    offer = serializers.CharField(source="offer_id")


class PbxData(serializers.Serializer):
    id = serializers.UUIDField()
    kind = named("PbxKindEnum")
    name = serializers.CharField()
    country = serializers.CharField(source="country.code")
    status = named("PbxStatusEnum")
    company = EventCompany()


class EventEndpoint(serializers.Serializer):
    id = serializers.UUIDField()
    url = serializers.URLField()


# The ``data`` of each event type.
class PingEvent(serializers.Serializer):
    endpoint = EventEndpoint()


class InvitationEvent(serializers.Serializer):
    invitation = InvitationData()


class PartnerEvent(serializers.Serializer):
    link = PartnerLinkData()


class SubscriptionEvent(serializers.Serializer):
    subscription = SubscriptionData()


class LicenseEvent(serializers.Serializer):
    company = EventCompany()
    subscription = EventSubscription()
    members = EventPerson(many=True)


class MemberEvent(serializers.Serializer):
    company = EventCompany()
    member = MemberData()


class PbxEvent(serializers.Serializer):
    pbx = PbxData()


def invitation(value: Any) -> dict[str, Any]:
    return {"invitation": InvitationData(value).data}


def partner_link(value: Any) -> dict[str, Any]:
    return {"link": PartnerLinkData(value).data}


def subscription(value: Any) -> dict[str, Any]:
    return {"subscription": SubscriptionData(value).data}


def licenses(value: Any, members: Iterable[Any]) -> dict[str, Any]:
    """Licenses of subscription ``value`` given to (or taken from) ``members``."""
    return {
        "company": EventCompany(value.company).data,
        "subscription": EventSubscription(value).data,
        "members": EventPerson(list(members), many=True).data,
    }


def member(value: Any, company: Any) -> dict[str, Any]:
    return {"company": EventCompany(company).data, "member": MemberData(value).data}


def pbx(value: Any) -> dict[str, Any]:
    return {"pbx": PbxData(value).data}
