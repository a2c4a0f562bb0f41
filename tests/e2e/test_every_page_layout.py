"""Every page of the URL configuration, as each person who may open it, in a real Chromium at the
narrowest phone the portal supports (360 by 800) and a laptop's width (1366 by 900): no page
scrolls sideways, no text sticks out of its box, every button, checkbox and menu or table link is a
24 by 24 px target, status pills stay on one line, neighbouring buttons never touch, nothing takes
the focus on a plain load, and axe-core finds no serious or critical violation.

The pages come from the same walk of the URL configuration as the escaping test
(``tests/security/test_escaping.py``), filled with the ids of its world (``markup_world``), whose
names are then made as long as their fields allow in one unbroken word (companies and people
120 characters, PBXs and their features 100, purchase orders 60), with people reading German
(the customer), French (the reseller) and English. What an actor may open is what answers them
200 with a whole HTML page (htmx fragments, listed below, are seen inside their page); every
page of the URL configuration that is not listed as a form target or redirect must have been
seen by somebody, so a page added later is walked or the test fails. Django's own admin (the
operators', Django's markup and stylesheet) is left out; the API documentation and the 404, 400
and 500 pages are added. The content security policy is bypassed in this browser context only,
so that axe-core can be injected. One browser context per actor and viewport.
"""

from __future__ import annotations

import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, override_settings

from tests.security.markup_world import build_markup_world
from tests.security.test_escaping import (
    NOT_PAGE_PATTERNS,
    NOT_PAGES,
    PORTAL_ACTORS,
    TEMPLATES,
    fill,
    read,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"phone": {"width": 360, "height": 800}, "laptop": {"width": 1366, "height": 900}}
# Django's own admin (operators only, Django's markup and stylesheet) is not the portal's layout.
LEFT_OUT = ("/admin/",)
# Answers that are parts of a page, swapped in by htmx: seen inside the page that asks for them.
FRAGMENTS = {
    "/partner/directory/": "the Define partner dialog's list of matches",
    "/licenses/{subscription_id}/candidates/": "the people a seat can go to, in the licenses page",
}
EXTRA = {"/api/docs/": PORTAL_ACTORS[1:], "/no-such-page/": ("anonymous", "customer_admin")}
# The sign-in form's first field is the page's one purpose: it may take the focus on load.
MAY_TAKE_FOCUS = {"/accounts/login/": "input#id_username"}
LANGUAGES = {"customer_admin": "de", "member": "de", "reseller_admin": "fr"}

# What a person would notice on the page, each with the element to fix.
CHECKS = """() => {
  const width = window.innerWidth;
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden"
      && !el.closest("dialog:not([open]), .visually-hidden");
  };
  const say = (el) => el.outerHTML.slice(0, 120);
  const problems = [];
  if (document.documentElement.scrollWidth > width) {
    const out = [...document.body.querySelectorAll("*")].find(
      (el) => el.getBoundingClientRect().right > width + 1 && !el.closest(".table-scroll"));
    problems.push(`scrolls sideways: ${document.documentElement.scrollWidth} px > ${width}: `
      + (out ? say(out) : ""));
  }
  // Targets: buttons, choices, and links standing alone (menus, tabs, breadcrumbs, tables,
  // lists); a link inside a sentence is exempt (WCAG 2.5.8).
  const targets = "button, .button, select, summary, input[type=checkbox], input[type=radio], "
    + "nav a, .topbar a, table a, .list a, .pager a, .actions a, .page-actions a";
  for (const el of document.querySelectorAll(targets)) {
    if (!shown(el) || (el.tagName === "A" && el.closest("p") && !el.matches(".button"))) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 24 || r.height < 24)
      problems.push(`target ${Math.round(r.width)}x${Math.round(r.height)} px: ${say(el)}`);
  }
  const replaced = ["INPUT", "SELECT", "TEXTAREA", "AUDIO", "VIDEO", "PROGRESS", "svg"];
  for (const el of document.querySelectorAll("main *, header *, nav *")) {
    if (el.clientWidth === 0 || el.scrollWidth <= el.clientWidth + 1) continue;
    if (replaced.includes(el.tagName) || el.closest(".table-scroll") || !shown(el)) continue;
    if (getComputedStyle(el).overflowX === "visible")
      problems.push(`text sticks out (${el.scrollWidth} > ${el.clientWidth} px): ${say(el)}`);
  }
  for (const el of document.querySelectorAll(".status, .badge")) {
    if (shown(el) && (el.getClientRects().length > 1
        || el.getBoundingClientRect().height > 1.9 * parseFloat(getComputedStyle(el).fontSize)))
      problems.push(`pill on two lines: ${say(el)}`);
  }
  const buttons = [...document.querySelectorAll("button, .button")].filter(shown)
    .map((el) => [el, el.getBoundingClientRect()]);
  buttons.forEach(([a, ra], i) => buttons.slice(i + 1).forEach(([b, rb]) => {
    const across = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
    const along = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
    const gapX = Math.max(rb.left - ra.right, ra.left - rb.right);
    const gapY = Math.max(rb.top - ra.bottom, ra.top - rb.bottom);
    if ((across > 0 && gapX < 4) || (along > 0 && gapY < 4))
      problems.push(`buttons touch: ${say(a)} | ${say(b)}`);
  }));
  const focused = document.activeElement;
  const focus = focused && focused !== document.body
    ? focused.tagName.toLowerCase() + (focused.id ? "#" + focused.id : "") : "";
  return [problems, focus];
}"""


def lengthen_names() -> None:
    """Every name as long as its field allows, in one unbroken word (it keeps its first word, so
    the directory still finds "Resell…"); the people of the three companies read three languages."""
    from companies.models import Company, User
    from licensing.models import Subscription
    from telephony.models import AutoAttendant, HuntGroup, Pbx, WelcomeService

    def long(name: str, size: int) -> str:
        return (name.split()[0] + "W" * size)[:size]

    for company in Company.objects.all():
        company.name = long(company.name, 120)
        company.save()
    for user in User.objects.all():
        user.name = long(user.name, 120)
        user.save()
    for model in (Pbx, HuntGroup, WelcomeService, AutoAttendant):
        for row in model.objects.all():
            row.name = long(row.name, 100)
            row.save()
    Subscription.objects.update(purchase_order="PO-" + "4" * 57)


def page_list(w, actor: str) -> list[tuple[str, str]]:
    """(template, url) of every whole HTML page ``actor`` may open."""
    pages = []
    for template in TEMPLATES:
        if template.startswith(LEFT_OUT):
            continue
        url = fill(template, w)
        response = read(w, actor, url)
        is_html = response.status_code == 200 and response["Content-Type"].startswith("text/html")
        if not is_html:
            continue
        if response.content.lstrip().startswith(b"<!DOCTYPE html>"):
            pages.append((template, response.request["PATH_INFO"]))
        else:
            assert template in FRAGMENTS, f"{url} answers {actor} a part of a page: list it"
    pages += [(url, url) for url, actors in EXTRA.items() if actor in actors]
    return pages


def not_a_page(template: str) -> bool:
    return template in NOT_PAGES or any(re.match(p, template) for p in NOT_PAGE_PATTERNS)


def error_page(view, status: int) -> bytes:
    """What the portal answers a browser on a request it cannot read (400) or a failure (500)."""
    request = RequestFactory().get("/", HTTP_ACCEPT="text/html")
    request.user = AnonymousUser()
    response = view(request) if status == 500 else view(request, None)
    assert response.status_code == status
    return response.content


def answer(status: int, body: bytes):
    def fulfill(route) -> None:
        route.fulfill(status=status, body=body, content_type="text/html; charset=utf-8")

    return fulfill


def test_every_page_fits_a_phone_and_passes_axe(browser, live_server):
    from companies.models import User
    from rainbow_admin.views import bad_request, server_error

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        w = build_markup_world()
    lengthen_names()
    for actor, language in LANGUAGES.items():
        User.objects.filter(pk=w.actors[actor].user.pk).update(language=language)
    errors = {
        "/error-400/": error_page(bad_request, 400),
        "/error-500/": error_page(server_error, 500),
    }
    axe = Axe()
    problems: list[str] = []
    seen: set[str] = set()
    visited = 0
    started = time.monotonic()
    for actor in PORTAL_ACTORS:
        pages = page_list(w, actor)
        assert pages, actor
        seen.update(template for template, _url in pages)
        if actor == "anonymous":
            pages += [(url, url) for url in errors]
        cookies = []
        if actor != "anonymous":
            session = w.actors[actor].page.cookies["sessionid"].value
            cookies = [{"name": "sessionid", "value": session, "url": live_server.url}]
        for name, viewport in VIEWPORTS.items():
            context = browser.new_context(
                base_url=live_server.url, viewport=viewport, bypass_csp=True
            )
            context.add_cookies(cookies)
            for url, body in errors.items():
                context.route(f"**{url}", answer(int(url[7:10]), body))
            page = context.new_page()
            page.set_default_timeout(15000)
            for _template, url in pages:
                page.goto(url)
                page.wait_for_load_state("load")
                visited += 1
                where = f"{url} as {actor} ({name})"
                found, focus = page.evaluate(CHECKS)
                problems += [f"{where}: {problem}" for problem in found[:5]]
                if focus and MAY_TAKE_FOCUS.get(url) != focus:
                    problems.append(f"{where}: {focus} takes the focus on load")
                results = axe.run(page)
                for violation in results.response["violations"]:
                    if violation["impact"] in ("serious", "critical"):
                        targets = [node["target"] for node in violation["nodes"]][:3]
                        problems.append(f"{where}: {violation['id']} {targets}")
            context.close()
    elapsed = time.monotonic() - started
    print(f"{visited} page views in {elapsed:.0f} s", *problems, sep="\n")
    unseen = [
        template
        for template in TEMPLATES
        if not template.startswith(LEFT_OUT)
        and not not_a_page(template)
        and template not in FRAGMENTS
        and template not in seen
    ]
    assert not unseen, f"pages nobody could open (not walked): {unseen}"
    assert visited > 100
    assert not problems, "\n".join(problems)


def test_the_menu_folds_behind_a_button_on_a_phone(browser, live_server, tmp_path):
    """390 px wide: the menu is hidden until "Menu" is tapped (aria-expanded follows); with
    JavaScript off the "Menu" link opens it all the same. At 1366 px it is always there."""
    from tests.conftest import sign_in
    from tests.factories import PASSWORD, AdminFactory, CompanyFactory

    admin = AdminFactory(
        name="Maximiliane Wilhelmina Von-Hohenzollern-Sigmaringen-Schwarzenberg",
        company=CompanyFactory(
            name="Internationale Bürokommunikationsdienstleistungen GmbH & Co. KG"
        ),
    )
    for javascript in (True, False):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=VIEWPORTS["phone"],
            java_script_enabled=javascript,
        )
        page = context.new_page()
        sign_in(page, admin.email, PASSWORD)
        menu = page.get_by_role("navigation", name="Main menu")
        assert menu.is_hidden()
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        if javascript:
            toggle = page.get_by_role("button", name="Menu")
            assert toggle.get_attribute("aria-expanded") == "false"
            box = toggle.bounding_box()
            assert box["height"] >= 24 and box["width"] >= 24
            toggle.click()
            assert toggle.get_attribute("aria-expanded") == "true"
            assert menu.get_by_role("link", name="Members").is_visible()
            toggle.click()
            assert menu.is_hidden()
            toggle.click()
        else:
            page.get_by_role("link", name="Menu").click()
        page.screenshot(path=str(tmp_path / f"menu-{javascript}.png"))
        menu.get_by_role("link", name="Members").click()
        page.wait_for_url("**/members/")
        assert page.get_by_role("heading", name="Members").is_visible()
        context.close()
    context = browser.new_context(base_url=live_server.url, viewport=VIEWPORTS["laptop"])
    page = context.new_page()
    sign_in(page, admin.email, PASSWORD)
    assert page.get_by_role("navigation", name="Main menu").is_visible()
    assert page.get_by_role("button", name="Menu").is_hidden()
    assert page.get_by_role("link", name="Menu").is_hidden()  # the no-JS fallback too
    context.close()
