from enum import StrEnum


class PartnerLinkDataEndReason(StrEnum):
    DROPPED = "dropped"
    REMOVED = "removed"
    REPLACED = "replaced"
    VALUE_3 = ""

    def __str__(self) -> str:
        return str(self.value)
