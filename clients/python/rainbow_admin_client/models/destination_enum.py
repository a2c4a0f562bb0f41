from enum import StrEnum


class DestinationEnum(StrEnum):
    AUTO_ATTENDANT = "auto_attendant"
    HUNT_GROUP = "hunt_group"
    MEMBER = "member"
    WELCOME_SERVICE = "welcome_service"

    def __str__(self) -> str:
        return str(self.value)
