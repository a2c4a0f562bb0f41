from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self) -> None:
        from companies.signals import company_renamed
        from partners import receivers

        company_renamed.connect(
            receivers.tell_partner_of_rename, dispatch_uid="partners_tell_partner_of_rename"
        )
