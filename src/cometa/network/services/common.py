"""What the network's services share: refusals and the audit entry."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from django.db import models

from cometa.accounts import audit
from cometa.accounts.acting import Actor
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.network.codes import StaffRole

#: Who may teach a cohort or a session, and who may be named as a woman's mentor.
TEACHING = frozenset({StaffRole.INSTRUCTOR.value, StaffRole.FACILITATOR.value})
MENTORING = frozenset({StaffRole.MENTOR.value})


def invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed({field: [message]})


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotPermitted(message)


@cache
def _values(choices: type[models.Choices]) -> frozenset[object]:
    """A code list's values, read once (Django builds a new list at each ``.values``)."""
    return frozenset(choices.values)


def choice(field: str, value: str, choices: type[models.Choices], message: str) -> str:
    if value not in _values(choices):
        raise invalid(field, message % {"value": value})
    return value


def staff_of(
    field: str, staff: Any, *, member_id: int, roles: frozenset[str], message: str
) -> None:
    """Refuses staff named on a record who belong to another member or do another job
    (a mentor teaching a cohort, an instructor recorded as a mentor)."""
    if staff is not None and (staff.member_id != member_id or staff.role not in roles):
        raise invalid(field, message)


def record(
    *,
    actor: Actor,
    action: str,
    target: models.Model,
    organisation_id: int | None,
    changes: Mapping[str, Any] | None = None,
) -> None:
    """The audit entry, inside the caller's transaction. Targets print no names (see the
    models' ``__str__``), so entries carry codes and ids, never identities."""
    audit.record(
        actor=actor,
        action=f"network.{action}",
        target=target,
        changes=changes or {},
        organisation_id=organisation_id,
    )
