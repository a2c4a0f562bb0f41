from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import (
    AdminPasswordChangeForm,
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.utils.translation import gettext_lazy as _
from django_countries.fields import LazyTypedChoiceField

from companies.models import Company, User
from companies.text import email_normalise
from companies.validation import country_choices


class NormalisedEmailField(forms.EmailField):
    """An address in the one form it is stored in (NFKC, case-folded) before it is validated:
    full-width letters typed with an input method become plain ones."""

    def to_python(self, value):
        return email_normalise(super().to_python(value))


class AdminSignInForm(AdminAuthenticationForm):
    """The Django admin's login: its ``authenticate()`` goes through the sign-in throttle like every
    other path; a try during a wait is refused with the wait on the form."""

    def clean(self):
        from companies.sign_in_throttle import SignInThrottled

        try:
            return super().clean()
        except SignInThrottled as exc:
            raise forms.ValidationError(str(exc.message), code=exc.code) from None

    def confirm_login_allowed(self, user):
        """The password alone never signs in a person who has two-factor on: they sign in on the
        portal's sign-in page, which asks for the code, then open /admin/."""
        super().confirm_login_allowed(user)
        from companies.two_factor.services import two_factor_enabled

        if two_factor_enabled(user):
            raise forms.ValidationError(
                _(
                    "You have two-factor sign-in on: sign in through the portal's sign-in page "
                    "(it asks for your code), then open /admin/."
                ),
                code="two_factor_required",
            )


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """Checking the old password is a password check like a sign-in: it goes through the same
    throttle (a borrowed session cannot guess the password)."""

    def __init__(self, user, data=None, *, request=None, **kwargs):
        super().__init__(user, data, **kwargs)
        self.request = request
        # The profile page holds several forms: none takes focus on a plain load.
        self.fields["old_password"].widget.attrs.pop("autofocus", None)

    def clean_old_password(self):
        from companies.sign_in_throttle import (
            SignInThrottled,
            client_address,
            sign_in_attempt_begin,
            sign_in_attempt_end,
        )

        old_password = self.cleaned_data["old_password"]
        try:
            attempt = sign_in_attempt_begin(
                person=str(self.user.pk), client=client_address(self.request)
            )
        except SignInThrottled as exc:
            raise forms.ValidationError(str(exc.message), code=exc.code) from None
        correct = self.user.check_password(old_password)
        sign_in_attempt_end(attempt, succeeded=correct)
        if not correct:
            raise forms.ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password


class SignInForm(AuthenticationForm):
    """Sign-in through ``companies.services.sign_in`` (the throttle runs in the backend)."""

    username = NormalisedEmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def clean(self):
        from companies.services import sign_in
        from rainbow_admin.errors import DomainError

        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if email and password:
            try:
                self.user_cache = sign_in(email=email, password=password, request=self.request)
            except DomainError as exc:
                raise forms.ValidationError(str(exc.message), code=exc.code) from None
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class OutboxPasswordResetForm(PasswordResetForm):
    """Password reset emails go through the outbox like every other email."""

    email = NormalisedEmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from notifications.services import email_queue

        user = context["user"]
        email_queue(
            to=to_email,
            language=user.language,
            template="password_reset",
            context={
                "user_name": user.name,
                "uid": context["uid"],
                "token": context["token"],
            },
            topic="password_reset",
            object_id=user.pk,
        )


class _PasswordThroughService:
    """Django's password forms save through ``companies.services.user_set_password`` (which
    revokes the person's API tokens and tells them)."""

    def set_password_and_save(self, user, password_field_name="password1", commit=True):  # noqa: S107
        from companies.services import user_set_password

        password = self.cleaned_data.get(password_field_name)
        if not commit or not password or self.cleaned_data.get("usable_password") == "false":
            return super().set_password_and_save(user, password_field_name, commit)
        return user_set_password(user=user, password=password)


class ResetPasswordSetForm(_PasswordThroughService, SetPasswordForm):
    """The new password chosen from a reset link."""


class AdminPasswordSetForm(_PasswordThroughService, AdminPasswordChangeForm):
    """A password an operator sets in the Django admin."""


def _country_to_choose() -> list[tuple[str, str]]:
    """A new company's country: no country is picked for the person (the first of the list was)."""
    return [("", _("Choose a country")), *country_choices()]


class SignUpForm(forms.Form):
    company_name = forms.CharField(label=_("Company name"), max_length=150)
    country = LazyTypedChoiceField(
        label=_("Country"),
        choices=_country_to_choose,
        error_messages={"required": _("Choose your company's country.")},
    )
    admin_name = forms.CharField(label=_("Your name"), max_length=150)
    email = NormalisedEmailField(label=_("Email address"))
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )
    language = forms.ChoiceField(label=_("Language"), choices=User.Language.choices)


class ActivationForm(forms.Form):
    password = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
        required=False,
    )


class MemberAddForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = NormalisedEmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=User.Role.choices, initial=User.Role.MEMBER)
    language = forms.ChoiceField(label=_("Language"), choices=User.Language.choices)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=User.Role.choices)


class ProfileForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    language = forms.ChoiceField(label=_("Language"), choices=User.Language.choices)


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100)
    expires_at = forms.DateField(
        label=_("Expires on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expires_at"].help_text = _(
            "Leave empty for the longest lifetime allowed (%(days)s days)."
        ) % {"days": settings.API_TOKEN_MAX_TTL.days}


def _time_zone_choices() -> list[tuple[str, str]]:
    from companies.validation import time_zones

    return [(name, name) for name in sorted(time_zones())]  # IANA names, as the API takes them


class CompanyForm(forms.Form):
    """The company page: every field's error at once, by the rules of ``company_update``."""

    name = forms.CharField(label=_("Company name"), max_length=150)
    address = forms.CharField(
        label=_("Address"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    postal_code = forms.CharField(
        label=_("Postal code"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    country = LazyTypedChoiceField(label=_("Country"), choices=country_choices)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=User.Language.choices,
        help_text=_("New members, the company's emails and Cloud PBX voice prompts use it."),
    )
    timezone = forms.TypedChoiceField(label=_("Time zone"), choices=_time_zone_choices)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=32,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text=_("With the country code, e.g. +49 30 1234567."),
    )
    website = forms.CharField(
        label=_("Website"),
        max_length=200,
        required=False,
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    contact_email = forms.CharField(
        label=_("Contact email"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    require_two_factor = forms.ChoiceField(
        label=_("Two-factor authentication"),
        choices=Company.TwoFactorPolicy.choices,
        help_text=_("Who must confirm their sign-in with a code from an app."),
    )

    def __init__(self, *args, company: Company, **kwargs) -> None:
        self.company = company
        super().__init__(*args, **kwargs)

    def clean(self):
        from companies.services import company_setting_clean
        from rainbow_admin.errors import InvalidInput

        data = dict(self.cleaned_data)
        for field, value in data.items():
            if field in self.errors:
                continue
            try:
                self.cleaned_data[field] = company_setting_clean(
                    field, value, data=data, company=self.company
                )
            except InvalidInput as exc:
                self.add_error(field, str(exc.message))
        return self.cleaned_data
