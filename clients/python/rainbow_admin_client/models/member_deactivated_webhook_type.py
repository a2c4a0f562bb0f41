from enum import StrEnum


class MemberDeactivatedWebhookType(StrEnum):
    MEMBER_DEACTIVATED = "member.deactivated"

    def __str__(self) -> str:
        return str(self.value)
