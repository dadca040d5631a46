"""``cometa indicators load-codelists``: copy the shipped code lists into the database."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cometa.indicators.codelist_store import codelists_sync


class Command(BaseCommand):
    help = "Indicators: load the disaggregation code lists shipped with Cometa."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        commands.add_parser(
            "load-codelists", help="Add or update dimensions and codes; retire removed codes."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = codelists_sync()
        self.stdout.write(
            f"Dimensions added: {len(report.added)}, updated: {len(report.updated)}; "
            f"codes retired: {', '.join(report.retired) or 'none'}."
        )
