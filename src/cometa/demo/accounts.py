"""Demo organisations and people (``cometa/demo/data/accounts.yaml``), created through the
accounts services by the system. Idempotent: what exists is left as it is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyotp
from django.db import transaction
from django.utils import timezone

from cometa.accounts import services
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Membership, Organisation, Person
from cometa.demo.loading import ACCOUNTS, DemoDataError, read

DEMO_PASSWORD = "demo-cometa-2026"  # noqa: S105  (printed by `cometa demo`)
DOMAIN = "demo.cometa.example"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    password: str
    role: str


def _organisations(items: list[dict[str, Any]]) -> dict[str, Organisation]:
    found: dict[str, Organisation] = {}
    for item in items:
        name = item["name"]
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            parent = item.get("parent")
            if parent and parent not in found:
                raise DemoDataError(f"{ACCOUNTS}: {name}: its parent {parent!r} comes later")
            organisation = services.organisation_create(
                actor=SYSTEM,
                name=name,
                kind=item["kind"],
                parent=found[parent] if parent else None,
                country=item.get("country", ""),
                region=item.get("region", ""),
            )
        found[name] = organisation
    return found


def _person(item: dict[str, Any]) -> Person:
    email = f"{item['account']}@{DOMAIN}"
    person = Person.objects.filter(email=email).first()
    if person is None:
        person = services.person_create(
            actor=SYSTEM,
            email=email,
            full_name=item["name"],
            password=DEMO_PASSWORD,
            is_platform_admin=item.get("platform_admin", False),
        )
    return person


def _second_factor(person: Person) -> None:
    """Enrolled already, so that the demo's sign-in can show the code (no audit entry: the
    enrolment service would also use up the current code, which the demo shows)."""
    if not person.has_second_factor:
        person.totp_secret = pyotp.random_base32()
        person.totp_confirmed_at = timezone.now()
        person.save(update_fields=["totp_secret", "totp_confirmed_at"])


def _membership(person: Person, organisation: Organisation, item: dict[str, Any]) -> None:
    if not Membership.objects.filter(person=person, organisation=organisation).exists():
        services.membership_add(
            actor=SYSTEM,
            organisation=organisation,
            person=person,
            role=item["role"],
            title=item["title"],
        )


@transaction.atomic
def build_accounts() -> list[DemoAccount]:
    data = read(ACCOUNTS, "accounts")
    organisations = _organisations(data["organisations"])
    accounts = []
    for item in data["people"]:
        person = _person(item)
        org_name = item.get("organisation")
        if org_name:
            _membership(person, organisations[org_name], item)
        if item.get("second_factor"):
            _second_factor(person)
        label = "platform administrator" if item.get("platform_admin") else ""
        if org_name:
            label = f"{item['role']} · {org_name}"
        marker = " *" if item.get("second_factor") else ""  # signs in with a second factor
        accounts.append(DemoAccount(person.email, DEMO_PASSWORD, label + marker))
    return accounts
