from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from companies.forms import SignUpForm
from partners.scopes import SCOPES_UNTIL_MAX_AHEAD


def end_of_day(day) -> datetime | None:
    """A date picked on a page means "to the end of that day" in the portal's time zone."""
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


class _ScopesUntilField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def clean(self, value):
        day = super().clean(value)
        if day and day > timezone.localdate() + SCOPES_UNTIL_MAX_AHEAD:
            raise forms.ValidationError(
                _("Choose a date at most 10 years ahead for the scopes to end."),
                code="scopes_until_too_far",
            )
        return day


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


class CustomerOfferForm(forms.Form):
    """Customers → Offer to manage a company."""

    email = forms.EmailField(label=_("Email address of one of its administrators"), max_length=254)
    company_name = forms.CharField(
        label=_("Company name (optional)"), max_length=150, required=False
    )
    licensing = forms.BooleanField(
        label=_("Licenses (subscriptions)"), required=False, initial=True
    )
    telephony = forms.BooleanField(label=_("Telephony (PBXs)"), required=False, initial=True)
    scopes_until = _ScopesUntilField(label=_("Scopes until (optional)"), required=False)
    message = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def scopes(self) -> list[str]:
        return [name for name in ("licensing", "telephony") if self.cleaned_data.get(name)]


class ScopesUntilForm(forms.Form):
    scopes_until = _ScopesUntilField(label=_("Scopes until"), required=False)


class OfferSignUpForm(SignUpForm):
    """The sign-up of a company from a reseller's offer: the address is the one it was sent to."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["email"]
