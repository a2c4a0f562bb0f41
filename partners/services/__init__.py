"""Every write of the partners app: invitations, partner links and the Contact conversation."""

from partners.services.invitations import (
    invitation_accept,
    invitation_cancel,
    invitation_decline,
    invitation_resend,
    invitation_send,
    invitations_expire_due,
    invitations_remind_due,
)
from partners.services.links import partner_link_end, partner_link_set_scopes
from partners.services.messages import partner_message_post
from partners.services.offers import (
    customer_offer_send,
    customer_offer_sign_up,
    offer_deliver_queued,
    offers_deliver_stale,
)
from partners.services.scope_dates import (
    partner_link_extend_scopes,
    partner_link_set_scopes_until,
    partner_scopes_drop_due,
    partner_scopes_remind_due,
)

__all__ = [
    "customer_offer_send",
    "customer_offer_sign_up",
    "invitation_accept",
    "invitation_cancel",
    "invitation_decline",
    "invitation_resend",
    "invitation_send",
    "invitations_expire_due",
    "invitations_remind_due",
    "offer_deliver_queued",
    "offers_deliver_stale",
    "partner_link_end",
    "partner_link_extend_scopes",
    "partner_link_set_scopes",
    "partner_link_set_scopes_until",
    "partner_message_post",
    "partner_scopes_drop_due",
    "partner_scopes_remind_due",
]
