from enum import StrEnum


class SubscriptionTerminatedWebhookType(StrEnum):
    SUBSCRIPTION_TERMINATED = "subscription.terminated"

    def __str__(self) -> str:
        return str(self.value)
