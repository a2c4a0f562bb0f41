from enum import StrEnum


class InvitationCancelledWebhookType(StrEnum):
    INVITATION_CANCELLED = "invitation.cancelled"

    def __str__(self) -> str:
        return str(self.value)
