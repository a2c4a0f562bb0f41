from django import template

from telephony.selectors import own_line

register = template.Library()


@register.inclusion_tag("telephony/_own_line.html", takes_context=True)
def my_phone_line(context) -> dict:
    """The signed-in member's own line, for the profile page."""
    return {"line": own_line(user=context["request"].user)}


@register.filter
def prompt_duration(milliseconds: int | None) -> str:
    """A prompt's duration, ``m:ss`` in whole seconds as browsers' players show it (cut, not
    rounded), though never "0:00"; ``—`` when unknown."""
    if milliseconds is None or milliseconds == "":
        return "—"
    seconds = max(1, int(milliseconds) // 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"
