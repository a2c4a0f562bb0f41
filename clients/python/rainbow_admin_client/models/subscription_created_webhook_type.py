from enum import StrEnum


class SubscriptionCreatedWebhookType(StrEnum):
    SUBSCRIPTION_CREATED = "subscription.created"

    def __str__(self) -> str:
        return str(self.value)
