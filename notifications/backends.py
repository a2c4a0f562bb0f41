"""The embedded default's email transport: print each message and keep a copy in a folder.

Printed and filed emails hold working links (password reset, activation, partner requests) in a
log and on disk, so these transports are for a developer's machine only: with ``DEBUG=0`` they
refuse to run (``transport_refusal``), and ``manage.py check`` reports it.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend

# Transports that write the message where anyone reading logs or files could use its links.
DEVELOPMENT_TRANSPORTS = {
    "notifications.backends.ConsoleAndFileEmailBackend",
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


def transport_refusal() -> str | None:
    """Why the configured transport may not run here, or None when it may."""
    if settings.DEBUG or settings.EMAIL_BACKEND not in DEVELOPMENT_TRANSPORTS:
        return None
    return (
        f"The email transport {settings.EMAIL_BACKEND} prints or files emails, links included; "
        "it runs only with DEBUG=1. Set EMAIL_URL (e.g. smtp://user:password@host:587)."
    )


def require_allowed_transport() -> None:
    refusal = transport_refusal()
    if refusal:
        raise ImproperlyConfigured(refusal)


class ConsoleAndFileEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently: bool = False, **kwargs) -> None:
        require_allowed_transport()
        super().__init__(fail_silently=fail_silently)
        self.console = ConsoleBackend(fail_silently=fail_silently)
        self.file = FileBackend(
            file_path=str(settings.EMAIL_FILE_PATH), fail_silently=fail_silently
        )

    def send_messages(self, email_messages):
        self.console.send_messages(email_messages)
        return self.file.send_messages(email_messages)
