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

__all__ = [
    "invitation_accept",
    "invitation_cancel",
    "invitation_decline",
    "invitation_resend",
    "invitation_send",
    "invitations_expire_due",
    "invitations_remind_due",
    "partner_link_end",
    "partner_link_set_scopes",
    "partner_message_post",
]
