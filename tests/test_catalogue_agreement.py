"""A text translated in the project catalogue (locale/) and in an app's own catalogue must read
the same: Django looks in LOCALE_PATHS first, so the project's translation silently wins and the
app's would be a lie (a partner request's "Cancel" once became "Abbrechen" instead of
"Stornieren" this way). Texts that must read differently take a context (``msgctxt``)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = sorted(p.parts[-5] for p in ROOT.glob("*/locale/de/LC_MESSAGES/django.po"))


def entries(po: Path) -> dict[tuple[str, str], str]:
    found = {}
    for block in re.split(r"\n\n", po.read_text())[1:]:
        if block.lstrip().startswith("#~"):
            continue
        context = re.search(r'^msgctxt ((?:".*"\n?)+)', block, re.M)
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgstr = re.search(r'^msgstr ((?:".*"\n?)+)', block, re.M)
        if msgid and msgstr:

            def text(match):
                return "".join(re.findall(r'"(.*)"', match.group(1))) if match else ""

            found[(text(context), text(msgid))] = text(msgstr)
    return found


@pytest.mark.parametrize("language", ["de", "fr"])
@pytest.mark.parametrize("app", APPS)
def test_an_app_catalogue_agrees_with_the_project_catalogue(app, language):
    project = entries(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")
    own = entries(ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po")
    disagree = {
        key[1]: (own[key], project[key])
        for key in own.keys() & project.keys()
        if key[1] and own[key] and project[key] and own[key] != project[key]
    }
    assert not disagree, f"{app} ({language}) vs locale/: {disagree}"
