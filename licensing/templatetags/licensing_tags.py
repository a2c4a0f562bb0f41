from typing import Any

from django import template

from licensing import selectors

register = template.Library()


@register.inclusion_tag("licensing/_member_licenses.html")
def member_licenses(user: Any) -> dict[str, Any]:
    """The licenses ``user`` holds, for the profile page."""
    return {"licenses": list(selectors.member_licenses(user=user))}
