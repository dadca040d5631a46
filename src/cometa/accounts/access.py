"""Selectors: every read of accounts data goes through here with the acting person.

A row outside what the person may see is reported as missing (404), never as
forbidden, so its existence is not revealed.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from cometa.accounts.models import AuditEntry, Membership, Organisation, Person
from cometa.accounts.roles import Role, can_administer, can_edit

MAX_DEPTH = 4  # country team > entity, network > member: nesting stays shallow


_ROLES = "_cometa_roles"  # a person's memberships, read once per Person object (per request)


def _roles(person: Person) -> dict[int, str]:
    """Organisation id → role. Read once for the Person object and kept on it: a request
    asks many times (navigation, landing page, selectors); services that change
    memberships call :func:`forget_memberships`."""
    if not person.is_authenticated:
        return {}
    known: dict[int, str] | None = getattr(person, _ROLES, None)
    if known is None:
        known = dict(
            Membership.objects.filter(person=person).values_list("organisation_id", "role")
        )
        setattr(person, _ROLES, known)
    return known


def forget_memberships(*people: Person | None) -> None:
    """Drop what :func:`_roles` kept, after a change to these people's memberships."""
    for person in people:
        if person is not None and hasattr(person, _ROLES):
            delattr(person, _ROLES)


def member_organisation_ids(person: Person) -> set[int]:
    return set(_roles(person))


def roles_by_organisation(person: Person) -> dict[int, str]:
    return dict(_roles(person))


def with_descendants(ids: set[int]) -> set[int]:
    found, frontier = set(ids), set(ids)
    for _ in range(MAX_DEPTH):
        frontier = (
            set(Organisation.objects.filter(parent_id__in=frontier).values_list("id", flat=True))
            - found
        )
        if not frontier:
            break
        found |= frontier
    return found


def is_reviewer(person: Person) -> bool:
    return Role.REVIEWER in _roles(person).values()


def organisations_for(person: Person) -> QuerySet[Organisation]:
    """Organisations the person belongs to, those they contain, and (for reviewers and
    administrators) all organisations."""
    if not person.is_authenticated or not person.is_active:
        return Organisation.objects.none()
    if person.is_platform_admin or is_reviewer(person):
        return Organisation.objects.all()
    visible = with_descendants(member_organisation_ids(person))
    return Organisation.objects.filter(id__in=visible)


def organisation_get(person: Person, organisation_id: object) -> Organisation:
    try:
        return organisations_for(person).get(pk=int(str(organisation_id)))
    except (Organisation.DoesNotExist, ValueError):
        raise Http404("No such organisation.") from None


def role_in_or_above(person: Person, organisation: Organisation) -> str | None:
    roles = roles_by_organisation(person)
    node: Organisation | None = organisation
    for _ in range(MAX_DEPTH + 1):
        if node is None:
            return None
        if node.pk in roles:
            return roles[node.pk]
        node = node.parent
    return None


def may_edit(person: Person, organisation: Organisation) -> bool:
    role = role_in_or_above(person, organisation)
    return person.is_platform_admin or (role is not None and can_edit(role))


def may_administer(person: Person, organisation: Organisation) -> bool:
    role = role_in_or_above(person, organisation)
    return person.is_platform_admin or (role is not None and can_administer(role))


def memberships_for(person: Person, organisation: Organisation) -> QuerySet[Membership]:
    organisation = organisation_get(person, organisation.pk)
    return Membership.objects.filter(organisation=organisation).select_related("person")


def membership_get(person: Person, membership_id: object) -> Membership:
    visible = organisations_for(person)
    try:
        return Membership.objects.select_related("person", "organisation").get(
            pk=int(str(membership_id)), organisation__in=visible
        )
    except (Membership.DoesNotExist, ValueError):
        raise Http404("No such membership.") from None


def people_for(person: Person) -> QuerySet[Person]:
    if not person.is_authenticated:
        return Person.objects.none()
    if person.is_platform_admin:
        return Person.objects.all()
    orgs = organisations_for(person)
    return Person.objects.filter(Q(memberships__organisation__in=orgs) | Q(pk=person.pk)).distinct()


def audit_entries_for(person: Person) -> QuerySet[AuditEntry]:
    if not person.is_authenticated or not person.is_platform_admin:
        return AuditEntry.objects.none()
    return AuditEntry.objects.select_related("actor")
