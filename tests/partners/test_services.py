"""Rules of the partners services and the beat jobs (expire, remind)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from notifications.models import ActivityRecord, Notification, OutboundEmail
from partners import services
from partners.models import Invitation
from partners.tasks import expire_invitations_task, remind_invitations_task
from rainbow_admin.errors import Conflict
from tests.factories import AdminFactory, PartnerLinkFactory
from tests.partners.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def days_ago(days: float):
    return timezone.now() - timedelta(days=days)


def test_expire_job_expires_old_pending_requests_and_tells_the_sender(
    customer, customer_admin, reseller, reseller_admin
):
    old = InvitationFactory(from_company=customer, to_company=reseller, created_at=days_ago(15))
    fresh = InvitationFactory(to_company=reseller, created_at=days_ago(2))
    assert expire_invitations_task() == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.status, fresh.status) == ("expired", "pending")
    assert "expired" in Notification.objects.get(recipient=customer_admin).text
    email = OutboundEmail.objects.get(topic="invitation_expired")
    assert email.to == customer_admin.email and "Müller Telekom" in email.subject
    assert ActivityRecord.objects.filter(company=customer, verb="invitation.expired").exists()
    assert expire_invitations_task() == 0  # nothing twice


def test_reminders_after_three_days_and_one_day_before_expiry_each_once(
    customer, reseller, reseller_admin
):
    AdminFactory(company=reseller, language="fr")
    InvitationFactory(from_company=customer, to_company=reseller, created_at=days_ago(1))
    assert remind_invitations_task() == 0

    invitation = Invitation.objects.get()
    Invitation.objects.filter(pk=invitation.pk).update(
        last_sent_at=days_ago(3.1), expires_at=days_ago(3.1) + timedelta(days=14)
    )
    assert remind_invitations_task() == 1
    assert remind_invitations_task() == 0
    first = OutboundEmail.objects.filter(topic="invitation_reminder")
    assert first.count() == 2  # one per admin of the target
    assert {e.language for e in first} == {"de", "fr"}
    assert f"/partner/requests/{invitation.pk}/" in first[0].body_text  # no token in a reminder

    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() + timedelta(hours=20)
    )
    assert remind_invitations_task() == 1
    assert remind_invitations_task() == 0
    assert OutboundEmail.objects.filter(topic="invitation_reminder").count() == 4


def test_reminder_settings_are_honoured(customer, reseller, reseller_admin, settings):
    settings.INVITATION_FIRST_REMINDER_AFTER = timedelta(hours=1)
    InvitationFactory(
        from_company=customer,
        to_company=reseller,
        created_at=timezone.now() - timedelta(hours=2),
    )
    assert remind_invitations_task() == 1


def test_answered_requests_get_no_reminder(customer, reseller, reseller_admin):
    InvitationFactory(
        from_company=customer, to_company=reseller, created_at=days_ago(13.5), status="declined"
    )
    assert remind_invitations_task() == 0


def test_sending_to_the_current_partner_is_refused_even_after_accepting(
    customer, customer_admin, reseller
):
    PartnerLinkFactory(company=customer, partner=reseller)
    with pytest.raises(Conflict) as refused:
        services.invitation_send(actor=customer_admin, to_company_id=reseller.pk)
    assert refused.value.code == "already_partner"


def test_a_partner_admin_can_end_the_link_from_its_side(customer, reseller, reseller_admin):
    PartnerLinkFactory(company=customer, partner=reseller)
    link = services.partner_link_end(actor=reseller_admin, company=customer)
    assert link.end_reason == "dropped"


def test_every_step_is_recorded_in_both_activity_logs(
    customer, customer_admin, reseller, reseller_admin, settings
):
    settings.INVITATION_RESEND_COOLDOWN = timedelta(0)
    invitation = services.invitation_send(actor=customer_admin, to_company_id=reseller.pk)
    services.invitation_resend(actor=customer_admin, invitation_id=invitation.pk)
    services.invitation_accept(actor=reseller_admin, invitation_id=invitation.pk)
    for company in (customer, reseller):
        verbs = set(ActivityRecord.objects.filter(company=company).values_list("verb", flat=True))
        assert {"invitation.sent", "invitation.resent", "invitation.accepted"} <= verbs
    record = ActivityRecord.objects.filter(verb="invitation.accepted").first()
    assert record.actor == reseller_admin and "Jonas Admin" in record.text


def test_both_sides_are_told_in_the_portal_at_every_step(
    customer, customer_admin, reseller, reseller_admin, settings
):
    settings.INVITATION_RESEND_COOLDOWN = timedelta(0)
    settings.INVITATION_SENDS_PER_COMPANY_PER_HOUR = 3

    def told():
        return (
            Notification.objects.filter(recipient=customer_admin).count(),
            Notification.objects.filter(recipient=reseller_admin).count(),
        )

    first = services.invitation_send(actor=customer_admin, to_company_id=reseller.pk)
    assert told() == (1, 1)
    services.invitation_resend(actor=customer_admin, invitation_id=first.pk)
    assert told() == (2, 2)
    services.invitation_cancel(actor=customer_admin, invitation_id=first.pk)
    assert told() == (3, 3)
    second = services.invitation_send(actor=customer_admin, to_company_id=reseller.pk)
    services.invitation_decline(actor=reseller_admin, invitation_id=second.pk)
    assert told() == (5, 5)
    third = services.invitation_send(actor=customer_admin, to_company_id=reseller.pk)
    services.invitation_accept(actor=reseller_admin, invitation_id=third.pk)
    assert told() == (7, 7)


def test_beat_runs_the_expire_and_remind_jobs():
    from django.conf import settings

    from rainbow_admin.celery import app

    app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    for job in ("expire_invitations_task", "remind_invitations_task"):
        task = f"partners.tasks.{job}"
        assert task in scheduled and task in app.tasks
