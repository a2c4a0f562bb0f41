from enum import StrEnum


class AttendantActionEnum(StrEnum):
    HUNT_GROUP = "hunt_group"
    MEMBER = "member"
    MENU = "menu"

    def __str__(self) -> str:
        return str(self.value)
