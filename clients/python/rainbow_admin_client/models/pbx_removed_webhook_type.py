from enum import StrEnum


class PbxRemovedWebhookType(StrEnum):
    PBX_REMOVED = "pbx.removed"

    def __str__(self) -> str:
        return str(self.value)
