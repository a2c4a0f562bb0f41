from django import forms
from django.utils.translation import gettext_lazy as _


class MemberImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "A header line with email and name, optionally role, language, offer and extension; "
            "separated by commas, semicolons or tabs; up to 10,000 people."
        ),
    )
    send_invitations = forms.BooleanField(
        label=_("Send each new person an activation email"), required=False, initial=True
    )
