"""Names holding markup are shown escaped on every page and in every HTML email.

The world (``markup_world``) puts ``MARKUP`` in every free-text name a person can set. Pages are
found from the URL configuration, so a new page is covered without being listed here: each is
read (GET) by every kind of person (anonymous, the customer's admin and member, its reseller's
admin, the distributor's admin, the operator). No answer may hold the markup raw, and every page
that shows a name must show it escaped (so a page cannot pass by showing nothing). What is not an
HTML page, or shows no name, is listed below with the reason. Emails: every template under
``emails/`` must have been written by the world; each HTML body is escaped and each subject is
plain text (the name as typed, on one line).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.html import escape

from notifications.models import OutboundEmail
from tests.security.markup_world import ESCAPED, MARKUP, RAW, build_markup_world

PORTAL_ACTORS = (
    "anonymous",
    "customer_admin",
    "member",
    "reseller_admin",
    "distributor_admin",
    "operator",
)
ADMIN_ACTORS = ("anonymous", "operator")
# Literal values of parameters that are not ids of the world.
ADMIN_APPS = (
    "auth",
    "companies",
    "partners",
    "licensing",
    "telephony",
    "notifications",
    "webhooks",
)
# Query strings without which a page shows no name.
QUERY = {"/partner/directory/": "?q=re"}
# Not HTML pages (or not pages at all): skipped, with what they answer instead. Each must still
# answer that way to everybody, so the list cannot hide a new page.
NOT_PAGES = {
    "/healthz": ("the load balancer's plain-text probe", {200}),
    # The landing page's way back from sign-in: the same page as /partner/open/{token}/ (tried
    # below), shown only to a browser that opened the emailed link first (token in the session).
    "/partner/open/": ("the landing page again, once its link was opened", {404}),
    "/": ("sends people to their start page", {302}),
    "/accounts/logout/": ("sign-out is a POST (the GET is refused)", {405}),
    "/accounts/login/code/": (
        "the two-factor code step: only after a right password, else back to the sign-in",
        {302},
    ),
    "/language/": ("a form target: the POST redirects back", {405}),
    "/notifications/read-all/": ("a form target: the POST redirects back", {405}),
    "/notifications/{notification_id}/open/": (
        "opening a notification marks it read and redirects to its object (404: another's; "
        "200: the operator's page saying the portal is for companies)",
        {200, 302, 404},
    ),
    "/partner/scopes/": ("a form target: the POST redirects back", {405}),
    "/partner/remove/": ("a form target: the POST redirects back", {405}),
    "/partner/scopes/until/": ("a form target: the POST redirects back", {405}),
    "/partner/scopes/extend/": ("a form target: the POST redirects back", {405}),
    "/members/{member_id}/role/": ("a form target: the POST redirects back", {405}),
    "/members/{member_id}/deactivate/": ("a form target: the POST redirects back", {405}),
    "/profile/tokens/{token_id}/revoke/": ("a form target: the POST redirects back", {405}),
    "/partner/requests/{invitation_id}/{action}/": ("a form target (see the POST test)", {405}),
    "/customers/{company_id}/end/": ("a form target: the POST redirects back", {405}),
    "/licenses/{subscription_id}/assign/": ("a form target (see the htmx test)", {405}),
    "/licenses/{subscription_id}/unassign/": ("a form target (see the htmx test)", {405}),
    "/licenses/{subscription_id}/default/": ("a form target: the POST redirects back", {405}),
    "/customers/{company_id}/subscriptions/{subscription_id}/quantity/": (
        "a form target: the POST redirects back",
        {405},
    ),
    "/customers/{company_id}/subscriptions/{subscription_id}/terminate/": (
        "a form target: the POST redirects back",
        {405},
    ),
    "/admin/r/{content_type_id}/{object_id}/": (
        "the admin's view-on-site redirect (404: a company has no page of its own to go to)",
        {302, 404},
    ),
    "/admin/logout/": ("sign-out is a POST (the GET is refused, or sent to the index)", {302, 405}),
    "/admin/autocomplete/": ("JSON for the admin's select boxes", {200, 403}),
    "/admin/jsi18n/": ("the admin's JavaScript catalogue", {200}),
    "/members/imports/{member_import_id}/result.csv": (
        "a CSV download (attachment): its cells are guarded against formulas, not HTML",
        {200, 403, 404},
    ),
    "/company/webhooks/{webhook_id}/ping/": ("a form target: the POST redirects back", {405}),
    "/company/webhooks/{webhook_id}/rotate-secret/": (
        "a form target (POST shows the secret)",
        {405},
    ),
    "/company/webhooks/{webhook_id}/delete/": ("a form target: the POST redirects back", {405}),
    "/company/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver/": (
        "a form target: the POST redirects back",
        {405},
    ),
}
NOT_PAGE_PATTERNS = {
    r"^/admin/\w+/\w+/\{object_id\}/$": (
        "the admin's old address of an object: redirects to its change page",
        {302},
    ),
}
# The admin refuses adding or deleting what only the services write (403 even to a superuser);
# where it allows them, the page is checked like any other.
MAY_BE_REFUSED_PATTERNS = (r"^/admin/\w+/\w+/add/$", r"^/admin/\w+/\w+/\{object_id\}/delete/$")
# HTML pages that show no name anybody can set: what anonymous people read (signed in, the
# menu names the person).
NO_NAME = {
    "/accounts/login/": "the sign-in form",
    "/profile/two-factor/": "the reader's own two-factor set-up (names nobody else)",
    "/accounts/sign-up/": "the sign-up form",
    "/accounts/password-reset/": "the form asking for an email address",
    "/accounts/password-reset/sent/": "a confirmation",
    "/accounts/reset/done/": "a confirmation",
    "/accounts/reset/{uidb64}/{token}/": "the new-password form (it names nobody)",
    "/admin/login/": "the operators' sign-in form (operators are sent on to the admin index)",
    "/customers/offer/": "the offer form: an address to type, no name",
    "/admin/password_change/": "a password form",
    "/admin/password_change/done/": "a confirmation",
    "/admin/licensing/offer/": "the offer catalogue is the product's, no one names an offer",
    "/admin/licensing/offer/{object_id}/change/": "the catalogue (as above)",
    "/admin/emails/": "the operators' email preview lists kinds of email, not rows",
    "/admin/emails/{kind}/{language}/": "an email preview: made-up sample data, no row",
    "/admin/emails/{kind}/{language}/html/": "an email preview: made-up sample data, no row",
}
NO_NAME_PATTERNS = {
    r"^/admin/$": "the admin's index lists models, not rows",
    r"^/admin/\w+/$": "an app's index lists its models, not rows",
}
# Pages that may or may not show a name: only the raw markup is looked for.
MAY_SHOW_A_NAME = {
    r"^/admin/\w+/\w+/add/$": "an empty form, names only among the choices of some",
}


def _walk(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def page_templates() -> list[str]:
    """Every page of the URL configuration ("/members/{member_id}/role/"); the API excepted
    (JSON, its own tests), and the admin's regex routes expanded or left out with the reason."""
    templates = []
    for raw in _walk(get_resolver()):
        if raw.lstrip("^").startswith("api/"):
            continue
        if raw == "admin/(?P<url>.*)$":
            continue  # the admin's catch-all: redirects an unknown admin address to its index
        if raw.startswith("admin/^(?P<app_label>"):
            templates += [f"/admin/{app}/" for app in ADMIN_APPS]
            continue
        assert "(?P<" not in raw and not raw.startswith("^"), f"regex route not handled: {raw}"
        templates.append("/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", raw))
    return sorted(set(templates))


TEMPLATES = page_templates()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            w = build_markup_world()
        yield w
        transaction.set_rollback(True)


def admin_row(template: str):
    """The row behind the admin's ``object_id``: one whose title holds a name when the model has
    such rows (every row is the world's)."""
    from django.apps import apps

    app_label, model_name = template.split("/")[2:4]
    rows = list(apps.get_model(app_label, model_name)._default_manager.order_by("pk"))
    titled = [row for row in rows if MARKUP in str(row) and not getattr(row, "is_staff", False)]
    return (titled or rows)[0]  # not the operator reading: the menu shows that name anyway


def expects_a_name(template: str) -> bool:
    """Whether the page must show a name of the world beyond the reader's own (in the menu)."""
    if template in NO_NAME or any(re.match(p, template) for p in NO_NAME_PATTERNS):
        return False
    if re.match(r"^/admin/\w+/\w+/\{object_id\}/(history|delete)/$", template):
        # These pages name the row by its title only (an email's address, a number's digits).
        return MARKUP in str(admin_row(template))
    return True


def fill(template: str, w) -> str:
    url = template
    if template.startswith("/accounts/activate/"):
        url = url.format(uidb64=w.ids["activation_uidb64"], token=w.ids["activation_token"])
    elif template.startswith("/accounts/reset/"):
        url = url.format(uidb64=w.ids["reset_uidb64"], token=w.ids["reset_token"])
    elif template.startswith("/partner/open/"):
        url = url.format(token=w.ids["invitation_token"])
    elif template.startswith("/partner/offer/"):
        url = url.format(token=w.ids["offer_token"])
    elif template.startswith("/admin/r/"):
        from django.contrib.contenttypes.models import ContentType

        from companies.models import Company

        url = url.format(
            content_type_id=ContentType.objects.get_for_model(Company).pk,
            object_id=w.ids["company_id"],
        )
    elif template.startswith("/admin/companies/user/{id}/"):
        url = url.format(id=w.ids["member_id"])
    elif template.startswith("/admin/emails/{kind}/"):
        url = url.format(kind="partner_invitation", language="de")
    elif "{object_id}" in template:
        url = url.format(object_id=admin_row(template).pk)
    else:
        url = url.format(action="accept", **w.ids) if "{" in url else url
    return url + QUERY.get(template, "")


def read(w, actor: str, url: str):
    client = w.anonymous if actor == "anonymous" else w.actors[actor].page
    response = client.get(url)
    if response.status_code == 302 and url.startswith("/accounts/reset/"):
        # Django moves the reset token into the session and sends on to the form.
        response = client.get(response["Location"])
    return response


def beyond_the_menu(w, actor: str, body: str) -> str:
    """The body without the reader's own name and company, which every signed-in page shows in
    its menu: what is left is the page's own content."""
    if actor == "anonymous":
        return body
    user = w.actors[actor].user
    for own in (user.name, user.company.name if user.company else None):
        if own:
            body = body.replace(escape(own), "")
    return body


def is_csv_download(response) -> bool:
    return response.get("Content-Type", "").startswith("text/csv") and response.get(
        "Content-Disposition", ""
    ).startswith("attachment;")


def raw_markup_in(body: str) -> list[str]:
    return [raw for raw in RAW if raw in body]


@pytest.mark.parametrize("template", TEMPLATES)
def test_markup_in_names_is_escaped_on_every_page(world, db, template):
    w = world
    url = fill(template, w)
    actors = ADMIN_ACTORS if template.startswith("/admin/") else PORTAL_ACTORS
    answers = {actor: read(w, actor, url) for actor in actors}
    for actor, response in answers.items():
        if is_csv_download(response):
            continue  # saved as a file, never rendered by the browser
        body = response.content.decode(errors="replace")
        assert not raw_markup_in(body), f"{url} as {actor} shows {raw_markup_in(body)}"
    pages = {
        actor: response.content.decode()
        for actor, response in answers.items()
        if response.status_code == 200 and response["Content-Type"].startswith("text/html")
    }
    not_page = NOT_PAGES.get(template) or next(
        (v for p, v in NOT_PAGE_PATTERNS.items() if re.match(p, template)), None
    )
    refused = {r.status_code for a, r in answers.items() if a != "anonymous"} == {403}
    if not_page is None and refused and any(re.match(p, template) for p in MAY_BE_REFUSED_PATTERNS):
        not_page = ("refused to the operator too", {302, 403})
    if not_page:
        _reason, statuses = not_page
        got = {
            response.status_code
            for actor, response in answers.items()
            if not (actor == "anonymous" and "login/" in response.get("Location", ""))
        }
        assert got <= statuses, f"{url} answers {got}, listed as {statuses}: now a page?"
        return
    assert pages, (
        f"{url} is an HTML page for nobody: {[(a, r.status_code) for a, r in answers.items()]}"
    )
    shown = [actor for actor, body in pages.items() if ESCAPED in beyond_the_menu(w, actor, body)]
    if any(re.match(p, template) for p in MAY_SHOW_A_NAME):
        return
    if not expects_a_name(template):
        # Kept honest: a page listed as showing no name must not show one.
        assert not shown, f"{url} shows names to {shown}: no longer a page without names"
    else:
        assert shown, f"{url} shows no name of the world to {sorted(pages)}"


def test_every_page_of_the_portal_is_tried():
    """The URL configuration is walked: the pages of every app are there, forms and redirects
    are only the ones listed (with a reason)."""
    for expected in (
        "/dashboard/",
        "/members/",
        "/company/",
        "/profile/",
        "/notifications/received/",
        "/partner/open/{token}/",
        "/customers/{company_id}/telephony/pbxs/{pbx_id}/attendants/{attendant_id}/",
        "/licenses/",
        "/activity/",
        "/admin/telephony/huntgroup/{object_id}/change/",
    ):
        assert expected in TEMPLATES
    assert set(NOT_PAGES) <= set(TEMPLATES) and set(NO_NAME) <= set(TEMPLATES)
    assert len(TEMPLATES) > 150


def test_a_flash_message_naming_a_person_is_escaped(world, db):
    w = world
    client = w.actors["customer_admin"].page
    response = client.post(f"/members/{w.ids['member_id']}/role/", {"role": "admin"}, follow=True)
    body = response.content.decode()
    assert "is now" in body and not raw_markup_in(body)
    assert f"Mia {ESCAPED} is now" in body


def test_partials_swapped_by_htmx_escape_names(world, db):
    """What htmx swaps in after a POST (seat assignment, the Define partner confirmation)."""
    w = world
    client = w.actors["customer_admin"].page
    admin_id = str(w.actors["customer_admin"].user.pk)
    panel = client.post(
        f"/licenses/{w.ids['subscription_id']}/assign/",
        {"users": [admin_id]},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "license assigned" in panel and ESCAPED in panel and not raw_markup_in(panel)
    late = w.actors["late_admin"]
    from companies.models import Company

    target = Company.objects.get(name__startswith="Second reseller")
    done = late.page.post(
        "/partner/define/",
        {"to_company": str(target.pk), "message": MARKUP},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert ESCAPED in done and not raw_markup_in(done)


def email_templates_on_disk() -> set[str]:
    roots = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]]
    roots += [Path(settings.BASE_DIR) / app / "templates" for app in ADMIN_APPS]
    return {
        path.name.removesuffix("_subject.txt")
        for root in roots
        for path in (root / "emails").glob("*_subject.txt")
    }


def test_the_world_writes_every_kind_of_email(world):
    on_disk = email_templates_on_disk()
    assert len(on_disk) >= 8
    assert world.email_templates == on_disk, f"not written: {on_disk - world.email_templates}"


def test_markup_in_names_is_escaped_in_every_html_email(world, db):
    emails = list(OutboundEmail.objects.order_by("created_at"))
    topics = {email.topic for email in emails}
    assert len(topics) >= 8, topics
    for email in emails:
        where = f"{email.topic} email to {email.to}"
        assert not raw_markup_in(email.body_html), where
        # The inliner's HTML serializer leaves quotes in text as they are (only markup
        # characters need escaping there): either form is an escaped name.
        escaped = ESCAPED in email.body_html or ESCAPED.replace("&quot;", '"') in email.body_html
        assert escaped, f"{where} shows no name escaped"
        assert "\n" not in email.subject and "\r" not in email.subject, where
        # A subject is plain text: a name appears as typed, never as HTML entities.
        assert not re.search(r"&(lt|gt|quot|amp|#x?[0-9a-f]+);", email.subject), (
            where,
            email.subject,
        )
