"""The audit trail in words for accounts: what each action code means, and the page of each
row an entry names (for a reader who may open it). Registered in ``shell.py``; other modules
register theirs the same way (``cometa.core.registry.Module.audit_actions``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cometa.accounts.access import organisations_for
from cometa.accounts.models import Membership, Person
from cometa.core.registry import ObjectLink, Text

ACTIONS: dict[str, Text] = {
    "organisation.create": _("Organisation created"),
    "organisation.update": _("Organisation changed"),
    "person.create": _("Person added"),
    "person.update": _("Person changed"),
    "person.password": _("Password changed"),
    "person.second_factor.enrol": _("Second factor set up"),
    "person.second_factor.reset": _("Second factor reset"),
    "membership.add": _("Member added"),
    "membership.remove": _("Member removed"),
    "membership.role": _("Member's role changed"),
    "token.create": _("API token made"),
    "token.revoke": _("API token revoked"),
}

ROW_ID_DIGITS = 18  # ids past 10^18 cannot be rows (and overflow SQLite's integers)


def row_id(object_id: str) -> int | None:
    """The row id an audit entry names, or ``None`` when it is not one."""
    if object_id.isdigit() and len(object_id) <= ROW_ID_DIGITS:
        return int(object_id)
    return None


def _organisation_page(person: Person, pk: int | None) -> str | None:
    if pk is None or not organisations_for(person).filter(pk=pk).exists():
        return None
    return reverse("accounts:organisation", args=[pk])


def _organisation(person: Person, object_id: str) -> str | None:
    return _organisation_page(person, row_id(object_id))


def _membership(person: Person, object_id: str) -> str | None:
    pk = row_id(object_id)
    if pk is None:
        return None
    found = Membership.objects.filter(pk=pk).values_list("organisation_id", flat=True)
    return _organisation_page(person, found[0]) if found else None


OBJECT_LINKS: dict[str, ObjectLink] = {
    "accounts.organisation": _organisation,
    "accounts.membership": _membership,
}
