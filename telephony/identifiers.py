"""Validation of the identifiers telephony deals with: MAC, IPEI, E.164 numbers, host names."""

from __future__ import annotations

import ipaddress
import re

import phonenumbers
from django.utils.translation import gettext_lazy as _

from rainbow_admin.errors import InvalidInput

_MAC = re.compile(r"^[0-9A-F]{12}$")
_HOST = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)


def clean_mac(value: str, *, field: str = "identifier") -> str:
    """A MAC address as 12 upper-case hex digits; separators ``:``, ``-`` and ``.`` accepted."""
    mac = re.sub(r"[:\-.\s]", "", value or "").upper()
    if not _MAC.match(mac):
        raise InvalidInput(
            _("“%(value)s” is not a MAC address (12 hexadecimal digits, e.g. 00:80:9F:12:34:56).")
            % {"value": value},
            code="invalid_mac",
            field=field,
        )
    if mac in ("000000000000", "FFFFFFFFFFFF") or int(mac[1], 16) & 1:
        raise InvalidInput(
            _("“%(value)s” is not the address of a device (broadcast, multicast or zero).")
            % {"value": value},
            code="invalid_mac",
            field=field,
        )
    return mac


def ipei_check_digit(digits12: str) -> str:
    """DECT IPEI check character: sum of digit x position (1-12) modulo 11, 10 written ``*``."""
    total = sum(int(d) * i for i, d in enumerate(digits12, start=1)) % 11
    return "*" if total == 10 else str(total)


def clean_ipei(value: str, *, field: str = "identifier") -> str:
    """A DECT handset's IPEI: 5-digit manufacturer code, 7-digit serial and a check character."""
    ipei = re.sub(r"[\s\-]", "", value or "").upper()
    if not re.match(r"^[0-9]{12}[0-9*]$", ipei) or ipei_check_digit(ipei[:12]) != ipei[12]:
        raise InvalidInput(
            _(
                "“%(value)s” is not a valid IPEI (13 characters: 12 digits and a check digit, "
                "e.g. 03589 0012345 5)."
            )
            % {"value": value},
            code="invalid_ipei",
            field=field,
        )
    return ipei


def clean_e164(value: str, *, region: str = "", field: str = "number") -> str:
    """A public phone number in E.164 (``+4930123456``), checked with the phonenumbers library.

    A national number is read in ``region`` (the PBX's country).
    """
    text = (value or "").strip()
    try:
        parsed = phonenumbers.parse(text, region or None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise InvalidInput(
            _("“%(value)s” is not a valid phone number. Write it in E.164, e.g. +33123456789.")
            % {"value": value},
            code="invalid_number",
            field=field,
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def clean_host(value: str, *, field: str) -> str:
    """A host name or IP address (optionally with a port)."""
    host = (value or "").strip().lower()
    if not host:
        return ""
    name, _sep, port = host.rpartition(":") if host.count(":") == 1 else (host, "", "")
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        name = ""
    try:
        ipaddress.ip_address(name.strip("[]"))
        return host
    except ValueError:
        pass
    if not name or not _HOST.match(name):
        raise InvalidInput(
            _("“%(value)s” is not a host name or IP address.") % {"value": value},
            code="invalid_host",
            field=field,
        )
    return host
