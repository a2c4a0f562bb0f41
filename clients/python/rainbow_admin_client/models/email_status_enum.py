from enum import StrEnum


class EmailStatusEnum(StrEnum):
    FAILED = "failed"
    QUEUED = "queued"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
