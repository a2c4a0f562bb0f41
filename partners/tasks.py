"""Beat jobs of partner requests: expire the old ones, remind the targets of pending ones."""

from celery import shared_task

from partners import services


@shared_task
def expire_invitations_task() -> int:
    return services.invitations_expire_due()


@shared_task
def remind_invitations_task() -> int:
    return services.invitations_remind_due()


@shared_task
def drop_expired_scopes_task() -> int:
    return services.partner_scopes_drop_due()


@shared_task
def remind_scopes_ending_task() -> int:
    return services.partner_scopes_remind_due()
