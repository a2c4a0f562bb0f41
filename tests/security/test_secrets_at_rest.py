"""Security review, "live links at rest": an email row keeps its link only until it is sent; the
outbox admin shows no body; the console and folder transports refuse to run with DEBUG=0."""

import logging
import re

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured

from notifications.models import OutboundEmail
from notifications.services import email_deliver
from notifications.smtp import connection_close
from tests.factories import OperatorFactory

pytestmark = pytest.mark.django_db

RESET_LINK = re.compile(r"http://testserver(/accounts/reset/[^/\s]+/[^/\s]+/)")


def test_after_a_reset_email_is_sent_no_row_admin_page_or_log_line_holds_a_working_link(
    client, admin, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password-reset/", {"email": admin.email})
    [sent] = mail.outbox
    path = RESET_LINK.search(sent.body).group(1)
    token = path.rstrip("/").rsplit("/", 1)[1]

    email = OutboundEmail.objects.get(topic="password_reset")
    assert email.status == "sent"
    for row in OutboundEmail.objects.all():
        for text in (row.subject, row.body_text, row.body_html, row.last_error):
            assert token not in text and "/accounts/reset/" not in text
    assert "[link removed after sending]" in email.body_text
    assert "[link removed after sending]" in email.body_html

    operator = OperatorFactory(is_superuser=True)
    staff = client.__class__()
    staff.force_login(operator)
    for url in (
        "/admin/notifications/outboundemail/",
        f"/admin/notifications/outboundemail/{email.pk}/change/",
    ):
        page = staff.get(url)
        assert page.status_code == 200
        assert token not in page.content.decode()
    assert all(token not in record.getMessage() for record in caplog.records)

    # The link the person received still works: only the copies at rest are gone.
    assert client.get(path, follow=True).status_code == 200
    assert b"new_password1" in client.get(path, follow=True).content


def test_the_outbox_admin_shows_no_body_even_while_the_email_is_queued(client):
    email = OutboundEmail.objects.create(
        to="x@example.com",
        subject="Reset",
        body_text="open https://portal.example/accounts/reset/MQ/secret-token-123/",
        body_html="<a href='https://portal.example/accounts/reset/MQ/secret-token-123/'>x</a>",
    )
    client.force_login(OperatorFactory(is_superuser=True))
    page = client.get(f"/admin/notifications/outboundemail/{email.pk}/change/")
    assert page.status_code == 200
    assert "secret-token-123" not in page.content.decode()


def test_an_email_refused_after_it_was_marked_sent_is_queued_again_with_its_link(
    settings, smtp_server
):
    """The redaction happens with the mark "sent"; a refusal of the end of the data puts the row
    back to queued with the body it was sent with, so the retry sends the link again."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    connection_close()
    email = OutboundEmail.objects.create(
        to="x@example.com",
        subject="Reset",
        body_text="open http://testserver/accounts/reset/MQ/tok-1/",
        body_html="",
    )
    smtp_server.refuse = True
    try:
        with pytest.raises(Exception, match="not sent"):
            email_deliver(email_id=email.id)
        email.refresh_from_db()
        assert email.status == "queued"
        assert "/accounts/reset/MQ/tok-1/" in email.body_text
        smtp_server.refuse = False
        assert email_deliver(email_id=email.id).status == "sent"
    finally:
        connection_close()
    email.refresh_from_db()
    assert "tok-1" not in email.body_text
    assert "/accounts/reset/MQ/tok-1/" in smtp_server.text_of(smtp_server.wait_for(1)[-1])


def test_the_console_and_folder_transports_refuse_to_run_with_debug_off(settings, tmp_path):
    from notifications.apps import email_transport_check

    settings.DEBUG = False
    settings.EMAIL_FILE_PATH = tmp_path
    email = OutboundEmail.objects.create(
        to="x@example.com", subject="Reset", body_text="http://testserver/accounts/reset/a/b/"
    )
    for backend in (
        "notifications.backends.ConsoleAndFileEmailBackend",
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.filebased.EmailBackend",
    ):
        settings.EMAIL_BACKEND = backend
        assert [e.id for e in email_transport_check(None)] == ["notifications.E001"]
        connection_close()
        try:
            with pytest.raises(ImproperlyConfigured, match="DEBUG=1"):
                email_deliver(email_id=email.id)
        finally:
            connection_close()
    email.refresh_from_db()
    assert email.status == "queued" and email.attempts == 0
    assert list(tmp_path.iterdir()) == []

    settings.DEBUG = True
    assert email_transport_check(None) == []
