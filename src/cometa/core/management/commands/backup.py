from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from cometa.core.archive import write_archive
from cometa.core.backup import BackupError
from cometa.core.progress import Phases


class Command(BaseCommand):
    help = (
        "Write one archive (tar) with a consistent copy of the database, every stored file "
        "and a manifest of their SHA-256 digests, while the platform keeps running."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("target", nargs="?", help="file to write (default: a dated name)")

    def handle(self, *args: Any, **options: Any) -> None:
        stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
        target = Path(options["target"] or f"cometa-backup-{stamp}.tar")
        progress = Phases("Backup")
        try:
            written = write_archive(target, progress=progress)
        except BackupError as error:
            raise CommandError(str(error)) from None
        finally:
            progress.finish()
        self.stdout.write(f"Backup written to {written}")
