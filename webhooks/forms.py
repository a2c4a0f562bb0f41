from django import forms
from django.utils.translation import gettext_lazy as _

from webhooks.events import ALL, SUBSCRIBABLE


def _event_choices() -> list[tuple[str, str]]:
    return [(ALL, _("All events")), *[(name, name) for name in SUBSCRIBABLE]]


class EndpointForm(forms.Form):
    url = forms.CharField(
        label=_("URL"),
        max_length=500,
        help_text=_("Where the events are posted: https://…"),
        widget=forms.URLInput(attrs={"autocomplete": "url", "inputmode": "url"}),
    )
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=_event_choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose the events to receive, or All events.")},
    )


class EndpointEditForm(EndpointForm):
    active = forms.BooleanField(
        label=_("Active"),
        required=False,
        help_text=_("Turned off, it receives nothing; turning it on again clears its failures."),
    )
