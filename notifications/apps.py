from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        checks.register(email_transport_check)


def email_transport_check(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """``manage.py check`` (and so migrate and runserver) refuse a development email transport
    with DEBUG=0; the worker, which runs no checks, refuses it when it opens the transport."""
    from notifications.backends import transport_refusal

    refusal = transport_refusal()
    return [checks.Error(refusal, id="notifications.E001")] if refusal else []
