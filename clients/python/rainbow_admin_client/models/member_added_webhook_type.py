from enum import StrEnum


class MemberAddedWebhookType(StrEnum):
    MEMBER_ADDED = "member.added"

    def __str__(self) -> str:
        return str(self.value)
