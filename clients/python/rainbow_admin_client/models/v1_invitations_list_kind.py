from enum import StrEnum


class V1InvitationsListKind(StrEnum):
    OFFER = "offer"
    REQUEST = "request"

    def __str__(self) -> str:
        return str(self.value)
