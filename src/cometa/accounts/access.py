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


def member_organisation_ids(person: Person) -> set[int]:
    if not person.is_authenticated:
        return set()
    cache = getattr(person, "_member_org_ids", None)
    if cache is None:
        cache = set(
            Membership.objects.filter(person=person).values_list("organisation_id", flat=True)
        )
        person._member_org_ids = cache  # type: ignore[attr-defined]
    return cache


def roles_by_organisation(person: Person) -> dict[int, str]:
    if not person.is_authenticated:
        return {}
    return dict(Membership.objects.filter(person=person).values_list("organisation_id", "role"))


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
    if not person.is_authenticated:
        return False
    return Membership.objects.filter(person=person, role=Role.REVIEWER).exists()


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
