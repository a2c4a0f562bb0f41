from enum import StrEnum


class PingWebhookType(StrEnum):
    PING = "ping"

    def __str__(self) -> str:
        return str(self.value)
