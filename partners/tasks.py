"""Beat jobs of partner requests: expire the old ones, remind the targets of pending ones."""

from celery import shared_task

from partners import services


@shared_task
def expire_invitations_task() -> int:
    return services.invitations_expire_due()


@shared_task
def remind_invitations_task() -> int:
    return services.invitations_remind_due()
