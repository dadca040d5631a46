"""``cometa results``: the results module from the command line.

Each subcommand lives in its own module of ``cometa.results.management`` with
``add_parsers(sub)`` and ``HANDLERS`` (name -> ``handler(options, stdout)``), listed in
:data:`PARTS`; this file only puts them together.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cometa.results.management import report_command

#: One module per group of subcommands: ``report``.
PARTS: tuple[ModuleType, ...] = (report_command,)


class Command(BaseCommand):
    help = "Results: write an office's annual results report."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        for part in PARTS:
            part.add_parsers(sub)

    def handle(self, *args: Any, **options: Any) -> None:
        for part in PARTS:
            if options["action"] in part.HANDLERS:
                part.HANDLERS[options["action"]](options, self.stdout)
                return
