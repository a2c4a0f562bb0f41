from enum import StrEnum


class DirectionEnum(StrEnum):
    OFFER = "offer"
    REQUEST = "request"

    def __str__(self) -> str:
        return str(self.value)
