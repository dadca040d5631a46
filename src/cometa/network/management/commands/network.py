"""``cometa network``: the shared-measurement network from the command line.

``import`` and ``export`` move participants, enrolments, attendance and follow-ups in and
out as CSV or XLSX files in the template's shape (``network.management.files``). They act
as the system, as the other administration commands do: an import on behalf of the
member given, an export pseudonymous (the system never reads identities).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cometa.network.management import files


class Command(BaseCommand):
    help = "Shared measurement: import and export records as CSV or XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        files.add_parsers(sub)

    def handle(self, *args: Any, **options: Any) -> None:
        files.HANDLERS[options["action"]](options, self.stdout)
