"""Who may see and change an office's results. Read by selectors and services alike.

- An office's editors and coordinators change its results (their own office only: a
  role in a country team above the office gives no right to change it); platform
  administrators may change any office's.
- Anyone with a role in the office (or in an organisation holding it) reads its results;
  reviewers and platform administrators read every office's.
- ``acting.SYSTEM`` (the demo, operators' commands) may do everything.
"""

from __future__ import annotations

from cometa.accounts import access as accounts_access
from cometa.accounts.acting import Actor, is_system
from cometa.accounts.models import Organisation, Person
from cometa.accounts.roles import can_edit


def _active(person: Person) -> bool:
    return bool(person.is_authenticated and person.is_active)


def reads_all(person: Person) -> bool:
    """Reviewers and platform administrators read every office's results."""
    return _active(person) and (person.is_platform_admin or accounts_access.is_reviewer(person))


def readable_office_ids(person: Person) -> set[int] | None:
    """The offices whose results the person reads; None for all of them."""
    if reads_all(person):
        return None
    if not _active(person):
        return set()
    return accounts_access.member_organisations_and_below(person)


def may_read(person: Person, office: Organisation) -> bool:
    ids = readable_office_ids(person)
    return ids is None or office.pk in ids


def may_edit(actor: Actor, office: Organisation) -> bool:
    """Changes the office's results: its own editors and coordinators, platform
    administrators, the system."""
    if is_system(actor):
        return True
    if not _active(actor):
        return False
    role = accounts_access.roles_by_organisation(actor).get(office.pk)
    return actor.is_platform_admin or (role is not None and can_edit(role))
