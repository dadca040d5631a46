from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from cometa.core.server import serve


def add_server_arguments(parser: CommandParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.add_argument(
        "--workers", type=int, default=int(os.environ.get("COMETA_WORKERS", "2")), help="processes"
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=int(os.environ.get("COMETA_THREADS", "4")),
        help="per process",
    )


def prepare(command: BaseCommand) -> None:
    """Applies migrations and collects static files if they are missing."""
    call_command("migrate", interactive=False, verbosity=0)
    manifest = settings.STATIC_ROOT / "staticfiles.json"
    if settings.RELAXED or not manifest.exists():
        command.stderr.write("Collecting static files…")
        call_command("collectstatic", interactive=False, verbosity=0)


class Command(BaseCommand):
    help = "Apply migrations, collect static files if needed, and serve Cometa with gunicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        add_server_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        prepare(self)
        self.stdout.write(f"Cometa listens on http://{options['host']}:{options['port']}/")
        serve(
            host=options["host"],
            port=options["port"],
            workers=options["workers"],
            threads=options["threads"],
        )
