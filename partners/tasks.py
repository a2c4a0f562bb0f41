"""Tasks of partner requests: beat jobs (expire the old ones, remind the targets of pending ones,
scopes past their date) and the delivery of an offer, queued by the request that sends it."""

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


@shared_task
def deliver_offer_task(invitation_id: str, token_hash: str, sender_id: str = "") -> bool:
    """One send of a reseller's offer, queued by the request that sent it (or resent it)."""
    return services.offer_deliver_queued(
        invitation_id=invitation_id, token_hash=token_hash, sender_id=sender_id
    )


@shared_task
def deliver_stale_offers_task() -> int:
    return services.offers_deliver_stale()
