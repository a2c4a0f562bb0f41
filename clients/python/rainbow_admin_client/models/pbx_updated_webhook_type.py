from enum import StrEnum


class PbxUpdatedWebhookType(StrEnum):
    PBX_UPDATED = "pbx.updated"

    def __str__(self) -> str:
        return str(self.value)
