from enum import StrEnum


class InvitationDeclinedWebhookType(StrEnum):
    INVITATION_DECLINED = "invitation.declined"

    def __str__(self) -> str:
        return str(self.value)
