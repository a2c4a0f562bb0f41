"""The Contact conversation between a company's admins and its partner's admins."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from companies.models import Company, User
from partners.models import PartnerLink, PartnerMessage
from partners.services._common import email_admins, site_url, tell_admins
from rainbow_admin.errors import Conflict, InvalidInput, NotFound
from rainbow_admin.permissions import is_admin_of, is_partner_admin_of, require_manage
from rainbow_admin.rate_limits import rate_limit_hit

TEXT_MAX_LENGTH = 5000


@transaction.atomic
def partner_message_post(*, actor: User, company: Company, text: str) -> PartnerMessage:
    """Write in the conversation of ``company`` with its current partner.

    The company's admins and the partner's admins may write; the other side is told in the
    portal and by email. Each person writes at most ``PARTNER_MESSAGES_PER_PERSON_PER_HOUR``
    messages an hour (HTTP 429).
    """
    if is_partner_admin_of(actor, company):
        link = PartnerLink.objects.select_related("partner").get(
            company=company, partner_id=actor.company_id, ended_at__isnull=True
        )
        own_side = False
    else:
        if not is_admin_of(actor, company):
            if actor.company_id != company.pk:
                raise NotFound(_("Not found."), code="not_found")
            require_manage(actor, company)
        link = (
            PartnerLink.objects.select_related("partner")
            .filter(company=company, ended_at__isnull=True)
            .first()
        )
        if link is None:
            raise Conflict(_("Your company has no partner."), code="no_partner")
        own_side = True
    text = (text or "").strip()
    if not text:
        raise InvalidInput(_("Write a message."), code="text_required", field="text")
    if len(text) > TEXT_MAX_LENGTH:
        raise InvalidInput(
            _("The message is too long (5000 characters at most)."),
            code="text_too_long",
            field="text",
        )
    rate_limit_hit(
        action="partner-message",
        key=str(actor.pk),
        limit=settings.PARTNER_MESSAGES_PER_PERSON_PER_HOUR,
        window=settings.RATE_LIMIT_HOUR,
        message=_("You sent many messages in the last hour; try again in %(wait)s."),
    )
    message = PartnerMessage.objects.create(
        company=company,
        partner=link.partner,
        author=actor,
        author_name=actor.name,
        author_company_id=actor.company_id,
        text=text,
    )
    if own_side:
        told, url_name, url_args = link.partner, "customer_messages", (company.pk,)
    else:
        told, url_name, url_args = company, "partner_messages", ()
    params = {"author": actor.name, "company": actor.company.name}
    # Messages in a row by one author fold into one notification and one email (the
    # conversation holds them all).
    newly_told = tell_admins(
        told,
        message=gettext_noop("New message from %(author)s (%(company)s)."),
        params=params,
        url_name=url_name,
        url_args=url_args,
        actor=actor,
    )
    email_admins(
        told,
        template="partner_message",
        context={
            "author": actor.name,
            "author_company": actor.company.name,
            "text": text,
            "url": site_url(reverse(url_name, args=url_args)),
        },
        topic="partner_message",
        object_id=message.pk,
        only=newly_told,
    )
    return message
