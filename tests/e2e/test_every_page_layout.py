"""Every page of the URL configuration, as each person who may open it, in a real Chromium at a
phone's width (390 by 844) and a laptop's (1366 by 900): no page scrolls sideways and axe-core finds
no serious or critical violation.

The pages come from the same walk of the URL configuration as the escaping test
(``tests/security/test_escaping.py``), filled with the ids of its world (``markup_world``: every
name holds markup, so every name is long). What an actor may open is what answers them 200 with a
whole HTML page (htmx fragments are seen inside their page). Django's own admin (the operators',
Django's markup and stylesheet) is left out; the API documentation is added. The content security
policy is bypassed in this browser context only, so that axe-core can be injected. One browser
context per actor and viewport; the run takes about two and a half minutes (354 page views).
"""

from __future__ import annotations

import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import override_settings

from tests.security.markup_world import build_markup_world
from tests.security.test_escaping import PORTAL_ACTORS, TEMPLATES, fill, read

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 900}}
# Django's own admin (operators only, Django's markup and stylesheet) is not the portal's layout.
LEFT_OUT = ("/admin/",)
EXTRA = {"/api/docs/": PORTAL_ACTORS[1:]}

# The page's width, the window's, and the first element sticking out (to say what to fix).
WIDEST = """() => {
  const width = window.innerWidth;
  const out = [...document.body.querySelectorAll("*")].find(
    (el) => el.getBoundingClientRect().right > width + 1
  );
  return [document.documentElement.scrollWidth, width, out ? out.outerHTML.slice(0, 160) : ""];
}"""


def pages_for(w, actor: str) -> list[str]:
    urls = []
    for template in TEMPLATES:
        if template.startswith(LEFT_OUT):
            continue
        url = fill(template, w)
        response = read(w, actor, url)
        is_html = response.status_code == 200 and response["Content-Type"].startswith("text/html")
        # htmx fragments (seat candidates, the partner directory) are checked inside their page.
        if is_html and response.content.lstrip().startswith(b"<!DOCTYPE html>"):
            urls.append(response.request["PATH_INFO"])
    urls += [url for url, actors in EXTRA.items() if actor in actors]
    return urls


def test_every_page_fits_a_phone_and_passes_axe(browser, live_server):
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        w = build_markup_world()
    axe = Axe()
    problems: list[str] = []
    visited = 0
    started = time.monotonic()
    for actor in PORTAL_ACTORS:
        urls = pages_for(w, actor)
        assert urls, actor
        cookies = []
        if actor != "anonymous":
            session = w.actors[actor].page.cookies["sessionid"].value
            cookies = [{"name": "sessionid", "value": session, "url": live_server.url}]
        for name, viewport in VIEWPORTS.items():
            context = browser.new_context(
                base_url=live_server.url, viewport=viewport, bypass_csp=True
            )
            context.add_cookies(cookies)
            page = context.new_page()
            page.set_default_timeout(15000)
            for url in urls:
                page.goto(url)
                page.wait_for_load_state("load")
                visited += 1
                wide, width, culprit = page.evaluate(WIDEST)
                if wide > width:
                    problems.append(f"{url} as {actor} ({name}): {wide} px > {width}: {culprit}")
                results = axe.run(page)
                for violation in results.response["violations"]:
                    if violation["impact"] in ("serious", "critical"):
                        targets = [node["target"] for node in violation["nodes"]][:3]
                        problems.append(f"{url} as {actor} ({name}): {violation['id']} {targets}")
            context.close()
    elapsed = time.monotonic() - started
    print(f"{visited} page views in {elapsed:.0f} s", *problems, sep="\n")
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
    context.close()
