from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _free_line_of_deactivated_member(sender, *, member, actor=None, **kwargs) -> None:
    from telephony.services.pbx import line_free_for_deactivated_member

    line_free_for_deactivated_member(member=member, actor=actor)


class TelephonyConfig(AppConfig):
    name = "telephony"
    verbose_name = _("Telephony")

    def ready(self) -> None:
        from companies.signals import member_deactivated

        member_deactivated.connect(
            _free_line_of_deactivated_member, dispatch_uid="telephony.free_line"
        )
