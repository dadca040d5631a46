from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cometa.core.archive import Checked, check_archive, restore_archive
from cometa.core.backup import BackupError
from cometa.core.progress import Phases

NO_TERMINAL = (
    "Restoring replaces all current data, and there is no terminal to ask for confirmation: "
    "pass --yes to restore {source}."
)


class Command(BaseCommand):
    help = (
        "Replace the database and put back the stored files from an archive made by "
        "`cometa backup`, after checking every digest. Stop the server first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="backup archive (or a database-only backup)")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args: Any, **options: Any) -> None:
        source = Path(options["source"])
        if not options["yes"] and not sys.stdin.isatty():
            raise CommandError(NO_TERMINAL.format(source=source))
        progress = Phases("Restore")
        try:
            checked = check_archive(source, progress=progress)
            progress.finish()
            self.stdout.write(self._summary(checked))
            if not options["yes"]:
                self._confirm()
            restored = restore_archive(checked, progress=progress)
        except BackupError as error:
            raise CommandError(str(error)) from None
        finally:
            progress.finish()
        if restored.left_in_place:
            self.stdout.write(
                f"{restored.left_in_place} stored files that are not in the backup were left "
                "in place."
            )
        self.stdout.write("Restored. Run `cometa audit verify` to check the audit trail.")

    def _summary(self, checked: Checked) -> str:
        if checked.database_only:
            return (
                f"{checked.source.name}: a database-only backup of an earlier version; "
                "it holds no stored files (evidence), which stay as they are."
            )
        made = checked.manifest.get("created", "?")
        version = checked.manifest.get("cometa", "?")
        return (
            f"{checked.source.name}: made {made} by Cometa {version}; the database and "
            f"{len(checked.files)} stored files match the manifest."
        )

    def _confirm(self) -> None:
        try:
            answer = input("This replaces all current data with the backup. Type 'restore': ")
        except EOFError:
            answer = ""
        if answer.strip() != "restore":
            raise CommandError("Not confirmed; nothing was changed.")
