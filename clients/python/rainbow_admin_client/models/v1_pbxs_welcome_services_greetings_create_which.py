from enum import StrEnum


class V1PbxsWelcomeServicesGreetingsCreateWhich(StrEnum):
    CLOSED = "closed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
