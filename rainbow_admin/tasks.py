"""Background jobs that span apps (member imports); they take ids and call a service."""

from celery import shared_task

from rainbow_admin.jobs import JobTakenOver
from rainbow_admin.members.services import (
    member_import_fail,
    member_import_run,
    member_imports_recover,
)


@shared_task(acks_late=True)
def member_import_task(import_id: str) -> None:
    """Rows are imported in batches committed with their progress: an error half-way marks the
    job failed with what it had done; a worker killed half-way is noticed by beat (a silent
    heartbeat), which resumes the job after its last committed batch."""
    try:
        member_import_run(import_id=import_id)
    except JobTakenOver:  # this worker was given up for dead; another one has the job
        return
    except Exception as exc:
        member_import_fail(import_id=import_id, reason=str(exc)[:500])
        raise


@shared_task
def recover_member_imports() -> int:
    """Beat, every minute: imports left waiting, or left running by a dead worker."""
    return len(member_imports_recover())
