"""Background jobs of telephony; they take ids and call a service."""

from celery import shared_task

from rainbow_admin.jobs import JobTakenOver
from telephony.services.devices import (
    device_import_fail,
    device_import_run,
    device_imports_requeue_stale,
)


@shared_task(acks_late=True)
def device_import_task(import_id: str) -> None:
    """Rows are imported in batches committed with their progress; an error half-way marks the
    job failed with what it had done. A worker killed half-way is noticed by beat (a silent
    heartbeat), which resumes the job after its last committed batch."""
    try:
        device_import_run(import_id=import_id)
    except JobTakenOver:  # this worker was given up for dead; another one has the job
        return
    except Exception as exc:
        device_import_fail(import_id=import_id, reason=str(exc)[:500])
        raise


@shared_task
def requeue_stale_device_imports() -> int:
    """Beat, every minute: imports left waiting (broker down when they were started), or left
    running by a worker that died (resumed, or failed after too many attempts)."""
    return len(device_imports_requeue_stale())
