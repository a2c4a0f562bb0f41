"""Activity and notification texts of licensing, one per offer so the offer's name is translated.

Messages are stored untranslated (``gettext_noop``, or ``ngettext_lazy`` naming the parameter that
counts) with their parameters and translated when read; a parameter is never translated, so the
offer's name is part of each text.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop, ngettext_lazy

SUBSCRIBED = {
    "essential": ngettext_lazy(
        "%(actor)s subscribed %(quantity)s Essential license.",
        "%(actor)s subscribed %(quantity)s Essential licenses.",
        "quantity",
    ),
    "business": ngettext_lazy(
        "%(actor)s subscribed %(quantity)s Business license.",
        "%(actor)s subscribed %(quantity)s Business licenses.",
        "quantity",
    ),
    "enterprise": ngettext_lazy(
        "%(actor)s subscribed %(quantity)s Enterprise license.",
        "%(actor)s subscribed %(quantity)s Enterprise licenses.",
        "quantity",
    ),
    "attendant": ngettext_lazy(
        "%(actor)s subscribed %(quantity)s Attendant license.",
        "%(actor)s subscribed %(quantity)s Attendant licenses.",
        "quantity",
    ),
}
QUANTITY_CHANGED = {
    "essential": gettext_noop(
        "%(actor)s changed the Essential licenses from %(old)s to %(quantity)s."
    ),
    "business": gettext_noop(
        "%(actor)s changed the Business licenses from %(old)s to %(quantity)s."
    ),
    "enterprise": gettext_noop(
        "%(actor)s changed the Enterprise licenses from %(old)s to %(quantity)s."
    ),
    "attendant": gettext_noop(
        "%(actor)s changed the Attendant licenses from %(old)s to %(quantity)s."
    ),
}
TERMINATED = {
    "essential": gettext_noop("%(actor)s terminated the subscription of Essential licenses."),
    "business": gettext_noop("%(actor)s terminated the subscription of Business licenses."),
    "enterprise": gettext_noop("%(actor)s terminated the subscription of Enterprise licenses."),
    "attendant": gettext_noop("%(actor)s terminated the subscription of Attendant licenses."),
}
ASSIGNED = {
    "essential": gettext_noop("%(actor)s gave an Essential license to %(members)s."),
    "business": gettext_noop("%(actor)s gave a Business license to %(members)s."),
    "enterprise": gettext_noop("%(actor)s gave an Enterprise license to %(members)s."),
    "attendant": gettext_noop("%(actor)s gave an Attendant license to %(members)s."),
}
UNASSIGNED = {
    "essential": gettext_noop("%(actor)s took the Essential license back from %(members)s."),
    "business": gettext_noop("%(actor)s took the Business license back from %(members)s."),
    "enterprise": gettext_noop("%(actor)s took the Enterprise license back from %(members)s."),
    "attendant": gettext_noop("%(actor)s took the Attendant license back from %(members)s."),
}
DEFAULT_CHOSEN = {
    "essential": gettext_noop("%(actor)s made the Essential subscription the default."),
    "business": gettext_noop("%(actor)s made the Business subscription the default."),
    "enterprise": gettext_noop("%(actor)s made the Enterprise subscription the default."),
    "attendant": gettext_noop("%(actor)s made the Attendant subscription the default."),
}
PURCHASE_ORDER_CHANGED = gettext_noop(
    "%(actor)s set the purchase order of a subscription to %(purchase_order)s."
)
DEFAULT_SEAT = gettext_noop("%(member)s received a license of the default subscription.")
SEATS_FREED = gettext_noop("The licenses of %(member)s were freed (%(count)s).")
