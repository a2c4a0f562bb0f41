from enum import StrEnum


class V1InvitationsListDirection(StrEnum):
    ISSUED = "issued"
    RECEIVED = "received"

    def __str__(self) -> str:
        return str(self.value)
