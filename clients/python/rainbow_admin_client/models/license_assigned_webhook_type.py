from enum import StrEnum


class LicenseAssignedWebhookType(StrEnum):
    LICENSE_ASSIGNED = "license.assigned"

    def __str__(self) -> str:
        return str(self.value)
