"""Every kind of email, in English, German and French, as a mail client shows it.

Each is rendered by ``email_render`` (what the services call) with the preview's sample data and
opened in Chromium at 600 and 320 px: nothing overflows sideways, the main action is a link
that looks like a button, the text is in a sans-serif system font, and the look needs no
``<style>`` element (mail clients drop it). The wording tests read the subject and both parts.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from django.conf import settings

from notifications.email_samples import EMAIL_KINDS, email_sample
from notifications.emails import email_render
from tests.security.test_escaping import email_templates_on_disk

LANGUAGES = [code for code, _name in settings.LANGUAGES]
WIDTHS = (600, 320)
BUTTON = re.compile(r'<a class="button-link"[^>]* href="([^"]+)"')
# A company is "it": German "sein"/"ihr" (lowercase) for a company would gender it.
GERMAN_POSSESSIVE = re.compile(
    r"\b(sein|seine|seinen|seinem|seiner|seines|ihr|ihre|ihren|ihrem|ihrer|ihres)\b"
)
INFORMAL = {
    "de": re.compile(r"\b(du|dich|dir|dein|deine|deinen|deinem|deiner|euch|euer)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(tu|toi|ton|ta|tes|te)\b", re.IGNORECASE),
}

# What the page reports, measured in the browser.
MEASURE = "\n".join(
    line
    for line in (Path(__file__).parent / "email_measure.js").read_text().splitlines()
    if not line.startswith("//")
)


def rendered(kind: str, language: str):
    return email_render(template=kind, language=language, context=email_sample(kind))


def test_the_samples_cover_every_kind_of_email_on_disk():
    assert set(EMAIL_KINDS) == email_templates_on_disk()
    assert len(EMAIL_KINDS) >= 8


@pytest.mark.browser
@pytest.mark.parametrize("kind", list(EMAIL_KINDS))
def test_every_email_looks_like_the_product_at_600_and_320_px(browser, kind):
    context = browser.new_context()
    try:
        for language in LANGUAGES:
            email = rendered(kind, language)
            for width in WIDTHS:
                where = f"{kind} {language} {width}px"
                page = context.new_page()
                page.set_viewport_size({"width": width, "height": 800})
                page.set_content(email.body_html)
                m = page.evaluate(MEASURE)
                # The look is in the elements themselves: no <style>, nothing fetched.
                assert m["styleElements"] == 0, where
                assert m["remote"] == 0, where
                # No sideways scrolling; at most 600 px wide, the whole width at 320 px.
                assert m["scrollWidth"] <= width, (where, m["scrollWidth"])
                assert m["cardWidth"] <= 600, where
                if width == 320:
                    assert m["cardWidth"] >= 280, where
                # One main action, a link that looks like a button and fits on the screen.
                assert m["buttons"] == 1, where
                assert m["buttonBackground"] != m["pageBackground"], where
                assert m["buttonBackground"] not in ("rgba(0, 0, 0, 0)", "transparent"), where
                assert m["buttonContrast"] >= 4.5, (where, m["buttonContrast"])
                assert m["buttonDecoration"] == "none", where
                assert m["buttonHeight"] >= 40 and m["buttonRight"] <= width, where
                # A system sans-serif stack everywhere, never the browser's default serif.
                assert m["bodyFont"].endswith("sans-serif"), (where, m["bodyFont"])
                assert m["texts"], where
                for text in m["texts"]:
                    assert text["font"].endswith("sans-serif"), (where, text)
                    assert "Times" not in text["font"], (where, text)
                    # Readable: 13 px at least; every text on a background of the email's own
                    # (a client forcing a dark page cannot leave light text on nothing).
                    assert text["size"] >= 13, (where, text)
                    assert text["ownBg"] and text["contrast"] >= 4.5, (where, text)
                    assert text["right"] <= width, (where, text)
                page.close()
    finally:
        context.close()


@pytest.mark.browser
def test_a_dark_mode_client_shows_the_same_colours(browser):
    """The email declares a light scheme only and sets every colour itself: Chromium emulating
    a dark system shows it unchanged."""
    email = rendered("partner_invitation", "de")
    looks = []
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, viewport={"width": 600, "height": 800})
        page = context.new_page()
        page.set_content(email.body_html)
        m = page.evaluate(MEASURE)
        looks.append(
            (m["pageBackground"], m["buttonBackground"], [t["contrast"] for t in m["texts"]])
        )
        context.close()
    assert looks[0] == looks[1]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(EMAIL_KINDS))
def test_the_html_and_text_parts_carry_the_same_link(kind, language):
    email = rendered(kind, language)
    [url] = BUTTON.findall(email.body_html)
    url = html.unescape(url)
    assert url.startswith(settings.SITE_URL + "/"), url
    assert url in email.body_text
    # The plain link under the button, for copying, is the same link, shown as text too.
    hrefs = [html.unescape(h) for h in re.findall(r'<a [^>]*href="([^"]+)"', email.body_html)]
    assert hrefs == [url, url], hrefs
    assert f">{html.escape(url, quote=False)}</a>" in email.body_html
    # The text part is as good as the HTML: greeting, link, why the email came.
    assert email.body_text.strip().splitlines()[0].endswith(",")
    assert "Rainbow Admin" in email.body_text.split("\n-- \n")[1]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(EMAIL_KINDS))
def test_subjects_are_plain_text_and_the_wording_is_formal(kind, language):
    email = rendered(kind, language)
    assert email.subject and "\n" not in email.subject
    assert not re.search(r"&(#x?[0-9a-f]+|[a-z]+);", email.subject, re.IGNORECASE), email.subject
    words = f"{email.subject}\n{email.body_text}"
    if language in INFORMAL:
        assert not INFORMAL[language].search(words), (kind, language, words)
    if language == "de":
        assert not GERMAN_POSSESSIVE.search(words), (kind, words)
        assert re.search(r"\b(Sie|Ihr|Ihre|Ihren|Ihnen)\b", email.body_text), kind
    if language == "fr":
        assert re.search(r"\b(vous|votre|vos)\b", email.body_text), kind


def test_the_partner_request_reads_as_a_native_speaker_writes_it():
    subjects = {
        language: rendered("partner_invitation", language).subject for language in LANGUAGES
    }
    assert subjects == {
        "en": "Acme Bürotechnik GmbH asks Müller Telekom to become its partner",
        "de": "Acme Bürotechnik GmbH bittet Müller Telekom um eine Partnerschaft",
        "fr": "Acme Bürotechnik GmbH propose un partenariat à Müller Telekom",
    }
    text = rendered("partner_invitation", "de").body_text
    assert text.startswith("Guten Tag Jonas Admin,")
    assert (
        "Anna Admin von Acme Bürotechnik GmbH möchte Müller Telekom bei Rainbow Admin als " in text
    )


@pytest.mark.parametrize(
    ("language", "date", "long_form"),
    [("en", "13/12/2026", "Dec"), ("de", "13.12.2026", "Dez"), ("fr", "13/12/2026", "déc")],
)
def test_dates_are_written_in_the_readers_language(language, date, long_form):
    """The short form pages use too (a British reader sees 13/12/2026, never "Dec. 13")."""
    email = rendered("partner_invitation", language)
    assert date in email.body_text and date in email.body_html
    assert long_form not in email.body_text and long_form not in email.body_html


def test_product_names_stay_untranslated():
    for language in LANGUAGES:
        assert "Business" in rendered("subscription_changed", language).body_text
        assert "Cloud PBX" in rendered("pbx_declared", language).body_text


@pytest.mark.browser
@pytest.mark.parametrize("kind", list(EMAIL_KINDS))
def test_long_unbroken_names_do_not_widen_the_email_at_320_px(browser, kind):
    """Names of up to 150 characters, some without a space, wrap instead of pushing sideways."""
    long_name = "Zweckverband" * 12
    context = {
        key: (long_name if isinstance(value, str) and "/" not in value else value)
        for key, value in email_sample(kind).items()
    }
    email = email_render(template=kind, language="de", context=context)
    assert long_name in email.body_html
    page = browser.new_page(viewport={"width": 320, "height": 800})
    try:
        page.set_content(email.body_html)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        page.close()
