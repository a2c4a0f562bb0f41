from django import template

from telephony.selectors import own_line

register = template.Library()


@register.inclusion_tag("telephony/_own_line.html", takes_context=True)
def my_phone_line(context) -> dict:
    """The signed-in member's own line, for the profile page."""
    return {"line": own_line(user=context["request"].user)}
