"""Destructive actions confirm in an in-page dialog that says what else goes (Chromium)."""

import pytest

from telephony.models import Device, EmergencyNumber, HuntGroup, HuntGroupMember, Line
from tests.conftest import sign_in
from tests.factories import (
    PASSWORD,
    AdminFactory,
    PartnerLinkFactory,
    ResellerFactory,
    UserFactory,
)
from tests.partners.factories import InvitationFactory
from tests.telephony.factories import CloudPbxFactory, LineFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1366])
def test_freeing_a_line_names_the_hunt_groups_it_leaves_and_the_devices_it_loses(page, width):
    admin = AdminFactory()
    pbx = CloudPbxFactory(company=admin.company, name="Head office")
    oliver = LineFactory(
        pbx=pbx, extension="8010", user=UserFactory(company=admin.company, name="Oliver Smith")
    )
    LineFactory(pbx=pbx, extension="8011", user=UserFactory(company=admin.company, name="Ann"))
    sales = HuntGroup.objects.create(pbx=pbx, name="Sales", policy="serial")
    HuntGroupMember.objects.create(hunt_group=sales, line=oliver)
    Device.objects.create(
        pbx=pbx, kind="ale_desk", identifier="00809F123456", model="ALE-20h", line=oliver
    )
    page.set_viewport_size({"width": width, "height": 844})
    sign_in(page, admin.email, PASSWORD)
    page.goto(f"/telephony/pbxs/{pbx.pk}/")
    row = page.get_by_role("row").filter(has_text="Oliver Smith")
    row.get_by_role("button", name="Free").click()
    dialog = page.get_by_role("dialog", name="Free the line of Oliver Smith?")
    assert dialog.is_visible()
    assert dialog.get_by_text("Leaves the hunt group Sales").is_visible()
    assert dialog.get_by_text("Loses the device 00809F123456 (ALE-20h)").is_visible()
    box = dialog.bounding_box()  # the dialog fits the screen
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # Cancel keeps everything.
    dialog.get_by_role("button", name="Cancel").click()
    assert dialog.is_hidden()
    assert Line.objects.filter(pk=oliver.pk).exists()
    # Ann's line takes nothing else along, and says so.
    page.get_by_role("row").filter(has_text="Ann").get_by_role("button", name="Free").click()
    assert (
        page.get_by_role("dialog").get_by_text("No hunt group or device goes with it.").is_visible()
    )
    page.keyboard.press("Escape")
    assert Line.objects.count() == 2
    # Confirming frees the line: it leaves the group and its phone is unassigned.
    row.get_by_role("button", name="Free").click()
    dialog.get_by_role("button", name="Free").click()
    page.wait_for_load_state()
    row.wait_for(state="detached")
    assert not Line.objects.filter(pk=oliver.pk).exists()
    assert HuntGroupMember.objects.count() == 0
    assert Device.objects.get().line is None
    assert page.console_errors == []


def test_a_new_api_token_is_shown_once_at_the_top_focused_and_revoking_asks_first(page):
    admin = AdminFactory()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, admin.email, PASSWORD)
    page.goto("/profile/")
    assert page.evaluate("document.activeElement === document.body")  # no field takes focus
    page.get_by_label("Token name").fill("Nightly export")
    page.get_by_role("button", name="Create a token").click()
    page.wait_for_load_state()
    panel = page.get_by_role("region", name="Your new API token")
    assert panel.evaluate("el => el === document.activeElement")
    box = panel.bounding_box()
    assert 0 <= box["y"] < 844
    token = panel.locator("code").inner_text()
    assert token.startswith("ra_")
    panel.get_by_role("button", name="Copy").click()
    panel.get_by_role("status").filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == token
    page.goto("/profile/")
    assert page.get_by_text(token).count() == 0  # shown once
    page.get_by_role("button", name="Revoke").click()
    dialog = page.get_by_role("dialog")
    assert dialog.get_by_text("Revoke the token “Nightly export”?").is_visible()
    dialog.get_by_role("button", name="Revoke").click()
    page.get_by_text("The token “Nightly export” was revoked.").wait_for()


def test_the_last_admin_is_not_offered_deactivate(client):
    admin = AdminFactory(name="Alma Admin")
    UserFactory(company=admin.company, name="Mia Member")
    client.force_login(admin)
    page = client.get("/members/").content.decode()
    assert page.count(">Deactivate</button>") == 1  # Mia's only
    assert "The last administrator: appoint another one before deactivating." in page
    second = AdminFactory(company=admin.company, name="Bea Admin")
    page = client.get("/members/").content.decode()
    assert page.count(">Deactivate</button>") == 3
    assert second.name in page


def test_cancelling_a_request_on_the_dashboard_asks_first_naming_the_company(page):
    admin = AdminFactory()
    invitation = InvitationFactory(
        from_company=admin.company, to_company=ResellerFactory(name="Northwind Telecom")
    )
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, admin.email, PASSWORD)
    page.goto("/dashboard/")
    panel = page.get_by_role("region", name="YOUR PARTNER")
    panel.get_by_role("button", name="Cancel").click()
    dialog = page.get_by_role("dialog")
    assert dialog.get_by_text("Cancel your request to Northwind Telecom?").is_visible()
    # The two buttons cannot be mistaken: neither is a bare "Cancel".
    keep = dialog.get_by_role("button", name="Keep the request", exact=True)
    assert keep.evaluate("el => el === document.activeElement")
    keep.click()
    assert dialog.is_hidden()
    invitation.refresh_from_db()
    assert invitation.status == "pending"
    panel.get_by_role("button", name="Cancel").click()
    dialog.get_by_role("button", name="Cancel the request", exact=True).click()
    page.wait_for_load_state()
    page.get_by_text("Request sent to Northwind Telecom").wait_for(state="detached")
    invitation.refresh_from_db()
    assert invitation.status == "cancelled"
    assert page.console_errors == []


def test_removing_the_uk_999_names_the_number_and_what_goes(page):
    admin = AdminFactory()
    pbx = CloudPbxFactory(company=admin.company, name="London", country="GB")
    EmergencyNumber.objects.create(pbx=pbx, country="GB", number="999")
    sign_in(page, admin.email, PASSWORD)
    page.goto(f"/telephony/pbxs/{pbx.pk}/emergency/")
    page.get_by_role("row").filter(has_text="999").get_by_role("button", name="Remove").click()
    dialog = page.get_by_role("dialog")
    assert dialog.get_by_text(
        "Remove the emergency number 999 (United Kingdom)? Nobody on this PBX can call it any "
        "more, from any phone."
    ).is_visible()
    page.keyboard.press("Escape")
    assert EmergencyNumber.objects.filter(pbx=pbx, number="999").exists()


def test_define_partner_while_linked_says_what_the_request_replaces(page):
    admin = AdminFactory()
    PartnerLinkFactory(company=admin.company, partner=ResellerFactory(name="Northwind Telecom"))
    sign_in(page, admin.email, PASSWORD)
    page.goto("/dashboard/")
    page.get_by_role("region", name="YOUR PARTNER").get_by_role(
        "link", name="Define partner"
    ).click()
    dialog = page.get_by_role("dialog", name="Define partner")
    note = dialog.get_by_role("note")
    assert note.is_visible()
    assert "This request, once accepted, replaces Northwind Telecom" in note.inner_text()
    assert "The scopes of Northwind Telecom (licenses, telephony) end at once." in (
        note.inner_text()
    )
    apply = dialog.get_by_role("button", name="Apply")
    assert "replaces Northwind Telecom" in apply.evaluate(
        "el => document.getElementById(el.getAttribute('aria-describedby')).textContent"
    )
