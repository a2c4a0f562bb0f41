from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "companies"
    verbose_name = _("Companies and people")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from companies import schema  # noqa: F401 (registers the OpenAPI auth extension)
        from companies.middleware import session_start

        user_logged_in.connect(session_start, dispatch_uid="companies.session_start")
