"""What accounts adds to the shell: its routes, navigation, landing-page cards and the
search of organisations (see ``cometa.core.registry``)."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cometa.accounts import audit_words
from cometa.accounts.access import membership_facts, organisations_for, roles_by_organisation
from cometa.accounts.models import Person
from cometa.accounts.models.organisations import OrganisationKind
from cometa.accounts.roles import Role
from cometa.core.registry import Card, Link, Module, NavEntry, Routes, SearchHit

SHOWN = 20  # organisations on the landing page


def _is_admin(person: Person) -> bool:
    return bool(person.is_platform_admin)


def cards(person: Person) -> Iterator[Card]:
    """The role cards and the person's organisations."""
    roles = roles_by_organisation(person)
    role_set = set(roles.values())
    if not roles and not person.is_platform_admin:
        yield Card(
            "no-role",
            _("No organisation yet"),
            _("You are not a member of any organisation yet. Ask a coordinator to add you."),
            order=1,
        )
    if person.is_platform_admin:
        links = (
            Link(_("Create an organisation"), reverse("accounts:organisation-create")),
            Link(_("Browse the audit trail"), reverse("accounts:audit")),
        )
        yield Card("admin", _("Platform administration"), links=links, order=50)
    if Role.COORDINATOR in role_set:
        text = _(
            "You administer organisations: add members, set their roles, "
            "and submit work for review."
        )
        yield Card("coord", _("Coordination"), text, order=60)
    if Role.REVIEWER in role_set:
        all_link = Link(_("All organisations"), reverse("accounts:organisations"))
        text = _("You review the work of several organisations.")
        yield Card("rev", _("Quality assurance"), text, links=(all_link,), order=70)
    if Role.EDITOR in role_set:
        text = _("You can enter and change data for your organisations.")
        yield Card("edit", _("Your work"), text, order=80)
    # The person's own organisations, which every rule lets them see.
    facts = sorted(membership_facts(person), key=lambda fact: fact.name)[:SHOWN]
    kinds = {value: str(label) for value, label in OrganisationKind.choices}
    mine = tuple(
        Link(f.name, reverse("accounts:organisation", args=[f.organisation_id]), kinds[f.kind])
        for f in facts
    )
    yield Card("orgs", _("Your organisations"), "" if mine else _("None yet."), mine, order=90)


def search(person: Person, query: str, limit: int) -> Iterator[SearchHit]:
    rows = organisations_for(person).filter(name__icontains=query).order_by("name")[:limit]
    for row in rows:
        url = reverse("accounts:organisation", args=[row.pk])
        yield SearchHit(_("Organisation"), row.name, url, row.get_kind_display())


MODULE = Module(
    key="accounts",
    label=gettext_lazy("Accounts"),
    web=(Routes("", "cometa.accounts.urls"),),
    api=(Routes("", "cometa.accounts.api_urls"),),
    navigation=(
        NavEntry(
            gettext_lazy("Organisations"), "accounts:organisations", 80, paths=("/organisations/",)
        ),
        NavEntry(gettext_lazy("Audit trail"), "accounts:audit", 85, _is_admin, ("/audit/",)),
        NavEntry(gettext_lazy("My account"), "accounts:profile", 90, paths=("/accounts/profile/",)),
    ),
    cards=(cards,),
    search=search,
    audit_actions=audit_words.ACTIONS,
    object_links=audit_words.OBJECT_LINKS,
)
