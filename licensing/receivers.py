"""Member lifecycle events of ``companies``, answered by licensing's services."""

from __future__ import annotations

from typing import Any

from licensing import services


def give_default_seat(sender: Any, *, member: Any, actor: Any = None, **kwargs: Any) -> None:
    services.assignment_give_default_seat(member=member, actor=actor)


def free_seats(sender: Any, *, member: Any, actor: Any = None, **kwargs: Any) -> None:
    services.assignments_free_member(member=member, actor=actor)
