"""Background jobs of telephony; they take ids and call a service."""

from celery import shared_task

from telephony.services.devices import (
    device_import_fail,
    device_import_run,
    device_imports_requeue_stale,
)


@shared_task(acks_late=True)
def device_import_task(import_id: str) -> None:
    """Rows are imported one by one, so a crash half-way is not retried (rows would be reported
    twice as duplicates): the job is marked failed with what it had done."""
    try:
        device_import_run(import_id=import_id)
    except Exception as exc:
        device_import_fail(import_id=import_id, reason=str(exc)[:500])
        raise


@shared_task
def requeue_stale_device_imports() -> int:
    """Beat, every minute: imports left waiting (broker down when they were started)."""
    return len(device_imports_requeue_stale())
