from django import forms
from django.utils.translation import gettext_lazy as _


class DefinePartnerForm(forms.Form):
    """The "Define partner" dialog: the company picked in the search list and a message."""

    to_company = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose a company from the list."),
            "invalid": _("Choose a company from the list."),
        },
    )
    become_reseller = forms.BooleanField(
        label=_("Become a reseller of this distributor"), required=False
    )
    message = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ScopesForm(forms.Form):
    licensing = forms.BooleanField(label=_("Licenses (subscriptions)"), required=False)
    telephony = forms.BooleanField(label=_("Telephony (PBXs)"), required=False)

    def scopes(self) -> list[str]:
        return [name for name in ("licensing", "telephony") if self.cleaned_data.get(name)]


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
