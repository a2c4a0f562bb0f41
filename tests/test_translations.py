"""Every user-facing string is shipped in German and French: catalogues complete and up to date."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(ROOT.glob("*/locale/*/LC_MESSAGES/django.po")) + sorted(
    ROOT.glob("locale/*/LC_MESSAGES/django.po")
)
CATALOGUES = sorted(set(CATALOGUES))


def msgids(po: Path) -> set[str]:
    text = po.read_text()
    found = set()
    for block in re.split(r"\n\n", text)[1:]:
        if block.lstrip().startswith("#~"):
            continue
        match = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if match:
            found.add("".join(re.findall(r'"(.*)"', match.group(1))))
    return found


def test_there_are_german_and_french_catalogues():
    languages = {po.parts[-3] for po in CATALOGUES}
    assert languages == {"de", "fr"}


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_has_no_untranslated_or_fuzzy_entries(po):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_catalogues_hold_every_string_of_the_code(tmp_path):
    """Running scripts/messages on a copy of the tree adds no new string to any catalogue."""
    copy = tmp_path / "tree"
    shutil.copytree(
        ROOT,
        copy,
        symlinks=True,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "staticfiles", "media", "*.mo", "__pycache__", ".pytest_cache"
        ),
    )
    (copy / ".venv").symlink_to(ROOT / ".venv")
    result = subprocess.run(
        ["bash", "scripts/messages"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHON": sys.executable, "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    for po in CATALOGUES:
        fresh = copy / po.relative_to(ROOT)
        missing = msgids(fresh) - msgids(po)
        assert not missing, (
            f"{po.relative_to(ROOT)} lacks {sorted(missing)[:10]} (run scripts/messages)"
        )
