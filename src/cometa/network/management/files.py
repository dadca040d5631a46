"""``cometa network import`` and ``cometa network export``: parse the arguments, call
the import or export service as the system acting for the member, print the result.
Kept apart from the command so other subcommands (``generate``) sit beside them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, OutputWrapper

from cometa.accounts.acting import SYSTEM
from cometa.core.progress import Progress
from cometa.network.models import Instrument, Member, Network
from cometa.network.services.exporting import network_export
from cometa.network.services.import_responses import KIND as RESPONSES
from cometa.network.services.importing import network_import
from cometa.network.services.surveys import instrument_xlsform, instruments_install
from cometa.network.tabular.columns import KINDS
from cometa.network.tabular.writing import FORMATS


def add_parsers(sub: Any) -> None:
    given = sub.add_parser("import", help="import a CSV or XLSX file into a member")
    given.add_argument("file", type=Path)
    given.add_argument("--kind", required=True, choices=sorted([*KINDS, RESPONSES]))
    given.add_argument("--member", required=True, type=int, help="the member's id")
    given.add_argument("--instrument", help="responses: the instrument's code (latest version)")
    given.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    taken = sub.add_parser("export", help="export a kind of record in the template's shape")
    taken.add_argument("--kind", required=True, choices=sorted(KINDS))
    taken.add_argument("--format", required=True, choices=FORMATS)
    taken.add_argument("--output", required=True, type=Path)
    taken.add_argument("--member", type=int, help="only this member's records")
    taken.add_argument("--network", type=int, help="the network (when not given by --member)")
    form = sub.add_parser("xlsform", help="write an instrument as an XLSForm for Kobo or ODK")
    form.add_argument("--instrument", required=True, help="the instrument's code")
    form.add_argument("--output", required=True, type=Path)
    form.add_argument("--network", type=int, help="the network (when there are several)")
    form.add_argument("--form-version", type=int, help="a version other than the latest")
    shipped = sub.add_parser("instruments", help="publish the instruments that come with Cometa")
    shipped.add_argument("--network", type=int, help="the network (when there are several)")


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
    member = _member(options["member"])
    instrument = None
    if options["kind"] == RESPONSES:
        if not options["instrument"]:
            raise CommandError("--instrument: say which instrument the responses answer.")
        instrument = _instrument(member.network, options["instrument"], None)
    progress = Progress("Import", total=0)
    report = network_import(
        actor=SYSTEM,
        member=member,
        kind=options["kind"],
        content=content,
        dry_run=options["dry_run"],
        progress=lambda done, total, _message: _tick(progress, done, total),
        instrument=instrument,
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


def _network(pk: int | None) -> Network:
    if pk:
        given = Network.objects.filter(pk=pk).first()
        if given is None:
            raise CommandError(f"--network: there is no network {pk}.")
        return given
    networks = list(Network.objects.all()[:2])
    if len(networks) != 1:
        raise CommandError("Say which network with --network or --member.")
    return networks[0]


def _instrument(network: Network, code: str, version: int | None) -> Instrument:
    if version is not None:
        found = Instrument.objects.filter(network=network, code=code, version=version).first()
    else:
        found = Instrument.objects.filter(network=network, code=code).order_by("-version").first()
    if found is None:
        raise CommandError(f"--instrument: {network.name} has no instrument {code!r}.")
    return found


def run_export(options: dict[str, Any], out: OutputWrapper) -> None:
    member = _member(options["member"]) if options["member"] else None
    network = member.network if member is not None else _network(options["network"])
    content = network_export(
        actor=SYSTEM, network=network, kind=options["kind"], fmt=options["format"], member=member
    )
    options["output"].write_bytes(content)
    out.write(f"{options['output']}: {options['kind']} of {network.name} ({options['format']}).")


def run_xlsform(options: dict[str, Any], out: OutputWrapper) -> None:
    network = _network(options["network"])
    instrument = _instrument(network, options["instrument"], options["form_version"])
    options["output"].write_bytes(instrument_xlsform(actor=SYSTEM, instrument=instrument))
    out.write(f"{options['output']}: XLSForm of {instrument} (checked with pyxform).")


def run_instruments(options: dict[str, Any], out: OutputWrapper) -> None:
    for instrument in instruments_install(actor=SYSTEM, network=_network(options["network"])):
        out.write(f"{instrument}: {instrument.title}")


HANDLERS = {
    "import": run_import,
    "export": run_export,
    "xlsform": run_xlsform,
    "instruments": run_instruments,
}
