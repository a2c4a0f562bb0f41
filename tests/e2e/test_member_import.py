import tempfile
from pathlib import Path

import pytest

from companies.models import User
from tests.conftest import sign_in
from tests.factories import PASSWORD, AdminFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

FILE = (
    "\ufeffEmail;Name;Language\r\n"
    "juergen@acme.example;Jürgen Müller;de\r\n"
    "helene@acme.example;Hélène Lefèvre;fr\r\n"
    "not-an-address;Nobody;en\r\n"
    "taken@elsewhere.example;Somebody Else;en\r\n"
).encode()
SHOTS = Path(tempfile.gettempdir())


def test_an_admin_previews_a_spreadsheet_file_then_imports_it_and_watches_it_finish(
    browser, live_server, celery_worker
):
    admin = AdminFactory(company__name="Acme GmbH", language="en")
    UserFactory(email="taken@elsewhere.example")  # a person of another company
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(20000)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    sign_in(page, admin.email, PASSWORD)
    page.goto("/members/")
    page.get_by_role("link", name="Import members (CSV)").click()
    page.get_by_label("CSV file").set_input_files(
        files=[{"name": "team.csv", "mimeType": "text/csv", "buffer": FILE}]
    )
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_load_state()

    preview = page.locator("#import-preview")
    assert preview.get_by_role("cell", name="Jürgen Müller").is_visible()
    assert preview.get_by_role("cell", name="Hélène Lefèvre").is_visible()
    problems = page.locator("#import-problems")
    assert problems.get_by_role("row").nth(1).inner_text().split("\t") == [
        "3",
        "email",
        "Enter a valid email address.",
    ]
    assert "Already a member of another company." in problems.inner_text()
    assert not User.objects.filter(email="juergen@acme.example").exists()
    page.screenshot(path=SHOTS / "member-import-preview-390.png", full_page=True)
    # The import's own content fits its column on a phone (its tables scroll in their own box);
    # the shell around it (menu, top bar) is not this page's.
    wide = page.evaluate(
        "[...document.querySelectorAll('main *')]"
        ".filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > 391)"
        ".map(e => e.tagName + '.' + e.className)"
    )
    assert wide == []

    page.get_by_role("button", name="Import the valid rows").click()
    result = page.locator("#import-result")
    result.wait_for()  # htmx polls the progress until the worker is done
    assert result.inner_text().startswith("2 people added.")
    assert page.locator("#import-progress .status").inner_text() == "Finished"
    assert page.get_by_role("link", name="Download the result (CSV)").is_visible()
    assert User.objects.get(email="juergen@acme.example").name == "Jürgen Müller"
    # The bar fits its card, and the card the phone's width (the menu sits behind a button now, so
    # the card spans the column rather than a strip beside the menu).
    bar = page.locator("#import-progress progress").bounding_box()
    card = page.locator("#import-progress").bounding_box()
    assert card["x"] < bar["x"] and bar["x"] + bar["width"] < card["x"] + card["width"] <= 390
    assert bar["width"] > 390 / 2
    page.screenshot(path=SHOTS / "member-import-done-390.png", full_page=True)
    assert errors == []

    # The same pages in German, at desktop width.
    User.objects.filter(pk=admin.pk).update(language="de")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/members/import/")
    page.get_by_label("CSV-Datei").set_input_files(
        files=[{"name": "team2.csv", "mimeType": "text/csv", "buffer": FILE}]
    )
    page.get_by_role("button", name="Datei prüfen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Gefundene Probleme").is_visible()
    assert "Bereits Mitglied Ihres Unternehmens." in page.locator("#import-problems").inner_text()
    page.screenshot(path=SHOTS / "member-import-preview-de.png", full_page=True)
    page.goto("/members/")
    page.screenshot(path=SHOTS / "members-de.png", full_page=True)
    context.close()
