import logging

from celery import shared_task

from webhooks import events, services

logger = logging.getLogger(__name__)


@shared_task(name=events.DELIVER_TASK, acks_late=True)
def deliver_task(delivery_id: str, endpoint_id: str | None = None) -> str:
    """One attempt; the next one waits in the broker when it is near, else for the beat job."""
    outcome = services.delivery_attempt(delivery_id=delivery_id, endpoint_id=endpoint_id)
    if outcome.retry_in is not None and not deliver_task.request.is_eager:
        try:
            deliver_task.apply_async(args=[delivery_id, endpoint_id], countdown=outcome.retry_in)
        except Exception:  # the broker is gone: the delivery is pending, beat queues it again
            logger.warning("Could not queue the retry of %s", delivery_id, exc_info=True)
    return outcome.status


@shared_task(name="webhooks.tasks.requeue_due_deliveries_task")
def requeue_due_deliveries_task() -> int:
    return len(services.deliveries_requeue_due())
