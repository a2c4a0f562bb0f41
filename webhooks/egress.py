"""Where webhooks may go: DESIGN.md's egress rules, checked on the address actually connected to.

Outside ``DEBUG`` (unless ``WEBHOOK_ALLOW_PRIVATE_URLS``), a URL must be ``https`` and its host
must resolve only to public addresses. The check runs when the URL is saved (its form, literal
addresses) and again at every attempt on the addresses the name resolves to *then*; the request
goes to the address that was checked, never to a second lookup (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from rainbow_admin.errors import InvalidInput


class EgressRefused(Exception):
    """The URL or the address it resolves to may not receive webhooks."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str  # the name, for the Host header and the TLS certificate
    port: int
    path: str  # path and query
    address: str  # the checked IP address to connect to

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


def _open() -> bool:
    return bool(settings.WEBHOOK_ALLOW_PRIVATE_URLS)


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def _literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return None


def clean_url(value: str) -> str:
    """The URL as saved, or a 400 saying why it cannot receive webhooks."""
    url = (value or "").strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput(
            _("Enter a full web address, starting with https://."), code="invalid_url", field="url"
        )
    if len(url) > 500:
        raise InvalidInput(
            _("The address is too long (500 characters at most)."), code="invalid_url", field="url"
        )
    if parts.username or parts.password:
        raise InvalidInput(
            _("The address cannot carry a user name or password."), code="invalid_url", field="url"
        )
    if port == 0:
        raise InvalidInput(
            _("The port of the address is not valid."), code="invalid_url", field="url"
        )
    if not _open():
        if parts.scheme != "https":
            raise InvalidInput(
                _("Webhooks are sent over HTTPS only: the address must start with https://."),
                code="https_required",
                field="url",
            )
        literal = _literal(parts.hostname)
        if parts.hostname.lower() in ("localhost", "localhost.localdomain") or (
            literal is not None and not is_public(literal)
        ):
            raise InvalidInput(
                _("Webhooks cannot be sent to a private, loopback or link-local address."),
                code="private_address",
                field="url",
            )
    return url


def resolve(url: str) -> Target:
    """The address to connect to for ``url``, checked now; ``EgressRefused`` if none may be."""
    parts = urlsplit(url)
    scheme, host = parts.scheme, parts.hostname or ""
    if scheme not in ("http", "https") or not host:
        raise EgressRefused(f"not a web address: {url}")
    if scheme != "https" and not _open():
        raise EgressRefused("https is required")
    port = parts.port or (443 if scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise EgressRefused(f"{host} does not resolve: {exc}") from exc
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise EgressRefused(f"{host} does not resolve")
    if not _open():
        private = [address for address in addresses if not is_public(address)]
        if private:
            # One private answer refuses the name: a rebinding name may answer both kinds.
            raise EgressRefused(f"{host} resolves to a non-public address ({private[0]})")
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return Target(scheme=scheme, host=host, port=port, path=path, address=addresses[0])
