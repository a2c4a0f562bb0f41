"""Telephony: declared PBXs, member lines, and the Cloud PBX configuration."""

from telephony.models.cloud import (
    AttendantKey,
    AutoAttendant,
    Device,
    DeviceImport,
    EmergencyNumber,
    HuntGroup,
    HuntGroupMember,
    OpeningException,
    OpeningHours,
    PublicNumber,
    WelcomeService,
)
from telephony.models.pbx import Line, Pbx

__all__ = [
    "AttendantKey",
    "AutoAttendant",
    "Device",
    "DeviceImport",
    "EmergencyNumber",
    "HuntGroup",
    "HuntGroupMember",
    "Line",
    "OpeningException",
    "OpeningHours",
    "Pbx",
    "PublicNumber",
    "WelcomeService",
]
