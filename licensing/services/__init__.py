"""Every write of licensing: subscriptions (by the partner) and seats (by the company admin)."""

from licensing.services._shared import MAX_QUANTITY
from licensing.services.assignments import (
    assignment_give_default_seat,
    assignments_add,
    assignments_free_member,
    assignments_remove,
)
from licensing.services.subscriptions import (
    subscription_change,
    subscription_create,
    subscription_make_default,
    subscription_terminate,
)

__all__ = [
    "MAX_QUANTITY",
    "assignment_give_default_seat",
    "assignments_add",
    "assignments_free_member",
    "assignments_remove",
    "subscription_change",
    "subscription_create",
    "subscription_make_default",
    "subscription_terminate",
]
