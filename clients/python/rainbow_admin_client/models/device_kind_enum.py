from enum import StrEnum


class DeviceKindEnum(StrEnum):
    ALE_DESK = "ale_desk"
    DECT = "dect"
    SIP = "sip"

    def __str__(self) -> str:
        return str(self.value)
