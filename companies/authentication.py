from django.contrib.auth.backends import ModelBackend
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from companies.models import ApiToken, User, hash_token
from companies.sign_in_throttle import (
    client_address,
    person_key_for_address,
    sign_in_attempt_begin,
    sign_in_attempt_end,
)
from companies.two_factor.middleware import setup_required_detail
from companies.two_factor.services import two_factor_setup_due
from notifications.selectors import with_unread_count


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer <token>``; the token is looked up by its SHA-256."""

    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid Authorization header."))
        try:
            raw = header[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        token = (
            ApiToken.objects.select_related("user", "user__company")
            .filter(key_hash=hash_token(raw))
            .first()
        )
        if token is None or not token.is_usable() or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Invalid, expired or revoked token."))
        # The middleware ran before DRF authenticated: answer in the person's language.
        translation.activate(token.user.language)
        if two_factor_setup_due(token.user, request.path):
            raise exceptions.PermissionDenied(
                setup_required_detail(), code="two_factor_setup_required"
            )
        now = timezone.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword


class CompanyUserBackend(ModelBackend):
    """Django's model backend, loading the signed-in person with their company and their unread
    badge in one query: nearly every page and the menu read ``user.company`` and the badge.

    Every password check of the portal passes here (the sign-in page, ``auth/token/``, the Django
    admin's login), so this is where the sign-in throttle sits: a try during a wait raises
    ``SignInThrottled`` (``django.contrib.auth.authenticate`` lets it through) before the password
    is looked at.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if not username or password is None:
            return None
        user = User._default_manager.for_sign_in(username)
        person = str(user.pk) if user is not None else person_key_for_address(username)
        attempt = sign_in_attempt_begin(person=person, client=client_address(request))
        if user is None:
            # Run the hasher once anyway: an unknown address takes as long as a known one.
            User().set_password(password)
            ok = False
        else:
            ok = user.check_password(password) and self.user_can_authenticate(user)
        sign_in_attempt_end(attempt, succeeded=ok)
        return user if ok else None

    def get_user(self, user_id):
        people = with_unread_count(User._default_manager.select_related("company"))
        try:
            user = people.get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
