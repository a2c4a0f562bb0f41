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

    # A second admin on each side hears every step; the one who acts is not told of it.
    customer_colleague = AdminFactory(company=customer)
    reseller_colleague = AdminFactory(company=reseller)

    def told(*people):
        return tuple(
            sum(n.count for n in Notification.objects.filter(recipient=person)) for person in people
        )

    first = services.invitation_send(actor=customer_admin, to_company_id=reseller.pk)
    assert told(customer_colleague, reseller_colleague, reseller_admin) == (1, 1, 1)
    services.invitation_resend(actor=customer_admin, invitation_id=first.pk)
    assert told(customer_colleague, reseller_colleague, reseller_admin) == (2, 2, 2)
    services.invitation_cancel(actor=customer_admin, invitation_id=first.pk)
    assert told(customer_colleague, reseller_colleague, reseller_admin) == (3, 3, 3)
    assert told(customer_admin) == (0,)
    second = services.invitation_send(actor=customer_admin, to_company_id=reseller.pk)
    services.invitation_decline(actor=reseller_admin, invitation_id=second.pk)
    assert told(customer_colleague, reseller_colleague) == (5, 5)
    assert told(customer_admin, reseller_admin) == (1, 4)
    third = services.invitation_send(actor=customer_admin, to_company_id=reseller.pk)
    services.invitation_accept(actor=reseller_admin, invitation_id=third.pk)
    assert told(customer_colleague, reseller_colleague) == (7, 7)
    assert told(customer_admin, reseller_admin) == (2, 5)


def test_beat_runs_the_expire_and_remind_jobs():
    from django.conf import settings

    from rainbow_admin.celery import app

    app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    for job in ("expire_invitations_task", "remind_invitations_task"):
        task = f"partners.tasks.{job}"
        assert task in scheduled and task in app.tasks


def test_an_admin_is_not_told_of_their_own_actions_but_the_other_admins_are(
    customer, customer_admin, reseller, reseller_admin
):
    colleague = AdminFactory(company=customer)
    invitation = services.invitation_send(actor=customer_admin, to_company_id=reseller.pk)
    Invitation.objects.filter(pk=invitation.pk).update(
        last_sent_at=timezone.now() - timedelta(days=2)
    )
    services.invitation_resend(actor=customer_admin, invitation_id=invitation.pk)
    services.invitation_cancel(actor=customer_admin, invitation_id=invitation.pk)
    assert not Notification.objects.filter(recipient=customer_admin).exists()
    told = [n.text for n in Notification.objects.filter(recipient=colleague).order_by("created_at")]
    assert any("again" in text for text in told)
    assert any("cancelled" in text for text in told)
