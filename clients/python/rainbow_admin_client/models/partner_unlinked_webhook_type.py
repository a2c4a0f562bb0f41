from enum import StrEnum


class PartnerUnlinkedWebhookType(StrEnum):
    PARTNER_UNLINKED = "partner.unlinked"

    def __str__(self) -> str:
        return str(self.value)
