"""List (and with ``--delete`` remove) stored prompt files no Welcome Service or attendant names:
files of a change that rolled back, or whose deletion after the commit failed."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand

from telephony.services.prompts import prompt_orphans, prompt_orphans_delete


class Command(BaseCommand):
    help = (
        "List prompt files no row refers to (a dry run); --delete removes them. Files younger "
        "than --min-age-minutes are left alone (their upload may not have committed yet)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--delete", action="store_true", help="remove the files listed")
        parser.add_argument("--min-age-minutes", type=int, default=60)

    def handle(self, *args, delete: bool, min_age_minutes: int, **options) -> None:
        orphans = prompt_orphans(older_than=datetime.timedelta(minutes=max(0, min_age_minutes)))
        for name in orphans:
            self.stdout.write(name)
        if delete:
            prompt_orphans_delete(orphans)
            self.stdout.write(self.style.SUCCESS(f"{len(orphans)} orphaned prompt files removed."))
        else:
            self.stdout.write(
                f"{len(orphans)} orphaned prompt files (dry run: --delete removes them)."
            )
