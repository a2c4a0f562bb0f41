"""A company's declared voice equipment and the lines its members hold on it."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from rainbow_admin.db import ChoiceLabels


class Pbx(ChoiceLabels, models.Model):
    """Voice equipment declared for a company by its partner (or an operator)."""

    class Kind(models.TextChoices):
        CLOUD_PBX = "cloud_pbx", _("Cloud PBX")
        OMNIPCX_ENTERPRISE = "omnipcx_enterprise", _("OmniPCX Enterprise")
        OXO_CONNECT = "oxo_connect", _("OXO Connect")
        THIRD_PARTY = "third_party", _("Third-party PBX")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    company = models.ForeignKey(
        "companies.Company",
        on_delete=models.CASCADE,
        related_name="pbxs",
        verbose_name=_("company"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    country = CountryField(_("country"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    declared_by_company = models.ForeignKey(
        "companies.Company", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("declared"), default=timezone.now, editable=False)
    # Cloud PBX: internal numbering (fixed once created), language and time zone.
    extension_prefix = models.CharField(_("extension prefix"), max_length=4, blank=True)
    extension_digits = models.PositiveSmallIntegerField(_("digits after the prefix"), null=True)
    language = models.CharField(_("language"), max_length=2, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    # OmniPCX Enterprise and OXO Connect.
    system_id = models.CharField(_("system identifier"), max_length=64, blank=True)
    version = models.CharField(_("version"), max_length=32, blank=True)
    call_server = models.CharField(_("call server address"), max_length=253, blank=True)
    # Third-party PBX.
    sip_domain = models.CharField(_("SIP domain or trunk host"), max_length=253, blank=True)

    class Meta:
        verbose_name = _("PBX")
        verbose_name_plural = _("PBXs")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    kind__in=["cloud_pbx", "omnipcx_enterprise", "oxo_connect", "third_party"]
                ),
                name="pbx_kind_valid",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="pbx_name_not_empty"),
            models.CheckConstraint(
                condition=~Q(kind="cloud_pbx")
                | (~Q(extension_prefix="") & Q(extension_digits__gte=1, extension_digits__lte=6)),
                name="pbx_cloud_numbering_set",
            ),
            models.UniqueConstraint(fields=["company", "name"], name="pbx_name_unique"),
        ]
        # The operators' list, in name order.
        indexes = [models.Index(fields=["name", "id"], name="pbx_name_order")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_cloud(self) -> bool:
        return self.kind == self.Kind.CLOUD_PBX

    @property
    def extension_length(self) -> int | None:
        if not self.is_cloud:
            return None
        return len(self.extension_prefix) + (self.extension_digits or 0)

    @property
    def first_extension(self) -> str:
        return self.extension_prefix + "0" * (self.extension_digits or 0) if self.is_cloud else ""

    @property
    def last_extension(self) -> str:
        return self.extension_prefix + "9" * (self.extension_digits or 0) if self.is_cloud else ""

    def in_range(self, extension: str) -> bool:
        return (
            extension.isdigit()
            and len(extension) == self.extension_length
            and extension.startswith(self.extension_prefix)
        )


class Line(models.Model):
    """A member's telephony on a PBX: an extension, optionally a public number. One per member."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pbx = models.ForeignKey(Pbx, on_delete=models.CASCADE, related_name="lines")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="phone_line",
        verbose_name=_("member"),
    )
    extension = models.CharField(_("extension"), max_length=10)
    # E.164; on a Cloud PBX one of its public numbers, routed to this member.
    public_number = models.CharField(_("public number"), max_length=16, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("line")
        verbose_name_plural = _("lines")
        ordering = ["extension"]
        constraints = [
            models.UniqueConstraint(fields=["pbx", "extension"], name="line_extension_unique"),
            models.UniqueConstraint(
                fields=["pbx", "public_number"],
                condition=~Q(public_number=""),
                name="line_public_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(extension__regex=r"^[0-9]+$"), name="line_ext_digits"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user.name} ({self.extension})"
