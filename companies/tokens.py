from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """One-time activation links: the token dies once the account is activated or deactivated,
    and after ``ACTIVATION_TIMEOUT`` seconds (longer than a reset link's hour: a person an admin
    added may open the email days later)."""

    key_salt = "companies.tokens.ActivationTokenGenerator"

    def _make_hash_value(self, user, timestamp: int) -> str:
        return f"{user.pk}{user.password}{user.is_active}{user.activated_at}{timestamp}"

    def check_token(self, user, token) -> bool:
        # Django's check_token, with the activation lifetime instead of PASSWORD_RESET_TIMEOUT.
        if not (user and token):
            return False
        try:
            timestamp = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        return self._num_seconds(self._now()) - timestamp <= settings.ACTIVATION_TIMEOUT


activation_token = ActivationTokenGenerator()
