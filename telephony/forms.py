from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries.fields import LazyTypedChoiceField

from companies.models import User
from companies.validation import country_choices
from rainbow_admin.errors import InvalidInput, input_errors
from telephony.models import Device, HuntGroup, Pbx
from telephony.services.pbx import clean_numbering


class PbxDeclareForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Pbx.Kind.choices)
    name = forms.CharField(label=_("Name"), max_length=100)
    country = LazyTypedChoiceField(label=_("Country"), choices=country_choices)
    extension_prefix = forms.CharField(
        label=_("Extension prefix (Cloud PBX)"),
        required=False,
        help_text=_("Digits every extension starts with, e.g. 8. Fixed once created."),
    )
    extension_digits = forms.CharField(
        label=_("Digits after the prefix (Cloud PBX)"),
        required=False,
        widget=forms.NumberInput(attrs={"min": 1, "max": 6}),
        help_text=_("With prefix 8 and 3 digits, extensions run from 8000 to 8999."),
    )
    time_zone = forms.CharField(
        label=_("Time zone (Cloud PBX)"),
        required=False,
        help_text=_("E.g. Europe/Berlin; by default the country's."),
    )
    language = forms.ChoiceField(
        label=_("Language of prompts (Cloud PBX)"), choices=User.Language.choices, required=False
    )
    system_id = forms.CharField(
        label=_("System identifier (OmniPCX Enterprise, OXO Connect)"), required=False
    )
    version = forms.CharField(label=_("Version (OmniPCX Enterprise, OXO Connect)"), required=False)
    call_server = forms.CharField(
        label=_("Call server address (OmniPCX Enterprise, OXO Connect)"), required=False
    )
    sip_domain = forms.CharField(
        label=_("SIP domain or trunk host (third-party PBX)"), required=False
    )

    # The settings of each kind: the page shows only the chosen kind's (``shown_when``, read by
    # includes/form.html and static/js/app.js); without JavaScript all show, but only the chosen
    # kind's are checked and used, so leftovers of another kind never block a declaration.
    KIND_FIELDS = {
        Pbx.Kind.CLOUD_PBX: ("extension_prefix", "extension_digits", "time_zone", "language"),
        Pbx.Kind.OMNIPCX_ENTERPRISE: ("system_id", "version", "call_server"),
        Pbx.Kind.OXO_CONNECT: ("system_id", "version", "call_server"),
        Pbx.Kind.THIRD_PARTY: ("sip_domain",),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.kind_dependent_fields():
            kinds = [kind for kind, names in self.KIND_FIELDS.items() if name in names]
            self.fields[name].shown_when = ("kind", " ".join(kinds))

    @classmethod
    def kind_dependent_fields(cls) -> set[str]:
        return {name for names in cls.KIND_FIELDS.values() for name in names}

    def clean(self):
        cleaned = super().clean()
        chosen = set(self.KIND_FIELDS.get(cleaned.get("kind"), ()))
        for name in self.kind_dependent_fields() - chosen:
            self.errors.pop(name, None)
            cleaned.pop(name, None)
        if cleaned.get("kind") == Pbx.Kind.CLOUD_PBX:
            # The service's own check of the numbering (prefix and digits together), so that
            # its errors show with the form's (a missing name) rather than after them.
            try:
                clean_numbering(
                    cleaned.get("extension_prefix"),
                    cleaned.get("extension_digits"),
                    country=str(cleaned.get("country") or ""),
                )
            except InvalidInput as exc:
                for error in input_errors(exc):
                    self.add_error(error.field, str(error.message))
        return cleaned

    def service_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if v not in ("", None)}
        data["name"] = self.cleaned_data.get("name") or ""
        return data


class PbxEditForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    status = forms.ChoiceField(label=_("Status"), choices=Pbx.Status.choices)
    time_zone = forms.CharField(label=_("Time zone"), required=False)
    language = forms.ChoiceField(
        label=_("Language of prompts"), choices=User.Language.choices, required=False
    )
    system_id = forms.CharField(label=_("System identifier"), required=False)
    version = forms.CharField(label=_("Version"), required=False)
    call_server = forms.CharField(label=_("Call server address"), required=False)
    sip_domain = forms.CharField(label=_("SIP domain or trunk host"), required=False)

    def __init__(self, *args, pbx: Pbx, **kwargs):
        super().__init__(*args, **kwargs)
        keep = {
            Pbx.Kind.CLOUD_PBX: ("time_zone", "language"),
            Pbx.Kind.OMNIPCX_ENTERPRISE: ("system_id", "version", "call_server"),
            Pbx.Kind.OXO_CONNECT: ("system_id", "version", "call_server"),
            Pbx.Kind.THIRD_PARTY: ("sip_domain",),
        }[pbx.kind]
        for name in ("time_zone", "language", "system_id", "version", "call_server", "sip_domain"):
            if name not in keep:
                del self.fields[name]


class LineForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Member"), queryset=User.objects.none())
    extension = forms.CharField(label=_("Extension"), max_length=10)
    public_number = forms.CharField(label=_("Public number (optional)"), required=False)

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        if members is not None:
            self.fields["user"].queryset = members
        self.fields["user"].label_from_instance = lambda user: user.name


class DeviceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=Device.Kind.choices)
    identifier = forms.CharField(
        label=_("MAC address or IPEI"),
        max_length=30,
        help_text=_("A desk phone or SIP device: its MAC address. A DECT handset: its IPEI."),
    )
    model = forms.CharField(label=_("Model"), max_length=60, required=False)


class DeviceImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: type (ale_desk, dect or sip), identifier, model, extension."),
    )


class NumbersForm(forms.Form):
    number = forms.CharField(label=_("Public number"), help_text=_("E.164, e.g. +4930123456"))
    count = forms.IntegerField(label=_("How many (a range)"), min_value=1, max_value=100, initial=1)


class HuntGroupForm(forms.Form):
    # Name, extension and ring timeout are the service's to check (``hunt_group_create``), all
    # at once.
    name = forms.CharField(
        label=_("Name"), required=False, widget=forms.TextInput(attrs={"required": True})
    )
    extension = forms.CharField(label=_("Extension (optional)"), required=False)
    policy = forms.ChoiceField(label=_("Policy"), choices=HuntGroup.Policy.choices)
    ring_timeout = forms.CharField(
        label=_("Ring timeout (seconds)"),
        initial=20,
        required=False,
        widget=forms.NumberInput(attrs={"min": 5, "max": 30, "required": True}),
        help_text=_("From 5 to 30 seconds."),
    )


class WelcomeServiceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)


class OpeningHoursForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label=_("Day"),
        coerce=int,
        choices=[
            (0, _("Monday")),
            (1, _("Tuesday")),
            (2, _("Wednesday")),
            (3, _("Thursday")),
            (4, _("Friday")),
            (5, _("Saturday")),
            (6, _("Sunday")),
        ],
    )
    opens = forms.TimeField(
        label=_("Opens"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    closes = forms.TimeField(
        label=_("Closes"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )


class OpeningExceptionForm(forms.Form):
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    opens = forms.TimeField(
        label=_("Opens"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    closes = forms.TimeField(
        label=_("Closes"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Leave both times empty for a day closed all day."),
    )
    description = forms.CharField(label=_("Description"), max_length=100, required=False)


class AutoAttendantForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    dial_by_extension = forms.BooleanField(
        label=_("Callers may dial an extension directly"), required=False, initial=True
    )


class PromptForm(forms.Form):
    prompt = forms.FileField(label=_("Prompt (WAV)"))


class EmergencyNumberForm(forms.Form):
    country = LazyTypedChoiceField(label=_("Country"), choices=country_choices)
    number = forms.CharField(label=_("Number"), max_length=6)
    description = forms.CharField(label=_("Description"), max_length=120, required=False)
    softphone_allowed = forms.BooleanField(
        label=_("Softphones may call it"), required=False, initial=True
    )
