from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cometa.accounts import services
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Organisation, Person
from cometa.accounts.models.organisations import OrganisationKind
from cometa.accounts.roles import Role
from cometa.core.errors import ServiceError


class Command(BaseCommand):
    help = "Administer organisations: create, list, add-member."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="create an organisation")
        create.add_argument("name")
        create.add_argument("--kind", required=True, choices=OrganisationKind.values)
        create.add_argument("--parent", help="name of the organisation it belongs to")
        create.add_argument("--country", default="", help="ISO 3166 alpha-3 code")
        create.add_argument("--region", default="")
        sub.add_parser("list", help="list organisations")
        member = sub.add_parser("add-member", help="give a person a role in an organisation")
        member.add_argument("organisation", help="organisation name")
        member.add_argument("email")
        member.add_argument("--role", required=True, choices=Role.values)
        member.add_argument("--title", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, "do_" + options["action"].replace("-", "_"))(options)
        except ServiceError as error:
            raise CommandError(error.message) from None

    def _organisation(self, name: str) -> Organisation:
        organisation = Organisation.objects.filter(name__iexact=name.strip()).first()
        if organisation is None:
            raise CommandError(f"No organisation is named {name!r}.")
        return organisation

    def do_create(self, options: dict[str, Any]) -> None:
        parent = self._organisation(options["parent"]) if options["parent"] else None
        organisation = services.organisation_create(
            actor=SYSTEM,
            name=options["name"],
            kind=options["kind"],
            parent=parent,
            country=options["country"],
            region=options["region"],
        )
        self.stdout.write(f"Created {organisation.name} (id {organisation.pk}).")

    def do_list(self, options: dict[str, Any]) -> None:
        for organisation in Organisation.objects.select_related("parent").order_by("name"):
            parent = f"  ⊂ {organisation.parent.name}" if organisation.parent else ""
            self.stdout.write(
                f"{organisation.pk:>5}  {organisation.name} [{organisation.kind}]{parent}"
            )

    def do_add_member(self, options: dict[str, Any]) -> None:
        organisation = self._organisation(options["organisation"])
        person = Person.objects.filter(email__iexact=options["email"]).first()
        if person is None:
            raise CommandError(f"No person has the e-mail address {options['email']!r}.")
        services.membership_add(
            actor=SYSTEM,
            organisation=organisation,
            person=person,
            role=options["role"],
            title=options["title"],
        )
        self.stdout.write(f"{person.email} is now {options['role']} of {organisation.name}.")
