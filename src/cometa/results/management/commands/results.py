"""``cometa results``: the results module from the command line.

Each subcommand lives in its own module of ``cometa.results.management`` with
``add_parser(subparsers)`` (which sets ``handler`` on its parser) and a handler
``(options, stdout)``; adding one is one line in ``SUBCOMMANDS``. Commands act as the
system, as the other administration commands do.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cometa.results.management import iati, report_command

SUBCOMMANDS = (iati.add_import_parser, iati.add_export_parser, report_command.add_report_parser)


class Command(BaseCommand):
    help = "Results: import and export IATI files; write an office's annual results report."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        for add in SUBCOMMANDS:
            add(sub)

    def handle(self, *args: Any, **options: Any) -> None:
        options["handler"](options, self.stdout)
