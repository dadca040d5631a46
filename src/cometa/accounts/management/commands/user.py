from __future__ import annotations

import getpass
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cometa.accounts import second_factor, services
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Person
from cometa.core.errors import ServiceError


class Command(BaseCommand):
    help = "Administer people: create, list, set-password, deactivate, reset-second-factor."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="create a person")
        create.add_argument("email")
        create.add_argument("--name", required=True, help="full name")
        create.add_argument("--admin", action="store_true", help="platform administrator")
        create.add_argument("--password-stdin", action="store_true", help="read the password")
        sub.add_parser("list", help="list people")
        password = sub.add_parser("set-password", help="set a password (asked for)")
        password.add_argument("email")
        password.add_argument("--password-stdin", action="store_true")
        deactivate = sub.add_parser("deactivate", help="stop a person from signing in")
        deactivate.add_argument("email")
        reset = sub.add_parser("reset-second-factor", help="clear a lost second factor")
        reset.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, "do_" + options["action"].replace("-", "_"))(options)
        except ServiceError as error:
            raise CommandError(error.message) from None

    def _person(self, email: str) -> Person:
        person = Person.objects.filter(email__iexact=email.strip()).first()
        if person is None:
            raise CommandError(f"No person has the e-mail address {email!r}.")
        return person

    def _password(self, options: dict[str, Any]) -> str:
        if options.get("password_stdin"):
            return self.stdin_line()
        first = getpass.getpass("New password: ")
        if first != getpass.getpass("Repeat it: "):
            raise CommandError("The two passwords differ; nothing was changed.")
        return first

    def stdin_line(self) -> str:
        import sys

        return sys.stdin.readline().rstrip("\n")

    def do_create(self, options: dict[str, Any]) -> None:
        password = self._password(options) if options["password_stdin"] else None
        person = services.person_create(
            actor=SYSTEM,
            email=options["email"],
            full_name=options["name"],
            password=password,
            is_platform_admin=options["admin"],
        )
        self.stdout.write(f"Created {person.email} (id {person.pk}).")
        if password is None:
            self.stdout.write("No password yet: use `cometa user set-password` or a reset link.")

    def do_list(self, options: dict[str, Any]) -> None:
        for person in Person.objects.order_by("email"):
            flags = ("admin " if person.is_platform_admin else "") + (
                "" if person.is_active else "inactive"
            )
            self.stdout.write(f"{person.pk:>5}  {person.email:<40} {person.full_name:<30} {flags}")

    def do_set_password(self, options: dict[str, Any]) -> None:
        person = self._person(options["email"])
        services.password_set(actor=SYSTEM, person=person, new_password=self._password(options))
        self.stdout.write(f"Password set for {person.email}.")

    def do_deactivate(self, options: dict[str, Any]) -> None:
        person = self._person(options["email"])
        services.person_update(actor=SYSTEM, person=person, is_active=False)
        self.stdout.write(f"{person.email} can no longer sign in.")

    def do_reset_second_factor(self, options: dict[str, Any]) -> None:
        person = self._person(options["email"])
        second_factor.reset(actor=SYSTEM, person=person)
        self.stdout.write(f"{person.email} will set up a new second factor at next sign-in.")
