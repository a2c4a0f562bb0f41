"""How an email is rendered: subject, plain text and HTML, in the reader's language.

Every HTML email extends ``templates/emails/base.html``, whose stylesheet is inlined into each
element here (mail clients drop ``<style>`` elements and remote CSS), by ``css-inline``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import css_inline
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

_INLINER = css_inline.CSSInliner(
    keep_style_tags=False, keep_link_tags=False, load_remote_stylesheets=False
)


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    body_text: str
    body_html: str


def email_render(*, template: str, language: str, context: dict[str, Any]) -> RenderedEmail:
    """The three parts of ``emails/<template>`` in ``language``; the subject on one line."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"emails/{template}_subject.txt", context)
        subject = " ".join(subject.split())
        body_text = render_to_string(f"emails/{template}.txt", context)
        html_context = {**context, "subject": subject, "LANGUAGE_CODE": language}
        body_html = render_to_string(f"emails/{template}.html", html_context)
    return RenderedEmail(subject=subject, body_text=body_text, body_html=_INLINER.inline(body_html))
