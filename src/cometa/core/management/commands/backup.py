from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from cometa.core.backup import BackupError, backup
from cometa.core.progress import Progress


class Command(BaseCommand):
    help = "Write a consistent copy of the database while the platform keeps running."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("target", nargs="?", help="file to write (default: a dated name)")

    def handle(self, *args: Any, **options: Any) -> None:
        stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
        target = Path(options["target"] or f"cometa-backup-{stamp}.db")
        progress = Progress("Backup")
        try:
            written = backup(target, progress=lambda done, total: progress.update(done))
        except BackupError as error:
            raise CommandError(str(error)) from None
        progress.done()
        self.stdout.write(f"Backup written to {written}")
