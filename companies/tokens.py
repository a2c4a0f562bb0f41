from django.contrib.auth.tokens import PasswordResetTokenGenerator


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """One-time activation links: the token dies once the account is activated or deactivated."""

    key_salt = "companies.tokens.ActivationTokenGenerator"

    def _make_hash_value(self, user, timestamp: int) -> str:
        return f"{user.pk}{user.password}{user.is_active}{user.activated_at}{timestamp}"


activation_token = ActivationTokenGenerator()
