"""The company's two-factor policy on every page: set it up first."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from companies.two_factor.services import two_factor_setup_due


def setup_required_detail() -> str:
    return _("Your company requires two-factor sign-in: set it up first.")


class TwoFactorPolicyMiddleware:
    """A signed-in person the policy covers without two-factor sees only its set-up page; the
    API answers 403 ``two_factor_setup_required`` (bearer tokens: ``BearerTokenAuthentication``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and two_factor_setup_due(user, request.path):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": setup_required_detail(), "code": "two_factor_setup_required"},
                    status=403,
                )
            return redirect("two_factor")
        return self.get_response(request)
