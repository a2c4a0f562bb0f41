from typing import Any

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _complete_catalogue(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """After ``migrate`` and ``flush``: the catalogue rows, if the table exists at this state."""
    from licensing.catalogue import catalogue_ensure

    apps = kwargs.get("apps") or global_apps
    try:
        offer_model = apps.get_model("licensing", "Offer")
    except LookupError:
        return
    catalogue_ensure(offer_model=offer_model, using=using)


class LicensingConfig(AppConfig):
    name = "licensing"
    verbose_name = _("Licensing")

    def ready(self) -> None:
        from companies.signals import member_created, member_deactivated
        from licensing import receivers

        member_created.connect(receivers.give_default_seat, dispatch_uid="licensing_default_seat")
        member_deactivated.connect(receivers.free_seats, dispatch_uid="licensing_free_seats")
        post_migrate.connect(_complete_catalogue, sender=self, dispatch_uid="licensing_catalogue")
