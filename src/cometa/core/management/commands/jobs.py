from __future__ import annotations

import json
import shutil
import sys
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cometa.core.errors import ServiceError
from cometa.core.jobs import registry, services
from cometa.core.jobs.models import Job
from cometa.core.jobs.waiting import wait_for_job


def _parameters(pairs: list[str]) -> dict[str, Any]:
    parameters: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise CommandError(f"--param takes key=value, not {pair!r}.")
        parameters[key.strip()] = value
    return parameters


def describe(job: Job) -> dict[str, Any]:
    return {
        "id": job.pk,
        "kind": job.kind,
        "state": job.state,
        "done": job.done,
        "total": job.total,
        "message": job.message,
        "attempts": job.attempts,
        "result": job.result_name or None,
        "error": job.error or None,
    }


class Command(BaseCommand):
    help = "Background jobs: run one (and wait), show one, cancel one, remove expired results."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser("run", help="queue a job and wait for it with a progress line")
        run.add_argument("kind", help="e.g. " + ", ".join(registry.kind_names()))
        run.add_argument("--as", dest="email", required=True, help="the person who asks")
        run.add_argument("--param", action="append", default=[], help="key=value, repeatable")
        run.add_argument("--no-wait", action="store_true", help="print the job's id and return")
        run.add_argument("--output", help="copy the result file here when the job is done")
        show = sub.add_parser("show", help="the state of one job, as JSON")
        show.add_argument("id", type=int)
        sub.add_parser("purge", help="remove finished jobs whose keeping time is over")
        sub.add_parser("reap", help="retry or fail jobs whose worker stopped")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "run":
            self._run(options)
        elif action == "show":
            job = Job.objects.filter(pk=options["id"]).first()
            if job is None:
                raise CommandError(f"There is no job {options['id']}.")
            self.stdout.write(json.dumps(describe(job), indent=2))
        elif action == "purge":
            self.stdout.write(f"Removed {services.purge_expired()} expired jobs.")
        else:
            reaped = services.reap_stale_jobs()
            self.stdout.write(f"Reaped {len(reaped)} jobs whose worker stopped.")

    def _run(self, options: dict[str, Any]) -> None:
        people = get_user_model()
        lookup = {f"{people.USERNAME_FIELD}__iexact": options["email"]}
        person = people.objects.filter(**lookup).first()
        if person is None:
            raise CommandError(f"No person with the address {options['email']}.")
        try:
            job = services.start_job(
                actor=person, kind=options["kind"], parameters=_parameters(options["param"])
            )
        except ServiceError as error:
            raise CommandError(error.message) from None
        if options["no_wait"]:
            self.stdout.write(str(job.pk))
            return
        job = wait_for_job(job, stream=sys.stderr)
        if job.state != "done":
            raise CommandError(f"Job {job.pk} {job.state}: {job.error or job.message}")
        if options["output"]:
            with (
                default_storage.open(job.result_name, "rb") as source,
                open(options["output"], "wb") as target,
            ):
                shutil.copyfileobj(source, target)  # piece by piece, however large
            self.stdout.write(f"Result written to {options['output']}")
        else:
            self.stdout.write(f"Result: {job.result_label} (job {job.pk})")
