"""A Content Security Policy with nothing inline, and templates that need nothing inline."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Page templates; emails are not pages (no policy applies to them in mail clients).
TEMPLATES = sorted(
    p
    for p in ROOT.glob("**/templates/**/*.html")
    if ".venv" not in p.relative_to(ROOT).parts
    and p.relative_to(ROOT).parts[-3:-1] != ("templates", "emails")
)


def test_every_page_carries_a_strict_policy(client, db):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_template_has_no_inline_script_style_or_handler(template):
    text = template.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline <script>"
    assert "<style" not in text, "inline <style>"
    assert not re.search(r"\sstyle=", text), "style= attribute"
    assert not re.search(r"\son[a-z]+=", text), "on…= event handler"
