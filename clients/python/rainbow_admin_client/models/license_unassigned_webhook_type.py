from enum import StrEnum


class LicenseUnassignedWebhookType(StrEnum):
    LICENSE_UNASSIGNED = "license.unassigned"

    def __str__(self) -> str:
        return str(self.value)
