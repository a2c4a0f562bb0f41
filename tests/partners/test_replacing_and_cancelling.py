"""Defining a partner while one exists says what the request replaces (and what stays), and
cancelling a request asks first, on the dashboard and on the request's page."""

import pytest

from licensing.models import Subscription
from licensing.services import subscription_change
from partners.models import PartnerLink
from partners.services.invitations import invitation_accept, invitation_send
from tests.factories import AdminFactory, PartnerLinkFactory, ResellerFactory
from tests.licensing.factories import SubscriptionFactory
from tests.partners.factories import InvitationFactory
from tests.telephony.factories import CloudPbxFactory

pytestmark = pytest.mark.django_db

NOTE = (
    "Müller Telekom is your partner now. This request, once accepted, replaces Müller Telekom; "
    "until then nothing changes."
)
EFFECTS = "The scopes of Müller Telekom (licenses, telephony) end at once."


def test_the_define_partner_dialog_says_which_partner_the_request_replaces(
    client, customer, customer_admin, reseller
):
    PartnerLinkFactory(company=customer, partner=reseller)
    client.force_login(customer_admin)
    page = client.get("/dashboard/").content.decode()
    dialog = page.split('<dialog id="define-partner-dialog"')[1].split("</dialog>")[0]
    assert NOTE in dialog and EFFECTS in dialog
    assert "the new partner manages them from then on" in dialog
    assert 'aria-describedby="define-partner-replaces"' in dialog  # read with Apply
    # The page without JavaScript says it too.
    assert NOTE in client.get("/partner/define/").content.decode()


def test_without_a_partner_the_dialog_has_no_replacement_note(client, customer_admin):
    client.force_login(customer_admin)
    page = client.get("/dashboard/").content.decode()
    assert "is your partner now" not in page


def test_the_replacement_note_reads_in_german(client, customer, customer_admin, reseller):
    PartnerLinkFactory(company=customer, partner=reseller)
    customer_admin.language = "de"
    customer_admin.save()
    client.force_login(customer_admin)
    page = client.get("/dashboard/").content.decode()
    assert "Müller Telekom ist derzeit Ihr Partner." in page
    assert "Die Berechtigungen von Müller Telekom (Lizenzen, Telefonie) enden sofort." in page


def test_what_the_note_says_is_what_happens(customer, customer_admin, reseller):
    """Accepting ends the old link and its scopes; subscriptions and PBXs stay with the
    company and the new partner manages them."""
    PartnerLinkFactory(company=customer, partner=reseller)
    subscription = SubscriptionFactory(company=customer, reseller=reseller, quantity=5)
    pbx = CloudPbxFactory(company=customer)
    newcomer = AdminFactory(company=ResellerFactory(name="Nordwind"))
    invitation = invitation_send(actor=customer_admin, to_company_id=newcomer.company_id)
    assert PartnerLink.objects.get(company=customer, ended_at__isnull=True).partner == reseller
    invitation_accept(actor=newcomer, invitation_id=invitation.pk)
    old = PartnerLink.objects.get(company=customer, partner=reseller)
    assert old.ended_at is not None and old.end_reason == "replaced"
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.ACTIVE
    assert pbx.__class__.objects.filter(pk=pbx.pk).exists()
    subscription_change(actor=newcomer, subscription_id=subscription.pk, quantity=6)
    subscription.refresh_from_db()
    assert subscription.quantity == 6


def test_cancel_on_the_dashboard_and_on_the_request_page_asks_first(
    client, customer, customer_admin, reseller
):
    invitation = InvitationFactory(from_company=customer, to_company=reseller)
    client.force_login(customer_admin)
    question = (
        'data-confirm="Cancel your request to Müller Telekom? Its link stops working; you can '
        'send a new request later."'
    )
    assert question in client.get("/dashboard/").content.decode()
    assert question in client.get(f"/partner/requests/{invitation.pk}/").content.decode()
