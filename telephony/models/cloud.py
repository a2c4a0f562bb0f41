"""What only a Cloud PBX has: devices, public numbers, hunt groups, Welcome Service,
Automated Attendant and emergency numbers."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from rainbow_admin.db import ChoiceLabels
from telephony.emergency import emergency_description
from telephony.models.pbx import Line, Pbx
from telephony.storage import prompt_file_name, prompt_storage


class Device(ChoiceLabels, models.Model):
    class Kind(models.TextChoices):
        ALE_DESK = "ale_desk", _("ALE SIP desk phone")
        DECT = "dect", _("DECT handset")
        SIP = "sip", _("Generic SIP device")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pbx = models.ForeignKey(Pbx, on_delete=models.CASCADE, related_name="devices")
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    # Normalised: a MAC address as 12 upper-case hex digits, an IPEI as 13 characters.
    identifier = models.CharField(_("identifier"), max_length=20)
    model = models.CharField(_("model"), max_length=60, blank=True)
    line = models.ForeignKey(
        Line, on_delete=models.SET_NULL, null=True, blank=True, related_name="devices"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("device")
        verbose_name_plural = _("devices")
        ordering = ["kind", "identifier"]
        constraints = [
            models.UniqueConstraint(fields=["pbx", "identifier"], name="device_identifier_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=["ale_desk", "dect", "sip"]), name="device_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.display_identifier

    @property
    def display_identifier(self) -> str:
        if self.kind == self.Kind.DECT:
            return self.identifier
        return ":".join(self.identifier[i : i + 2] for i in range(0, 12, 2))


class DeviceImport(ChoiceLabels, models.Model):
    """A CSV file of devices imported by a worker; rows are reported one by one."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pbx = models.ForeignKey(Pbx, on_delete=models.CASCADE, related_name="device_imports")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file_name = models.CharField(max_length=200, blank=True)
    content = models.TextField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    # [{"row": 3, "error": "…"}]: rows count from 1 after the header.
    errors = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True)
    # A worker running the import stamps it after each batch; beat hands a silent one to another
    # worker (``attempts`` counts the hand-overs) or marks it failed.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    run_token = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class HuntGroup(ChoiceLabels, models.Model):
    class Policy(models.TextChoices):
        SERIAL = "serial", _("Serial (in order)")
        PARALLEL = "parallel", _("Parallel (all at once)")
        CIRCULAR = "circular", _("Circular (next after the last one)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pbx = models.ForeignKey(Pbx, on_delete=models.CASCADE, related_name="hunt_groups")
    name = models.CharField(_("name"), max_length=100)
    extension = models.CharField(_("extension"), max_length=10, blank=True)
    policy = models.CharField(_("policy"), max_length=10, choices=Policy.choices)
    ring_timeout = models.PositiveSmallIntegerField(_("ring timeout (seconds)"), default=20)
    lines = models.ManyToManyField(Line, through="HuntGroupMember", related_name="hunt_groups")

    class Meta:
        verbose_name = _("hunt group")
        verbose_name_plural = _("hunt groups")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["pbx", "name"], name="huntgroup_name_unique"),
            models.UniqueConstraint(
                fields=["pbx", "extension"],
                condition=~Q(extension=""),
                name="huntgroup_extension_unique",
            ),
            models.CheckConstraint(
                condition=Q(ring_timeout__gte=5, ring_timeout__lte=30),
                name="huntgroup_timeout_range",
            ),
            models.CheckConstraint(
                condition=Q(policy__in=["serial", "parallel", "circular"]),
                name="huntgroup_policy_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class HuntGroupMember(models.Model):
    hunt_group = models.ForeignKey(HuntGroup, on_delete=models.CASCADE, related_name="memberships")
    line = models.ForeignKey(Line, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["hunt_group", "line"], name="huntgroupmember_unique")
        ]

    def __str__(self) -> str:
        return f"{self.hunt_group_id}/{self.position}"


class WelcomeService(models.Model):
    """Answers a public number: one destination while open, another while closed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pbx = models.ForeignKey(Pbx, on_delete=models.CASCADE, related_name="welcome_services")
    name = models.CharField(_("name"), max_length=100)
    open_line = models.ForeignKey(
        Line, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    open_hunt_group = models.ForeignKey(
        HuntGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_line = models.ForeignKey(
        Line, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_hunt_group = models.ForeignKey(
        HuntGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    greeting_open = models.FileField(
        upload_to=prompt_file_name, storage=prompt_storage, max_length=200, blank=True
    )
    greeting_closed = models.FileField(
        upload_to=prompt_file_name, storage=prompt_storage, max_length=200, blank=True
    )
    # Durations in milliseconds, read from the WAV header when uploaded.
    greeting_open_ms = models.PositiveIntegerField(null=True, blank=True)
    greeting_closed_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("Welcome Service")
        verbose_name_plural = _("Welcome Services")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["pbx", "name"], name="welcome_name_unique"),
            models.CheckConstraint(
                condition=Q(open_line__isnull=True) | Q(open_hunt_group__isnull=True),
                name="welcome_one_open_destination",
            ),
            models.CheckConstraint(
                condition=Q(closed_line__isnull=True) | Q(closed_hunt_group__isnull=True),
                name="welcome_one_closed_destination",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def open_destination(self):
        return self.open_line or self.open_hunt_group

    @property
    def closed_destination(self):
        return self.closed_line or self.closed_hunt_group

    @property
    def open_value(self) -> str:
        if self.open_line_id:
            return f"member:{self.open_line.user_id}"
        return f"hunt_group:{self.open_hunt_group_id}" if self.open_hunt_group_id else ""

    @property
    def closed_value(self) -> str:
        if self.closed_line_id:
            return f"member:{self.closed_line.user_id}"
        return f"hunt_group:{self.closed_hunt_group_id}" if self.closed_hunt_group_id else ""


class OpeningHours(models.Model):
    """A weekday's open period (0 = Monday), in the PBX's time zone."""

    welcome_service = models.ForeignKey(
        WelcomeService, on_delete=models.CASCADE, related_name="hours"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"))
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(condition=Q(weekday__lte=6), name="hours_weekday_valid"),
            models.CheckConstraint(condition=Q(opens__lt=F("closes")), name="hours_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.weekday} {self.opens}-{self.closes}"


class OpeningException(models.Model):
    """A dated exception that overrides the weekday's hours: closed, or open at other times."""

    welcome_service = models.ForeignKey(
        WelcomeService, on_delete=models.CASCADE, related_name="exceptions"
    )
    date = models.DateField(_("date"))
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    description = models.CharField(_("description"), max_length=100, blank=True)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["welcome_service", "date"], name="exception_date_unique"
            ),
            models.CheckConstraint(
                condition=Q(opens__isnull=True, closes__isnull=True)
                | Q(opens__isnull=False, closes__isnull=False, opens__lt=F("closes")),
                name="exception_hours_ordered",
            ),
        ]

    def __str__(self) -> str:
        return str(self.date)

    @property
    def is_closed(self) -> bool:
        return self.opens is None


class AutoAttendant(models.Model):
    """Answers a public number with a menu of keys; sub-menus up to three levels."""

    MAX_DEPTH = 3

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pbx = models.ForeignKey(Pbx, on_delete=models.CASCADE, related_name="auto_attendants")
    name = models.CharField(_("name"), max_length=100)
    dial_by_extension = models.BooleanField(
        _("callers may dial an extension directly"), default=True
    )
    prompt = models.FileField(
        upload_to=prompt_file_name, storage=prompt_storage, max_length=200, blank=True
    )
    prompt_ms = models.PositiveIntegerField(null=True, blank=True)  # duration, milliseconds

    class Meta:
        verbose_name = _("Automated Attendant")
        verbose_name_plural = _("Automated Attendants")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["pbx", "name"], name="attendant_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class AttendantKey(models.Model):
    """Key ``digit`` of the menu at ``menu`` ("" is the root, "1" the sub-menu behind key 1, …)."""

    class Action(models.TextChoices):
        MEMBER = "member", _("A member")
        HUNT_GROUP = "hunt_group", _("A hunt group")
        MENU = "menu", _("A sub-menu")

    attendant = models.ForeignKey(AutoAttendant, on_delete=models.CASCADE, related_name="keys")
    menu = models.CharField(max_length=8, blank=True)
    digit = models.CharField(max_length=1)
    action = models.CharField(max_length=10, choices=Action.choices)
    line = models.ForeignKey(
        Line, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    hunt_group = models.ForeignKey(
        HuntGroup, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["menu", "digit"]
        constraints = [
            models.UniqueConstraint(fields=["attendant", "menu", "digit"], name="attkey_unique"),
            models.CheckConstraint(condition=Q(digit__regex=r"^[0-9]$"), name="attkey_digit"),
            models.CheckConstraint(condition=Q(menu__regex=r"^[0-9]{0,2}$"), name="attkey_depth"),
            models.CheckConstraint(
                condition=Q(action="member", line__isnull=False, hunt_group__isnull=True)
                | Q(action="hunt_group", line__isnull=True, hunt_group__isnull=False)
                | Q(action="menu", line__isnull=True, hunt_group__isnull=True),
                name="attkey_target_matches",
            ),
        ]

    def __str__(self) -> str:
        return self.path

    @property
    def path(self) -> str:
        return self.menu + self.digit

    @property
    def level(self) -> int:
        return len(self.menu) + 1


class PublicNumber(ChoiceLabels, models.Model):
    """A DDI of a Cloud PBX, in E.164, routed to one destination (or not yet)."""

    class Destination(models.TextChoices):
        NONE = "", _("Not routed")
        MEMBER = "member", _("A member")
        HUNT_GROUP = "hunt_group", _("A hunt group")
        AUTO_ATTENDANT = "auto_attendant", _("An Automated Attendant")
        WELCOME_SERVICE = "welcome_service", _("A Welcome Service")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pbx = models.ForeignKey(Pbx, on_delete=models.CASCADE, related_name="public_numbers")
    number = models.CharField(_("number"), max_length=16)
    is_company_number = models.BooleanField(_("company number"), default=False)
    destination = models.CharField(max_length=16, choices=Destination.choices, blank=True)
    line = models.ForeignKey(
        Line, on_delete=models.SET_NULL, null=True, blank=True, related_name="routed_numbers"
    )
    hunt_group = models.ForeignKey(
        HuntGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="numbers"
    )
    auto_attendant = models.ForeignKey(
        AutoAttendant, on_delete=models.SET_NULL, null=True, blank=True, related_name="numbers"
    )
    welcome_service = models.ForeignKey(
        WelcomeService, on_delete=models.SET_NULL, null=True, blank=True, related_name="numbers"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("public number")
        verbose_name_plural = _("public numbers")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["pbx", "number"], name="publicnumber_unique"),
            models.UniqueConstraint(
                fields=["pbx"], condition=Q(is_company_number=True), name="publicnumber_one_main"
            ),
            models.CheckConstraint(
                condition=Q(number__regex=r"^\+[1-9][0-9]{3,14}$"), name="publicnumber_e164"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def destination_value(self) -> str:
        """The value of the page's destination select: ``member:<user id>``, ``hunt_group:<id>``…"""
        if self.destination == self.Destination.MEMBER and self.line_id:
            return f"member:{self.line.user_id}"
        target = self.target
        return f"{self.destination}:{target.pk}" if target is not None else ""

    @property
    def target(self):
        return {
            "member": self.line,
            "hunt_group": self.hunt_group,
            "auto_attendant": self.auto_attendant,
            "welcome_service": self.welcome_service,
        }.get(self.destination)


class EmergencyNumber(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pbx = models.ForeignKey(Pbx, on_delete=models.CASCADE, related_name="emergency_numbers")
    country = CountryField(_("country"))
    number = models.CharField(_("number"), max_length=8)
    # Text a person typed; a pre-filled number stores the code of its description instead
    # (``telephony.emergency``), shown in the reader's language.
    description_text = models.CharField(_("description"), max_length=120, blank=True)
    description_code = models.CharField(max_length=16, blank=True, editable=False)
    softphone_allowed = models.BooleanField(_("softphones may call it"), default=True)
    hunt_group = models.ForeignKey(
        HuntGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("emergency hunt group"),
    )

    class Meta:
        verbose_name = _("emergency number")
        verbose_name_plural = _("emergency numbers")
        ordering = ["country", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["pbx", "country", "number"], name="emergency_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(number__regex=r"^[0-9]{2,6}$"), name="emergency_digits"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def description(self) -> str:
        """What readers see: the typed text, or the pre-filled description in their language."""
        if self.description_text or not self.description_code:
            return self.description_text
        return emergency_description(self.description_code)

    @description.setter
    def description(self, value: str) -> None:
        # A person's own words replace the pre-filled description.
        self.description_text = value or ""
        self.description_code = ""
