from enum import StrEnum


class ScopesEnum(StrEnum):
    LICENSING = "licensing"
    TELEPHONY = "telephony"

    def __str__(self) -> str:
        return str(self.value)
