from enum import StrEnum


class PolicyEnum(StrEnum):
    CIRCULAR = "circular"
    PARALLEL = "parallel"
    SERIAL = "serial"

    def __str__(self) -> str:
        return str(self.value)
