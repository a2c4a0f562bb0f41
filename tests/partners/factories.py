"""Factories of the partners app (requests written directly, for lists and query counts)."""

import secrets

import factory
from django.conf import settings
from django.utils import timezone

from companies.models import hash_token
from tests.factories import CompanyFactory, ResellerFactory


class InvitationFactory(factory.django.DjangoModelFactory):
    """A pending request from a customer to a reseller, as if sent now."""

    class Meta:
        model = "partners.Invitation"

    from_company = factory.SubFactory(CompanyFactory)
    to_company = factory.SubFactory(ResellerFactory)
    direction = "request"
    # An offer went to an address: here, one of the target's made up for it.
    to_email = factory.LazyAttribute(
        lambda o: f"admin-{secrets.token_hex(4)}@example.com" if o.direction == "offer" else ""
    )
    token_hash = factory.LazyFunction(lambda: hash_token(secrets.token_urlsafe(32)))
    created_at = factory.LazyFunction(timezone.now)
    last_sent_at = factory.LazyAttribute(lambda o: o.created_at)
    expires_at = factory.LazyAttribute(lambda o: o.last_sent_at + settings.INVITATION_TTL)
    recent_sends = factory.LazyAttribute(lambda o: [o.last_sent_at.isoformat()])
