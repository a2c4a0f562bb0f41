from enum import StrEnum


class EventTypeEnum(StrEnum):
    INVITATION_ACCEPTED = "invitation.accepted"
    INVITATION_CANCELLED = "invitation.cancelled"
    INVITATION_DECLINED = "invitation.declined"
    INVITATION_EXPIRED = "invitation.expired"
    INVITATION_SENT = "invitation.sent"
    LICENSE_ASSIGNED = "license.assigned"
    LICENSE_UNASSIGNED = "license.unassigned"
    MEMBER_ADDED = "member.added"
    MEMBER_DEACTIVATED = "member.deactivated"
    PARTNER_LINKED = "partner.linked"
    PARTNER_SCOPES_CHANGED = "partner.scopes_changed"
    PARTNER_UNLINKED = "partner.unlinked"
    PBX_DECLARED = "pbx.declared"
    PBX_REMOVED = "pbx.removed"
    PBX_UPDATED = "pbx.updated"
    PING = "ping"
    SUBSCRIPTION_CREATED = "subscription.created"
    SUBSCRIPTION_TERMINATED = "subscription.terminated"
    SUBSCRIPTION_UPDATED = "subscription.updated"

    def __str__(self) -> str:
        return str(self.value)
