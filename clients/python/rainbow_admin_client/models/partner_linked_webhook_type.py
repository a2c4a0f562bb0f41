from enum import StrEnum


class PartnerLinkedWebhookType(StrEnum):
    PARTNER_LINKED = "partner.linked"

    def __str__(self) -> str:
        return str(self.value)
