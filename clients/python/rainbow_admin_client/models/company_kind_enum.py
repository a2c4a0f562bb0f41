from enum import StrEnum


class CompanyKindEnum(StrEnum):
    CUSTOMER = "customer"
    DISTRIBUTOR = "distributor"
    RESELLER = "reseller"

    def __str__(self) -> str:
        return str(self.value)
