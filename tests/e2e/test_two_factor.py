"""Two-factor in Chromium: set up from the page, sign in with a code, the company's policy."""

import time

import pyotp
import pytest

from companies.models import Company
from notifications.models import OutboundEmail
from tests.conftest import sign_in
from tests.factories import PASSWORD, AdminFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def set_up_from_the_page(page) -> pyotp.TOTP:
    page.goto("/profile/two-factor/")
    page.get_by_role("button", name="Set up").click()
    assert page.locator(".qr svg").is_visible()
    totp = pyotp.TOTP(page.locator("#totp-secret").inner_text().replace(" ", ""))
    page.get_by_label("Code").fill(totp.now())
    page.get_by_role("button", name="Turn on").click()
    return totp


def test_set_up_with_the_secret_sign_out_and_sign_in_with_a_code(page):
    admin = AdminFactory()
    sign_in(page, admin.email, PASSWORD)
    totp = set_up_from_the_page(page)
    panel = page.locator("#recovery-panel")
    assert panel.is_visible()
    # The secret panel is at the top and has the focus.
    assert page.evaluate("document.activeElement.id") == "recovery-panel"
    codes = page.locator("#recovery-codes").inner_text().split()
    assert len(codes) == 10
    assert page.get_by_text("10 recovery codes left.").is_visible()
    # Shown once: a reload no longer shows them.
    page.goto("/profile/two-factor/")
    assert page.locator("#recovery-panel").count() == 0

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, admin.email, PASSWORD)
    assert page.url.endswith("/accounts/login/code/")
    # Not signed in yet: a page needing a sign-in sends back to the sign-in.
    page.goto("/dashboard/")
    assert "/accounts/login/" in page.url
    page.goto("/accounts/login/code/")
    page.get_by_label("Code").fill("000000" if totp.now() != "000000" else "111111")
    page.get_by_role("button", name="Verify").click()
    # The error summary names the field and links to it; the field shows its own error.
    summary = page.get_by_role("alert")
    link = summary.get_by_role("link")
    assert link.inner_text() == "Code: The code is wrong or was already used."
    field_id = page.get_by_label("Code").get_attribute("id")
    assert link.get_attribute("href") == f"#{field_id}"
    assert page.locator(".field.has-error .error").inner_text() == (
        "The code is wrong or was already used."
    )
    page.get_by_label("Code").fill(totp.at(time.time() + 30))
    page.get_by_role("button", name="Verify").click()
    assert page.url.endswith("/dashboard/")
    assert page.console_errors == []


def test_the_policy_forces_set_up_before_anything_else(page):
    member = UserFactory()
    Company.objects.filter(pk=member.company_id).update(require_two_factor="everyone")
    sign_in(page, member.email, PASSWORD)
    assert page.url.endswith("/profile/two-factor/")
    assert page.get_by_text(
        "Your company requires two-factor sign-in: set it up to continue."
    ).is_visible()
    page.goto("/members/")
    assert page.url.endswith("/profile/two-factor/")
    set_up_from_the_page(page)
    assert page.locator("#recovery-panel").is_visible()
    # Required: it cannot be turned off from the page.
    assert page.get_by_role("button", name="Turn off").count() == 0
    page.goto("/dashboard/")
    assert page.url.endswith("/dashboard/")


def test_a_passkey_added_with_a_virtual_authenticator_signs_in(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    admin = AdminFactory()
    sign_in(page, admin.email, PASSWORD)
    totp = set_up_from_the_page(page)
    page.get_by_label("Name of the passkey").fill("Laptop")
    # Adding a passkey asks a current code, as turning two-factor off does.
    page.get_by_label("Current code (app or recovery code)").fill(totp.at(time.time() + 30))
    with page.expect_navigation():
        page.get_by_role("button", name="Add a passkey").click()
    assert page.get_by_text("The passkey “Laptop” was added.").is_visible()
    assert page.locator(".passkey-name").all_inner_texts() == ["Laptop"]
    added = OutboundEmail.objects.get(to=admin.email, topic="two_factor_passkey_changed")
    assert added.subject == "A passkey was added to your account"

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, admin.email, PASSWORD)
    assert page.url.endswith("/accounts/login/code/")
    page.get_by_role("button", name="Use a passkey").click()
    page.wait_for_url("**/dashboard/")
    admin.passkeys.get().refresh_from_db()
    assert admin.passkeys.get().last_used_at is not None
    assert page.console_errors == []
