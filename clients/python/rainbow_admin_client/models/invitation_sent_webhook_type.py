from enum import StrEnum


class InvitationSentWebhookType(StrEnum):
    INVITATION_SENT = "invitation.sent"

    def __str__(self) -> str:
        return str(self.value)
