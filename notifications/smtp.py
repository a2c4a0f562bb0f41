"""The SMTP transport of the outbox: one connection per worker thread, kept between emails, and
a message sent in two steps, all but the end of its data, then the end of its data, so that
``services.email_deliver`` can mark the row sent in between (see its docstring)."""

from __future__ import annotations

import contextlib
import re
import smtplib
import socket
import threading
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address

from notifications.backends import require_allowed_transport

_connections = threading.local()


def connection() -> Any:
    """This thread's email backend, kept between emails (an SMTP connection stays open)."""
    backend = getattr(_connections, "current", None)
    if backend is None:
        require_allowed_transport()  # before a console or folder backend prints a link
        backend = get_connection()
        _connections.current = backend
    return backend


def connection_close() -> None:
    """Close this thread's mail connection; the next email opens one from the current settings."""
    backend = getattr(_connections, "current", None)
    _connections.current = None
    if backend is not None:
        with contextlib.suppress(Exception):
            backend.close()


def drop(backend: SmtpBackend) -> None:
    """Close the socket without a word to the server (``QUIT`` inside DATA would be data)."""
    if backend.connection is not None:
        with contextlib.suppress(Exception):
            backend.connection.close()
        backend.connection = None


def send_all_but_the_end(backend: SmtpBackend, message: EmailMultiAlternatives) -> smtplib.SMTP:
    """``MAIL FROM``, ``RCPT TO``, ``DATA`` and the message up to, not including, the end of the
    data; returns the connection, waiting for ``<CRLF>.<CRLF>``.

    A connection the server has dropped while idle is opened again once, within the same attempt
    (nothing was committed: the server discarded whatever it had of this message).
    """
    encoding = message.encoding or settings.DEFAULT_CHARSET
    sender = sanitize_address(message.from_email, encoding)
    recipients = [sanitize_address(address, encoding) for address in message.recipients()]
    data = dot_stuffed(message.message().as_bytes(linesep="\r\n"))
    for retry in (False, True):
        if backend.open():
            # The end of the data is a small write right after the message: without this, Nagle's
            # algorithm holds it until the server's delayed ACK of the message (up to 40 ms).
            backend.connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        smtp = backend.connection
        try:
            _begin(smtp, sender, recipients, data)
            return smtp
        except (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused) as exc:
            if getattr(exc, "smtp_code", None) == 421 and not retry:
                drop(backend)  # the server closed an idle session ("421 timeout"): open anew
                continue
            # A refusal before the data: the session is fine once the transaction is reset.
            try:
                smtp.rset()
            except Exception:
                drop(backend)
            raise
        except Exception as exc:
            drop(backend)
            if retry or not isinstance(exc, smtplib.SMTPServerDisconnected | ConnectionError):
                raise
    raise AssertionError("unreachable")


def _begin(smtp: smtplib.SMTP, sender: str, recipients: list[str], data: bytes) -> None:
    smtp.ehlo_or_helo_if_needed()
    options = [f"size={len(data) + 5}"] if smtp.does_esmtp and smtp.has_extn("size") else []
    code, reply = smtp.mail(sender, options)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    refused = {}
    for recipient in recipients:
        code, reply = smtp.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = (code, reply)
    if refused:
        raise smtplib.SMTPRecipientsRefused(refused)
    smtp.putcmd("data")
    code, reply = smtp.getreply()
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    smtp.send(data)


END_OF_DATA = b"\r\n.\r\n"


def end_data(smtp: smtplib.SMTP) -> None:
    """Send the end of the data; the server's final reply says whether it took the message."""
    smtp.send(END_OF_DATA)
    code, reply = smtp.getreply()
    if not 200 <= code < 300:
        raise smtplib.SMTPDataError(code, reply)


def dot_stuffed(content: bytes) -> bytes:
    """The message as DATA carries it, without the end of the data: CRLF line ends, a line that
    starts with "." gets another one (RFC 5321, 4.5.2), and no final CRLF (it starts the end of
    the data, ``END_OF_DATA``)."""
    content = re.sub(rb"\r\n|\r|\n", b"\r\n", content)
    content = re.sub(rb"(?m)^\.", b"..", content)
    return content.removesuffix(b"\r\n")
