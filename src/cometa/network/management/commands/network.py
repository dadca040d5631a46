"""``cometa network``: the shared-measurement network from the command line.

``generate`` makes a deterministic synthetic network (the demo's, or one of any size for
benchmarks and tests); ``purge`` erases what has outlived its retention period; ``import``
and ``export`` move participants, enrolments, attendance and follow-ups in and out as CSV
or XLSX files in the template's shape (``network.management.files``). They act as the
system, as the other administration commands do: an import on behalf of the member given,
an export pseudonymous (the system never reads identities). ``recompute`` rebuilds
the facts the common indicators count (and with ``--period`` stores a run of them);
``indicators`` writes a stored run as CSV or XLSX (``network.management.indicators``).
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from cometa.accounts.acting import SYSTEM
from cometa.core.errors import ValidationFailed
from cometa.core.progress import Progress
from cometa.network.generator.run import generate
from cometa.network.management import files
from cometa.network.management import indicators as indicator_files
from cometa.network.models import Network
from cometa.network.services import indicators, retention


class Command(BaseCommand):
    help = "Shared measurement: generate, purge, import and export."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        made = sub.add_parser("generate", help="make a synthetic Co-Meta-like network")
        made.add_argument("--participants", type=int, default=1500, help="how many women")
        made.add_argument("--seed", type=int, default=1, help="same seed, same network")
        made.add_argument("--name", default="Co-Meta Jalisco", help="the network's name")
        purge = sub.add_parser(
            "purge", help="erase removed records and women past their retention period"
        )
        purge.add_argument("--dry-run", action="store_true", help="only count what is due")
        again = sub.add_parser(
            "recompute", help="rebuild the facts the common indicators count (all networks)"
        )
        again.add_argument("--network", type=int, help="only this network (its id)")
        again.add_argument(
            "--period", help="then compute and store the full run of this period (2024, 2024-Q1)"
        )
        files.add_parsers(sub)
        indicator_files.add_parsers(sub)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action in files.HANDLERS:
            files.HANDLERS[action](options, self.stdout)
        elif action in indicator_files.HANDLERS:
            indicator_files.HANDLERS[action](options, self.stdout, self.stderr)
        else:
            getattr(self, f"do_{action}")(options)

    def do_generate(self, options: dict[str, Any]) -> None:
        progress = Progress("Generate", total=options["participants"])
        try:
            made = generate(
                women=options["participants"],
                seed=options["seed"],
                name=options["name"],
                report=lambda done, _total: progress.update(done),
            )
        except ValidationFailed as error:
            field, messages = next(iter(error.errors.items()))
            raise CommandError(f"--{field}: {messages[0]}") from None
        progress.done()
        self.stdout.write(
            f"Network {made.network.name!r} (id {made.network.pk}): {made.women} women in "
            f"{made.cohorts} cohorts at {made.centres} centres."
        )

    def do_recompute(self, options: dict[str, Any]) -> None:
        period = indicator_files.period_of(options["period"])
        networks = Network.objects.order_by("pk")
        if options["network"] is not None:
            networks = networks.filter(pk=options["network"])
            if not networks.exists():
                raise CommandError(f"--network: no network {options['network']}")
        for network in networks:
            begin = time.perf_counter()
            done = indicators.recompute(actor=SYSTEM, network=network)
            seconds = time.perf_counter() - begin
            self.stdout.write(
                f"Network {network.name!r} (id {network.pk}): {done.facts} enrolments counted, "
                f"{done.definitions} indicator definitions, in {seconds:.1f} s."
            )
            if period is not None:
                run = indicator_files.store_run(network, period, self.stderr)
                self.stdout.write(f"Run {run.pk} of {run.period} stored.")

    def do_purge(self, options: dict[str, Any]) -> None:
        dry = options["dry_run"]
        done = retention.purge(today=timezone.localdate(), dry_run=dry)
        verb = "would be erased" if dry else "erased"
        self.stdout.write(
            f"Removed records {verb}: {done.removed}. "
            f"Records past their {retention.months()}-month retention {verb}: {done.expired}."
        )
