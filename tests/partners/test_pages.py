"""Pages of the partners app: the panel, the dialog, requests, the landing page, customers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from notifications.models import OutboundEmail
from partners.models import Invitation, PartnerLink, PartnerMessage
from partners.services.invitations import _new_token
from tests.factories import (
    AdminFactory,
    CompanyFactory,
    PartnerLinkFactory,
    ResellerFactory,
    UserFactory,
)
from tests.partners.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def test_panel_without_partner_offers_define_partner_and_its_dialog(client, customer_admin):
    client.force_login(customer_admin)
    page = client.get("/dashboard/").content.decode()
    assert "Define partner" in page
    assert '<dialog id="define-partner-dialog"' in page
    assert 'role="combobox"' in page and 'role="listbox"' in page
    assert "Become a reseller of this distributor" not in page  # customers only pick resellers
    assert "<script>" not in page and "style=" not in page


def test_a_reseller_gets_the_become_a_reseller_checkbox(client, reseller_admin):
    client.force_login(reseller_admin)
    page = client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Ein Wiederverkäufer dieses Händlers werden" in page
    assert "Partner definieren" in page


def test_panel_with_a_pending_request_shows_target_date_resend_and_cancel(
    client, customer, customer_admin, reseller
):
    InvitationFactory(from_company=customer, to_company=reseller)
    client.force_login(customer_admin)
    page = client.get("/dashboard/").content.decode()
    assert "Request sent to Müller Telekom on" in page
    assert "Resend" in page and "Cancel" in page
    assert "define-partner-dialog" not in page


def test_panel_with_a_partner_shows_its_card_contact_remove_and_scopes(
    client, customer, customer_admin, reseller
):
    PartnerLinkFactory(company=customer, partner=reseller, scope_telephony=False)
    client.force_login(customer_admin)
    page = client.get("/dashboard/").content.decode()
    assert "Müller Telekom" in page and "Contact" in page and "Remove" in page
    assert 'name="licensing" checked' in page and 'name="telephony" >' in page


def test_a_member_sees_the_partner_but_no_buttons(client, customer, reseller):
    PartnerLinkFactory(company=customer, partner=reseller)
    client.force_login(UserFactory(company=customer))
    page = client.get("/dashboard/").content.decode()
    assert "Müller Telekom" in page and "Remove" not in page and "Define partner" not in page


def test_dialog_search_lists_matching_resellers_as_options(client, customer_admin, reseller):
    ResellerFactory(name="Multicom Services")
    CompanyFactory(name="Mulberry Customer")
    client.force_login(customer_admin)
    html = client.get("/partner/directory/?q=MUL&kind=reseller").content.decode()
    assert html.count('role="option"') == 2
    assert html.index("Müller Telekom") < html.index("Multicom")
    assert "Mulberry" not in html
    assert "2 companies found." in html
    assert "No company matches." in client.get("/partner/directory/?q=zzz").content.decode()


def test_apply_in_the_dialog_sends_and_shows_the_confirmation(
    client, customer, customer_admin, reseller, reseller_admin
):
    client.force_login(customer_admin)
    response = client.post(
        "/partner/define/", {"to_company": str(reseller.pk), "message": ""}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "Your request was sent to Müller Telekom." in html and "Close" in html
    invitation = Invitation.objects.get(from_company=customer)
    assert invitation.to_company == reseller
    assert OutboundEmail.objects.filter(to=reseller_admin.email, topic="invitation").count() == 1


def test_apply_without_a_pick_explains_it_in_the_dialog(client, customer_admin):
    client.force_login(customer_admin)
    response = client.post("/partner/define/", {"to_company": ""}, HTTP_HX_REQUEST="true")
    assert "Choose a company from the list." in response.content.decode()
    assert not Invitation.objects.exists()


def test_apply_for_a_refused_pairing_shows_the_reason(client, customer_admin):
    client.force_login(customer_admin)
    other_customer = CompanyFactory()
    response = client.post(
        "/partner/define/", {"to_company": str(other_customer.pk)}, HTTP_HX_REQUEST="true"
    )
    assert "chooses a reseller" in response.content.decode()
    assert not Invitation.objects.exists()


def test_issued_requests_tab_shows_email_state_copy_link_and_buttons(
    client, customer, customer_admin, reseller
):
    invitation = InvitationFactory(from_company=customer, to_company=reseller)
    OutboundEmail.objects.create(
        to="x@example.com",
        subject="s",
        body_text="b",
        topic="invitation",
        object_id=invitation.pk,
        status="failed",
    )
    client.force_login(customer_admin)
    page = client.get("/notifications/issued/").content.decode()
    assert "Müller Telekom" in page and "Email failed" in page
    assert f"/partner/requests/{invitation.pk}/" in page and "Copy link" in page
    assert "Resend" in page and "Cancel" in page
    assert 'aria-current="page">Issued requests' in page


def test_cancel_from_issued_requests(client, customer, customer_admin, reseller):
    invitation = InvitationFactory(from_company=customer, to_company=reseller)
    client.force_login(customer_admin)
    response = client.post(
        f"/partner/requests/{invitation.pk}/cancel/", {"next": "/notifications/issued/"}
    )
    assert response.status_code == 302 and response["Location"] == "/notifications/issued/"
    invitation.refresh_from_db()
    assert invitation.status == "cancelled"


@pytest.mark.parametrize("action", ["resend", "cancel", "accept", "decline"])
def test_a_request_between_other_companies_is_not_found(client, customer_admin, reseller, action):
    invitation = InvitationFactory(from_company=CompanyFactory(), to_company=reseller)
    client.force_login(customer_admin)
    response = client.post(f"/partner/requests/{invitation.pk}/{action}/")
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == "pending" and invitation.sent_count == 1


def test_resend_too_soon_is_explained(client, customer, customer_admin, reseller):
    invitation = InvitationFactory(from_company=customer, to_company=reseller)
    client.force_login(customer_admin)
    response = client.post(f"/partner/requests/{invitation.pk}/resend/", follow=True)
    assert "you can send it again in 15" in response.content.decode()


def test_received_requests_tab_lets_the_reseller_accept(client, customer, reseller, reseller_admin):
    invitation = InvitationFactory(from_company=customer, to_company=reseller, message="Bitte!")
    client.force_login(reseller_admin)
    page = client.get("/notifications/received/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Acme Bürotechnik GmbH" in page and "Bitte!" in page
    assert "Annehmen" in page and "Ablehnen" in page and "Erhaltene Anfragen" in page
    client.post(f"/partner/requests/{invitation.pk}/accept/")
    assert PartnerLink.objects.filter(company=customer, partner=reseller).exists()


def test_landing_page_get_changes_nothing_and_shows_the_request(
    client, customer, reseller, reseller_admin
):
    raw, token_hash = _new_token()
    invitation = InvitationFactory(
        from_company=customer, to_company=reseller, token_hash=token_hash
    )
    anonymous = client.get(f"/partner/open/{raw}/").content.decode()
    assert "Acme Bürotechnik GmbH asks Müller Telekom to become its partner." in anonymous
    assert "Sign in as an administrator of Müller Telekom" in anonymous
    client.force_login(reseller_admin)
    page = client.get(f"/partner/open/{raw}/").content.decode()
    assert "Annehmen" in page and "Ablehnen" in page  # the reseller admin reads German
    invitation.refresh_from_db()
    assert invitation.status == "pending" and not PartnerLink.objects.exists()
    client.post(f"/partner/requests/{invitation.pk}/accept/", {"next": f"/partner/open/{raw}/"})
    page = client.get(f"/partner/open/{raw}/").content.decode()
    assert "Diese Anfrage wurde angenommen" in page


def test_landing_page_tells_others_what_to_do(client, customer, reseller):
    raw, token_hash = _new_token()
    InvitationFactory(from_company=customer, to_company=reseller, token_hash=token_hash)
    client.force_login(UserFactory(company=reseller))
    assert (
        "Only an administrator of Müller Telekom"
        in client.get(f"/partner/open/{raw}/").content.decode()
    )
    client.force_login(AdminFactory())
    assert (
        "not an administrator of Müller Telekom"
        in client.get(f"/partner/open/{raw}/").content.decode()
    )


def test_an_old_or_wrong_link_says_it_no_longer_works(client):
    response = client.get("/partner/open/not-a-real-token/")
    assert response.status_code == 404
    assert "This link no longer works" in response.content.decode()


def test_remove_partner_and_scopes_from_the_dashboard(client, customer, customer_admin, reseller):
    PartnerLinkFactory(company=customer, partner=reseller)
    client.force_login(customer_admin)
    client.post("/partner/scopes/", {"licensing": "on"})
    link = PartnerLink.objects.get(company=customer)
    assert link.scopes == ["licensing"]
    response = client.post("/partner/remove/", follow=True)
    assert "is no longer your partner" in response.content.decode()
    link.refresh_from_db()
    assert link.ended_at is not None


def test_customers_menu_list_and_workspace(client, reseller, reseller_admin):
    link = PartnerLinkFactory(partner=reseller)
    PartnerLinkFactory()
    client.force_login(reseller_admin)
    page = client.get("/customers/").content.decode()
    assert 'href="/customers/"' in page  # the left menu entry
    assert link.company.name in page and page.count("/customers/") >= 2
    detail = client.get(f"/customers/{link.company.pk}/").content.decode()
    assert link.company.name in detail and f"/customers/{link.company.pk}/messages/" in detail
    assert client.get(f"/customers/{PartnerLinkFactory().company.pk}/").status_code == 404


def test_define_partner_works_without_javascript(client, customer, customer_admin):
    """No script: Search posts the letters, the companies found come back as choices, and the
    browser sends the empty hidden choice of the script's list before the picked one."""
    mueller = ResellerFactory(name="Müller Telekom")
    ResellerFactory(name="Multicom Services")
    client.force_login(customer_admin)
    page = client.post(
        "/partner/define/", {"q": "müller", "message": "Hello", "search": "1"}
    ).content.decode()
    assert f'<input type="radio" name="to_company" value="{mueller.pk}"> Müller Telekom' in page
    assert "Multicom" not in page
    assert "1 company found." in page and ">Hello</textarea>" in page
    assert not Invitation.objects.exists()

    response = client.post(
        "/partner/define/", {"to_company": ["", str(mueller.pk)], "message": "Hello"}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get(from_company=customer)
    assert (invitation.to_company, invitation.message) == (mueller, "Hello")

    page = client.post(
        "/partner/define/", {"q": "müller", "to_company": [""], "message": "Again"}
    ).content.decode()
    # Apply without a pick: the error, with the search and its choices still on screen.
    assert "Choose a company from the list." in page
    assert 'value="müller"' in page
    assert f'<input type="radio" name="to_company" value="{mueller.pk}"> Müller Telekom' in page

    page = client.post(
        "/partner/define/", {"q": "müller", "to_company": ["", str(mueller.pk)]}
    ).content.decode()
    # Refused by the service (a request is already pending): the pick stays checked.
    assert f'value="{mueller.pk}" checked> Müller Telekom' in page


def test_customers_page_lists_by_name_and_counts_every_customer(
    client, reseller, reseller_admin, monkeypatch
):
    monkeypatch.setattr("partners.views.PAGE_SIZE", 2)
    for name in ("zeta GmbH", "Ölwerk AG", "Alpha SA"):
        PartnerLinkFactory(partner=reseller, company=CompanyFactory(name=name))
    PartnerLinkFactory()  # someone else's customer
    reseller_admin.language = "en"
    reseller_admin.save()
    client.force_login(reseller_admin)
    first = client.get("/customers/").content.decode()
    assert "Page 1 of 2" in first
    assert first.index("Alpha SA") < first.index("Ölwerk AG")
    assert "zeta GmbH" not in first
    assert "zeta GmbH" in client.get("/customers/?page=2").content.decode()


def test_customers_page_is_not_for_customer_companies(client, customer_admin):
    client.force_login(customer_admin)
    assert client.get("/customers/").status_code == 404


def test_contact_page_on_both_sides(client, customer, customer_admin, reseller, reseller_admin):
    PartnerLinkFactory(company=customer, partner=reseller)
    client.force_login(customer_admin)
    client.post("/partner/messages/", {"text": "Wir brauchen Lizenzen"})
    client.force_login(reseller_admin)
    page = client.get(f"/customers/{customer.pk}/messages/").content.decode()
    assert "Wir brauchen Lizenzen" in page and "Anna Admin" in page
    client.post(f"/customers/{customer.pk}/messages/", {"text": "Gerne"})
    assert PartnerMessage.objects.count() == 2


def test_the_reseller_ends_a_partnership_from_the_workspace(client, reseller, reseller_admin):
    link = PartnerLinkFactory(partner=reseller)
    client.force_login(reseller_admin)
    client.post(f"/customers/{link.company.pk}/end/")
    link.refresh_from_db()
    assert link.end_reason == "dropped"


# --- query counts -----------------------------------------------------------------------------


def _fixed(client, url, django_assert_max_num_queries, grow, limit):
    client.get(url)
    with django_assert_max_num_queries(limit) as few:
        assert client.get(url).status_code == 200
    grow()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
    return len(few.captured_queries)


def test_dashboard_with_a_partner_and_a_pending_request_has_fixed_queries(
    client, customer, customer_admin, django_assert_max_num_queries
):
    PartnerLinkFactory(company=customer)
    InvitationFactory(from_company=customer)
    client.force_login(customer_admin)

    def grow():
        for _ in range(10):
            PartnerLinkFactory(company=customer, ended_at=timezone.now())
            InvitationFactory(from_company=customer, status="declined")

    _fixed(client, "/dashboard/", django_assert_max_num_queries, grow, 14)


def test_issued_and_received_lists_have_fixed_queries(
    client, customer, customer_admin, reseller, reseller_admin, django_assert_max_num_queries
):
    InvitationFactory(from_company=customer, to_company=reseller)
    client.force_login(customer_admin)

    def grow_issued():
        for days in range(1, 30):
            InvitationFactory(
                from_company=customer,
                status="declined",
                created_at=timezone.now() - timedelta(days=days),
            )

    _fixed(client, "/notifications/issued/", django_assert_max_num_queries, grow_issued, 10)
    client.force_login(reseller_admin)

    def grow_received():
        InvitationFactory.create_batch(30, to_company=reseller)

    _fixed(client, "/notifications/received/", django_assert_max_num_queries, grow_received, 10)


def test_customers_list_and_search_have_fixed_queries(
    client, reseller, reseller_admin, django_assert_max_num_queries
):
    PartnerLinkFactory(partner=reseller)
    ResellerFactory(name="Mux Telecom")
    client.force_login(reseller_admin)
    _fixed(
        client,
        "/customers/",
        django_assert_max_num_queries,
        lambda: PartnerLinkFactory.create_batch(30, partner=reseller),
        10,
    )
    _fixed(
        client,
        "/partner/directory/?q=mu&kind=distributor",
        django_assert_max_num_queries,
        lambda: [ResellerFactory(name=f"Mu {n}", kind="distributor") for n in range(30)],
        6,
    )


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["YOUR PARTNER", "Define partner", "Apply", "Close"]),
        ("de", ["IHR PARTNER", "Partner definieren", "Übernehmen", "Schließen"]),
        ("fr", ["VOTRE PARTENAIRE", "Définir un partenaire", "Appliquer", "Fermer"]),
    ],
)
def test_the_panel_and_dialog_speak_the_users_language(client, customer, language, words):
    client.force_login(AdminFactory(company=customer, language=language))
    page = client.get("/dashboard/").content.decode()
    for word in words:
        assert word in page


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Issued requests", "Received requests", "Accept", "Decline"]),
        ("de", ["Ausgestellte Anfragen", "Erhaltene Anfragen", "Annehmen", "Ablehnen"]),
        ("fr", ["Demandes émises", "Demandes reçues", "Accepter", "Refuser"]),
    ],
)
def test_received_requests_speak_the_users_language(client, reseller, language, words):
    InvitationFactory(to_company=reseller)
    client.force_login(AdminFactory(company=reseller, language=language))
    page = client.get("/notifications/received/").content.decode()
    for word in words:
        assert word in page


def test_an_ampersand_in_a_company_name_is_not_escaped_in_the_subject(
    client, customer_admin, reseller_admin
):
    reseller_admin.company.name = "Smith & Sons"
    reseller_admin.company.save()
    client.force_login(customer_admin)
    client.post("/partner/define/", {"to_company": str(reseller_admin.company.pk)})
    email = OutboundEmail.objects.get(topic="invitation")
    assert "Smith & Sons" in email.subject and "&amp;" in email.body_html


def test_a_reseller_ticking_the_box_finds_distributors_and_is_told_otherwise(
    client, reseller_admin
):
    from tests.factories import DistributorFactory

    DistributorFactory(name="EuroVoice Distribution")
    ResellerFactory(name="EuroVoice Resale")
    client.force_login(reseller_admin)
    ticked = client.get("/partner/directory/?q=euro&kind=distributor").content.decode()
    assert "EuroVoice Distribution" in ticked and "EuroVoice Resale" not in ticked
    unticked = client.get("/partner/directory/?q=euro&kind=reseller").content.decode()
    assert 'role="option"' not in unticked
    assert "Ein Wiederverkäufer kann nur Wiederverkäufer eines Händlers werden." in unticked
