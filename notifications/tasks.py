from celery import shared_task
from django.conf import settings

from notifications import services


@shared_task(bind=True, max_retries=None, acks_late=True)
def deliver_email_task(self, email_id: str) -> str:
    try:
        email = services.email_deliver(email_id=email_id)
    except services.EmailNotSent as exc:
        countdown = settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** (exc.attempts - 1)
        raise self.retry(exc=exc, countdown=min(countdown, 3600)) from exc
    return email.status if email else "skipped"


@shared_task
def requeue_stale_emails() -> int:
    return len(services.emails_requeue_stale())
