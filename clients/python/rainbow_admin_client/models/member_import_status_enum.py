from enum import StrEnum


class MemberImportStatusEnum(StrEnum):
    DRAFT = "draft"
    FAILED = "failed"
    FINISHED = "finished"
    QUEUED = "queued"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
