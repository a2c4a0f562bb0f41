from enum import StrEnum


class PbxDeclaredWebhookType(StrEnum):
    PBX_DECLARED = "pbx.declared"

    def __str__(self) -> str:
        return str(self.value)
