"""Who acts: the person behind a request, or the platform itself.

Every service takes ``actor: Actor``: a :class:`Person`, whose permission the service
checks, or :data:`SYSTEM`, the platform acting for itself (the demo, the operator's
commands, loading the shipped frameworks), for which the permission check is skipped and
the audit entry reads "system". ``None`` is not an actor: the type refuses it and
:func:`is_system` raises ``TypeError`` for it at run time, so no service can be called
"for nobody" by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Final, TypeAlias, final

from cometa.accounts.models import Person

if TYPE_CHECKING:
    from typing_extensions import TypeIs


@final
@dataclass(frozen=True)
class SystemActor:
    """The platform acting for itself. Use the one instance, :data:`SYSTEM`."""

    label: ClassVar[str] = "system"  # the audit trail's actor label for its entries

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM: Final = SystemActor()

Actor: TypeAlias = Person | SystemActor


def is_system(actor: Actor) -> TypeIs[SystemActor]:
    """True for :data:`SYSTEM`, false for a person. Anything else (``None`` above all, the
    old spelling of "the system") is a programming error and raises ``TypeError``."""
    if isinstance(actor, SystemActor):
        return True
    if isinstance(actor, Person):
        return False
    if actor is None:
        raise TypeError(
            "actor=None is not an actor: pass the acting person, or "
            "cometa.accounts.acting.SYSTEM when the platform acts for itself"
        )
    raise TypeError(f"{actor!r} is not an actor: expected a Person or acting.SYSTEM")


def person_or_none(actor: Actor) -> Person | None:
    """The person to store in a "done by" column (``created_by``, ``uploaded_by``...):
    the acting person, or no one when the system acted."""
    return None if is_system(actor) else actor


def person_of(request: Any) -> Person:
    """The signed-in person. Views reach this only behind login_required or an API
    permission that demands authentication, so anything else is a programming error."""
    user = request.user
    if not isinstance(user, Person):
        raise PermissionError("person_of() needs a signed-in person")
    return user
