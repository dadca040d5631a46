from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cometa.accounts import audit
from cometa.core.progress import Progress


class Command(BaseCommand):
    help = "Work with the audit trail: `cometa audit verify` checks its hash chain."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="check that no entry was altered, deleted, inserted or moved")

    def handle(self, *args: Any, **options: Any) -> None:
        progress = Progress("Audit entries checked")
        report = audit.verify(progress=progress.update)
        if not report.ok:
            raise CommandError(f"the audit trail was tampered with at {report.problem}")
        self.stdout.write(f"Audit trail intact: {report.checked} entries, head {report.head_hash}")
