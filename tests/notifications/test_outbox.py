"""Delivery of one outbox email to a real SMTP server on loopback, in this process.

The server's answer to the end of the data comes after the row was marked sent: a refusal there
must put the email back (4xx) or fail it (5xx), and every copy carries the row's Message-ID.
"""

import pytest

from notifications.models import OutboundEmail
from notifications.services import EmailNotSent, email_deliver, email_queue
from notifications.smtp import connection_close as email_connection_close
from tests.conftest import SmtpInbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings, smtp_server) -> SmtpInbox:
    """The outbox sends over SMTP to ``smtp_server``, on a connection opened for this test."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    email_connection_close()
    yield smtp_server
    email_connection_close()


def an_activation_email(to: str = "someone@example.com") -> OutboundEmail:
    return email_queue(
        to=to,
        language="en",
        template="activation",
        context={
            "user_name": "Someone",
            "company_name": "Acme",
            "invited_by": "Anna",
            "url": "http://testserver/accounts/activate/x/",
        },
    )


def test_a_temporary_refusal_of_the_message_is_retried_and_it_arrives_once_with_one_message_id(
    smtp,
):
    email = an_activation_email()
    smtp.refuse = True  # "451 Try again later" at the end of the data, once
    with pytest.raises(EmailNotSent):
        email_deliver(email_id=email.id)
    email.refresh_from_db()
    assert (email.status, email.attempts, email.sent_at) == ("queued", 1, None)
    assert "451" in email.last_error
    assert smtp.messages == []

    smtp.refuse = False
    assert email_deliver(email_id=email.id).status == "sent"
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == ("sent", 2, "")
    assert email.sent_at is not None
    # The refused copy and the delivered one are the same email, recognisable by its Message-ID.
    [refused] = smtp.refused
    [delivered] = smtp.messages
    assert refused["Message-ID"] == delivered["Message-ID"] == f"<{email.pk}@rainbow-admin>"
    assert delivered["To"] == "someone@example.com"

    # Handed out again (a late re-queue), the email is not sent twice.
    assert email_deliver(email_id=email.id) is None
    assert len(smtp.messages) == 1


def test_a_permanent_refusal_of_the_message_fails_the_email_at_once(smtp):
    email = an_activation_email()
    smtp.refuse = "554 5.7.1 Message rejected"
    assert email_deliver(email_id=email.id).status == "failed"
    email.refresh_from_db()
    assert (email.status, email.attempts, email.sent_at) == ("failed", 1, None)
    assert "554" in email.last_error and "Message rejected" in email.last_error
    smtp.refuse = False
    assert email_deliver(email_id=email.id) is None  # failed emails are not tried again
    assert smtp.messages == []
    # The connection is still good for the next email.
    other = an_activation_email("other@example.com")
    assert email_deliver(email_id=other.id).status == "sent"
    assert [m["To"] for m in smtp.messages] == ["other@example.com"]


def test_lines_that_start_with_a_dot_arrive_intact(smtp):
    text = "Hello,\n.\n..two dots\n.one dot\n. a dot and a space\nThe end.\n.\n"
    email = OutboundEmail.objects.create(
        to="dots@example.com",
        subject="Dots",
        body_text=text,
        body_html="<p>Dots</p>\n.<b>leading dot</b>\n.\n",
    )
    after = an_activation_email("after@example.com")
    assert email_deliver(email_id=email.id).status == "sent"
    assert email_deliver(email_id=after.id).status == "sent"

    # A line of a single dot did not end the message early, and the next email on the same
    # connection arrived whole after it.
    first, second = smtp.messages
    assert SmtpInbox.text_of(first).replace("\r\n", "\n") == text  # lines travel with CRLF
    html = first.get_body(preferencelist=("html",)).get_content()
    assert html.replace("\r\n", "\n") == "<p>Dots</p>\n.<b>leading dot</b>\n.\n"
    assert second["To"] == "after@example.com"
    assert "Someone" in SmtpInbox.text_of(second)


def test_the_embedded_default_writes_the_email_to_its_folder(settings, tmp_path):
    settings.DEBUG = True  # the embedded default is a development setup (DEBUG=1)
    settings.EMAIL_BACKEND = "notifications.backends.ConsoleAndFileEmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    email_connection_close()
    try:
        email = an_activation_email()
        assert email_deliver(email_id=email.id).status == "sent"
    finally:
        email_connection_close()
    [written] = list(tmp_path.iterdir())
    content = written.read_text()
    assert f"Message-ID: <{email.pk}@rainbow-admin>" in content
    assert "someone@example.com" in content
