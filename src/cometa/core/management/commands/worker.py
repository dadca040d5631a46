from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.crypto import get_random_string

from cometa.core.jobs.config import uses_database_backend
from cometa.core.jobs.worker import Housekeeping


class Command(BaseCommand):
    help = (
        "Run a worker: take queued jobs from the database and run them, reap jobs whose "
        "worker died, remove expired results. Start as many as you like, on any machine "
        "that reaches the database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds between looks at the queue"
        )
        parser.add_argument("--batch", action="store_true", help="run what is queued, then stop")
        parser.add_argument(
            "--parent", type=int, default=None, help="stop when this process is gone"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not uses_database_backend():
            raise CommandError(
                "cometa worker takes jobs from the database; COMETA_TASKS_BACKEND is not "
                "'database' (see docs/jobs.md for the RQ workers)."
            )
        housekeeping = Housekeeping(parent=options["parent"])
        housekeeping.start()
        try:
            call_command(
                "db_worker",
                queue_name="default",
                interval=options["interval"],
                batch=options["batch"],
                reload=False,
                startup_delay=False,
                worker_id=get_random_string(32),
                verbosity=options["verbosity"],
            )
        finally:
            housekeeping.stop()
