from enum import StrEnum


class SubscriptionUpdatedWebhookType(StrEnum):
    SUBSCRIPTION_UPDATED = "subscription.updated"

    def __str__(self) -> str:
        return str(self.value)
