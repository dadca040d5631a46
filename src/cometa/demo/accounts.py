from __future__ import annotations

from dataclasses import dataclass

import pyotp
from django.db import transaction
from django.utils import timezone

from cometa.accounts import services
from cometa.accounts.models import Membership, Organisation, Person
from cometa.accounts.models.organisations import OrganisationKind as Kind
from cometa.accounts.roles import Role

DEMO_PASSWORD = "demo-cometa-2026"  # noqa: S105  (printed by `cometa demo`)
DOMAIN = "demo.cometa.example"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    password: str
    role: str


# name, kind, parent name, country, region
ORGANISATIONS: list[tuple[str, str, str | None, str, str]] = [
    ("UN Country Team Kazakhstan", Kind.COUNTRY_TEAM, None, "KAZ", "Europe and Central Asia"),
    ("UN Women Kazakhstan", Kind.UN_WOMEN_OFFICE, "UN Country Team Kazakhstan", "KAZ", ""),
    ("UNDP Kazakhstan", Kind.UN_ENTITY, "UN Country Team Kazakhstan", "KAZ", ""),
    ("UNFPA Kazakhstan", Kind.UN_ENTITY, "UN Country Team Kazakhstan", "KAZ", ""),
    ("UN Country Team Mexico", Kind.COUNTRY_TEAM, None, "MEX", "Americas and the Caribbean"),
    ("UN Women Mexico", Kind.UN_WOMEN_OFFICE, "UN Country Team Mexico", "MEX", ""),
    ("UN Women Scorecard Review", Kind.UN_WOMEN_OFFICE, None, "", "Global"),
    ("Co-Meta Backbone, Jalisco", Kind.BACKBONE, None, "MEX", "Americas and the Caribbean"),
    ("Centro Comunitario Las Flores", Kind.PARTNER, "Co-Meta Backbone, Jalisco", "MEX", ""),
    ("Centro Comunitario El Mirador", Kind.PARTNER, "Co-Meta Backbone, Jalisco", "MEX", ""),
    ("Fundación Impulso (demo funder)", Kind.FUNDER, "Co-Meta Backbone, Jalisco", "MEX", ""),
]

# local part, full name, organisation, role, title
PEOPLE: list[tuple[str, str, str | None, str | None, str]] = [
    ("admin", "Ada Administrator", None, None, "Platform administrator"),
    ("aigerim", "Aigerim Demo", "UN Country Team Kazakhstan", Role.COORDINATOR, "RC Office"),
    ("daniyar", "Daniyar Demo", "UNDP Kazakhstan", Role.EDITOR, "Programme analyst"),
    ("saule", "Saule Demo", "UN Country Team Kazakhstan", Role.VIEWER, "Communications"),
    ("renata", "Renata Reviewer", "UN Women Scorecard Review", Role.REVIEWER, "Scorecard QA"),
    ("lucia", "Lucía Demo", "Co-Meta Backbone, Jalisco", Role.COORDINATOR, "Backbone lead"),
    ("marta", "Marta Demo", "Centro Comunitario Las Flores", Role.EDITOR, "Data officer"),
    ("olga", "Olga Demo", "UN Women Mexico", Role.VIEWER, "Programme associate"),
]


def _organisations() -> dict[str, Organisation]:
    found: dict[str, Organisation] = {}
    for name, kind, parent, country, region in ORGANISATIONS:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            organisation = services.organisation_create(
                actor=None,
                name=name,
                kind=kind,
                parent=found.get(parent) if parent else None,
                country=country,
                region=region,
            )
        found[name] = organisation
    return found


def _person(local: str, full_name: str, *, admin: bool) -> Person:
    email = f"{local}@{DOMAIN}"
    person = Person.objects.filter(email=email).first()
    if person is None:
        person = services.person_create(
            actor=None,
            email=email,
            full_name=full_name,
            password=DEMO_PASSWORD,
            is_platform_admin=admin,
        )
    return person


def _second_factor(person: Person) -> None:
    if not person.has_second_factor:
        person.totp_secret = pyotp.random_base32()
        person.totp_confirmed_at = timezone.now()
        person.save(update_fields=["totp_secret", "totp_confirmed_at"])


@transaction.atomic
def build_accounts() -> list[DemoAccount]:
    organisations = _organisations()
    accounts = []
    for local, full_name, org_name, role, title in PEOPLE:
        person = _person(local, full_name, admin=org_name is None)
        if org_name and role:
            membership = Membership.objects.filter(
                person=person, organisation=organisations[org_name]
            ).first()
            if membership is None:
                services.membership_add(
                    actor=None,
                    organisation=organisations[org_name],
                    person=person,
                    role=role,
                    title=title,
                )
        needs_code = org_name is None or role == Role.COORDINATOR
        if needs_code:
            _second_factor(person)
        label = ("platform administrator" if org_name is None else f"{role} · {org_name}") + (
            " *" if needs_code else ""
        )
        accounts.append(DemoAccount(person.email, DEMO_PASSWORD, label))
    return accounts
