from enum import StrEnum


class PbxKindEnum(StrEnum):
    CLOUD_PBX = "cloud_pbx"
    OMNIPCX_ENTERPRISE = "omnipcx_enterprise"
    OXO_CONNECT = "oxo_connect"
    THIRD_PARTY = "third_party"

    def __str__(self) -> str:
        return str(self.value)
