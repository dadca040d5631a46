from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cometa.core.backup import BackupError, restore
from cometa.core.progress import Progress


class Command(BaseCommand):
    help = "Replace the database with a backup made by `cometa backup`. Stop the server first."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="backup file")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            answer = input("This replaces all current data with the backup. Type 'restore': ")
            if answer.strip() != "restore":
                raise CommandError("Not confirmed; nothing was changed.")
        progress = Progress("Restore")
        try:
            restore(Path(options["source"]), progress=lambda done, total: progress.update(done))
        except BackupError as error:
            raise CommandError(str(error)) from None
        progress.done()
        self.stdout.write("Restored. Run `cometa audit verify` to check the audit trail.")
