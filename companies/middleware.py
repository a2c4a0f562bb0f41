import time
import zoneinfo

from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers

# Session keys: when the person signed in and when the session was last moved forward (seconds).
SIGNED_IN_AT = "signed_in_at"
SEEN_AT = "seen_at"


class UserLanguageMiddleware:
    """A signed-in person's own language wins over the browser's, for this request only, and
    pages show times in their company's time zone.

    Token clients are authenticated later, by DRF, which switches to their language then
    (``companies.authentication``); the language in force before the request is restored after it.
    The API keeps answering in UTC whoever asks (ISO 8601 with ``Z``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        before = translation.get_language()
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        zone = _company_zone(user) if not request.path.startswith("/api/") else None
        if zone is not None:
            timezone.activate(zone)
        try:
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", translation.get_language())
        finally:
            translation.activate(before)
            if zone is not None:
                timezone.deactivate()
        return response


def _company_zone(user) -> zoneinfo.ZoneInfo | None:
    """The time zone of a signed-in person's company (``None``: the portal's, UTC)."""
    company = getattr(user, "company", None) if user is not None and user.is_authenticated else None
    if company is None or not company.timezone or company.timezone == "UTC":
        return None
    try:
        return zoneinfo.ZoneInfo(company.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


class SessionLimitsMiddleware:
    """A session ends ``SESSION_COOKIE_AGE`` seconds after its last request (idle limit) and
    ``SESSION_MAX_AGE`` after the sign-in whatever the activity (absolute limit).

    The idle limit is the session's own expiry, moved forward when the session is saved; an
    active session is saved at most once a minute (``_TOUCH_EVERY``) so that pages do not pay a
    write each. The sign-in time is stored by ``companies.receivers`` at sign-in.
    """

    _TOUCH_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.contrib.auth import logout

        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated:
            now = int(time.time())
            signed_in_at = session.get(SIGNED_IN_AT, 0)
            if now - signed_in_at > settings.SESSION_MAX_AGE.total_seconds():
                logout(request)
            elif now - session.get(SEEN_AT, 0) >= self._TOUCH_EVERY:
                session[SEEN_AT] = now  # saved at the end: the idle expiry moves forward
        return self.get_response(request)


class NoStoreMiddleware:
    """Answers for a signed-in person (pages, API calls with a session or a token) are not kept
    by browsers or proxies: ``Cache-Control: no-store`` and its companions."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # DRF sets request.user on token authentication too; read it after the view.
        user = getattr(request, "user", None)
        # An answer may keep its own (private) caching: prompts revalidated by their ETag.
        if (
            user is not None
            and user.is_authenticated
            and not getattr(response, "keeps_cache_control", False)
        ):
            add_never_cache_headers(response)
        return response


def session_start(sender, request, user, **kwargs) -> None:
    """``user_logged_in`` receiver (every sign-in path: portal, admin): start the clocks."""
    if getattr(request, "session", None) is not None:
        now = int(time.time())
        request.session[SIGNED_IN_AT] = now
        request.session[SEEN_AT] = now
