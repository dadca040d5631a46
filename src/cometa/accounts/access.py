"""Selectors: every read of accounts data goes through here with the acting person.

A row outside what the person may see is reported as missing (404), never as
forbidden, so its existence is not revealed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from django.db.models import Q, QuerySet
from django.http import Http404

from cometa.accounts.models import AuditEntry, Membership, Organisation, Person
from cometa.accounts.models.organisations import ALLOWED_PARENTS
from cometa.accounts.roles import Role, can_administer, can_edit

T = TypeVar("T")
HOLDING_KINDS = frozenset().union(*ALLOWED_PARENTS.values())  # kinds that may hold others
MAX_DEPTH = 4  # country team > entity, network > member: nesting stays shallow


_MEMO = "_cometa_memo"  # what is known of a person's memberships, per Person object (request)


@dataclass(frozen=True)
class MembershipFact:
    """One of a person's memberships, with what the access rules ask of its organisation."""

    organisation_id: int
    role: str
    parent_id: int | None
    kind: str
    parent_kind: str | None
    name: str


_generation = [0]  # bumped by every change to memberships or to the organisation tree


def remembered(person: Person, key: str, compute: Callable[[], T]) -> T:
    """``compute()`` once per Person object (a request's person): the navigation, the landing
    page and the selectors ask the same questions many times. Services that change
    memberships or the organisation tree call :func:`forget_memberships`, which makes every
    Person object of this process forget (a long-lived object, as in a command or a test,
    never reads a stale answer)."""
    memo: dict[str, Any] | None = getattr(person, _MEMO, None)
    if memo is None or memo.get("generation") != _generation[0]:
        memo = {"generation": _generation[0]}
        setattr(person, _MEMO, memo)
    if key not in memo:
        memo[key] = compute()
    return cast(T, memo[key])


def membership_facts(person: Person) -> tuple[MembershipFact, ...]:
    """The person's memberships, read in one query."""
    if not person.is_authenticated:
        return ()

    def read() -> tuple[MembershipFact, ...]:
        rows = Membership.objects.filter(person=person).values_list(
            "organisation_id",
            "role",
            "organisation__parent_id",
            "organisation__kind",
            "organisation__parent__kind",
            "organisation__name",
        )
        return tuple(MembershipFact(*row) for row in rows)

    return remembered(person, "facts", read)


def _roles(person: Person) -> dict[int, str]:
    """Organisation id → role."""
    return remembered(
        person, "roles", lambda: {f.organisation_id: f.role for f in membership_facts(person)}
    )


def forget_memberships(*people: Person | None) -> None:
    """Drop what was remembered, after a change to memberships or to the organisation tree."""
    _generation[0] += 1
    for person in people:
        if person is not None and hasattr(person, _MEMO):
            delattr(person, _MEMO)


def member_organisation_ids(person: Person) -> set[int]:
    return set(_roles(person))


def roles_by_organisation(person: Person) -> dict[int, str]:
    return dict(_roles(person))


def with_descendants(ids: set[int]) -> set[int]:
    """``ids`` and every organisation below them. Only organisations of a kind that may hold
    others are looked under (a UN entity holds nothing), so a country team costs one query."""
    if not ids:
        return set()
    found, frontier = set(ids), set(ids)
    for _ in range(MAX_DEPTH):
        children = Organisation.objects.filter(parent_id__in=frontier).order_by()
        rows = [(pk, kind) for pk, kind in children.values_list("id", "kind") if pk not in found]
        found |= {pk for pk, _kind in rows}
        frontier = {pk for pk, kind in rows if kind in HOLDING_KINDS}
        if not frontier:
            break
    return found


def is_reviewer(person: Person) -> bool:
    return Role.REVIEWER in _roles(person).values()


def member_organisations_and_below(person: Person) -> set[int]:
    """The person's organisations and those they contain. Only kinds that may hold others
    (country teams, backbones) are looked under: a UN entity's editor costs no query."""

    def below() -> set[int]:
        facts = membership_facts(person)
        holders = {f.organisation_id for f in facts if f.kind in HOLDING_KINDS}
        return {f.organisation_id for f in facts} | with_descendants(holders)

    return remembered(person, "below", below)


def organisations_for(person: Person) -> QuerySet[Organisation]:
    """Organisations the person belongs to, those they contain, and (for reviewers and
    administrators) all organisations."""
    if not person.is_authenticated or not person.is_active:
        return Organisation.objects.none()
    if person.is_platform_admin or is_reviewer(person):
        return Organisation.objects.all()
    visible = member_organisations_and_below(person)
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
