from enum import StrEnum


class EmailFailureEnum(StrEnum):
    DELIVERY_FAILED = "delivery_failed"
    NO_RECIPIENT = "no_recipient"

    def __str__(self) -> str:
        return str(self.value)
