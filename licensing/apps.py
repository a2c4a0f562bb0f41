from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LicensingConfig(AppConfig):
    name = "licensing"
    verbose_name = _("Licensing")

    def ready(self) -> None:
        from companies.signals import member_created, member_deactivated
        from licensing import receivers

        member_created.connect(receivers.give_default_seat, dispatch_uid="licensing_default_seat")
        member_deactivated.connect(receivers.free_seats, dispatch_uid="licensing_free_seats")
