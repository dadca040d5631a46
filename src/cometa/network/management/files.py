"""``cometa network import`` and ``cometa network export``: parse the arguments, call
the import or export service as the system acting for the member, print the result.
Kept apart from the command so other subcommands (``generate``) sit beside them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, OutputWrapper

from cometa.accounts.acting import SYSTEM
from cometa.core.progress import Progress
from cometa.network.models import Member, Network
from cometa.network.services.exporting import network_export
from cometa.network.services.importing import network_import
from cometa.network.tabular.columns import KINDS
from cometa.network.tabular.writing import FORMATS


def add_parsers(sub: Any) -> None:
    given = sub.add_parser("import", help="import a CSV or XLSX file into a member")
    given.add_argument("file", type=Path)
    given.add_argument("--kind", required=True, choices=sorted(KINDS))
    given.add_argument("--member", required=True, type=int, help="the member's id")
    given.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    taken = sub.add_parser("export", help="export a kind of record in the template's shape")
    taken.add_argument("--kind", required=True, choices=sorted(KINDS))
    taken.add_argument("--format", required=True, choices=FORMATS)
    taken.add_argument("--output", required=True, type=Path)
    taken.add_argument("--member", type=int, help="only this member's records")
    taken.add_argument("--network", type=int, help="the network (when not given by --member)")


def _member(pk: int) -> Member:
    try:
        return Member.objects.select_related("network").get(pk=pk)
    except Member.DoesNotExist:
        raise CommandError(f"--member: there is no member {pk}.") from None


def _tick(progress: Progress, done: int, total: int) -> None:
    if done % 5000 == 0 or done == total:
        progress.update(done)


def run_import(options: dict[str, Any], out: OutputWrapper) -> None:
    path: Path = options["file"]
    try:
        content = path.read_bytes()
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror}") from None
    progress = Progress("Import", total=0)
    report = network_import(
        actor=SYSTEM,
        member=_member(options["member"]),
        kind=options["kind"],
        content=content,
        dry_run=options["dry_run"],
        progress=lambda done, total, _message: _tick(progress, done, total),
    )
    progress.done()
    for problem in report.errors:
        out.write(problem.line(str(path)))
    counts = report.counts
    summary = (
        f"{path}: {report.rows} rows ({report.encoding}): {counts.created} new, "
        f"{counts.changed} changed, {counts.unchanged} unchanged"
    )
    if report.errors:
        raise CommandError(f"{summary}; {len(report.errors)} errors: nothing was written.")
    out.write(summary + ("; dry run: nothing was written." if report.dry_run else "."))


def run_export(options: dict[str, Any], out: OutputWrapper) -> None:
    member = _member(options["member"]) if options["member"] else None
    if member is not None:
        network = member.network
    elif options["network"]:
        given = Network.objects.filter(pk=options["network"]).first()
        if given is None:
            raise CommandError(f"--network: there is no network {options['network']}.")
        network = given
    else:
        networks = list(Network.objects.all()[:2])
        if len(networks) != 1:
            raise CommandError("Say which network with --network or --member.")
        network = networks[0]
    content = network_export(
        actor=SYSTEM, network=network, kind=options["kind"], fmt=options["format"], member=member
    )
    options["output"].write_bytes(content)
    out.write(f"{options['output']}: {options['kind']} of {network.name} ({options['format']}).")


HANDLERS = {"import": run_import, "export": run_export}
