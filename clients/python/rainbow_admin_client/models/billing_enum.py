from enum import StrEnum


class BillingEnum(StrEnum):
    ANNUAL = "annual"
    MONTHLY = "monthly"

    def __str__(self) -> str:
        return str(self.value)
