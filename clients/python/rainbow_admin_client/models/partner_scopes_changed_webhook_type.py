from enum import StrEnum


class PartnerScopesChangedWebhookType(StrEnum):
    PARTNER_SCOPES_CHANGED = "partner.scopes_changed"

    def __str__(self) -> str:
        return str(self.value)
