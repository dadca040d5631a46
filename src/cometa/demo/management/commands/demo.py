from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cometa.core.management.commands.serve import add_server_arguments, prepare
from cometa.core.progress import Progress
from cometa.core.server import serve
from cometa.demo.build import STEPS, build_demo


class Command(BaseCommand):
    help = "Create or refresh the demo database on the embedded default, then serve it."

    def add_arguments(self, parser: CommandParser) -> None:
        add_server_arguments(parser)
        parser.add_argument("--no-serve", action="store_true", help="only build the demo data")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO:
            raise CommandError("cometa demo must be started as `cometa demo`.")
        if not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
            raise CommandError("The demo runs on the embedded SQLite default; unset DATABASE_URL.")
        prepare(self)
        progress = Progress("Demo data", total=STEPS)
        accounts = build_demo(progress=progress.update)
        progress.done()
        address = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(f"\nCometa demo: {address}\n\nSign in as:")
        for account in accounts:
            self.stdout.write(f"  {account.email:<34} {account.password}   {account.role}")
        self.stdout.write(
            "\nAccounts marked * need a second factor: after the password, the next page "
            "shows the current code.\nData lives in " + str(settings.DATA_DIR) + " (delete "
            "that folder to start afresh). Stop the server with Ctrl-C.\n"
        )
        if not options["no_serve"]:
            serve(
                host=options["host"],
                port=options["port"],
                workers=options["workers"],
                threads=options["threads"],
            )
