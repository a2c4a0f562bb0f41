from enum import StrEnum


class InvitationExpiredWebhookType(StrEnum):
    INVITATION_EXPIRED = "invitation.expired"

    def __str__(self) -> str:
        return str(self.value)
