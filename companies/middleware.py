from django.utils import translation


class UserLanguageMiddleware:
    """A signed-in person's own language wins over the browser's, for this request only.

    Token clients are authenticated later, by DRF, which switches to their language then
    (``companies.authentication``); the language in force before the request is restored after it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        before = translation.get_language()
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        try:
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", translation.get_language())
        finally:
            translation.activate(before)
        return response
