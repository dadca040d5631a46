"""``cometa results import-iati`` and ``cometa results export-iati``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, OutputWrapper

from cometa.accounts.acting import SYSTEM
from cometa.core.progress import Progress
from cometa.results.iati.exporting import iati_export, plans_of
from cometa.results.iati.importing import iati_import
from cometa.results.iati.writing import office_by_code


def add_import_parser(sub: Any) -> None:
    given = sub.add_parser("import-iati", help="import the results of an IATI 2.03 file")
    given.add_argument("file", type=Path)
    given.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    given.add_argument(
        "--office", help="the office's code (MEX) when the identifiers do not name it"
    )
    given.set_defaults(handler=run_import)


def add_export_parser(sub: Any) -> None:
    taken = sub.add_parser("export-iati", help="export an office's results as IATI 2.03")
    taken.add_argument("--office", required=True, help="the office's code, like MEX")
    taken.add_argument("--year", type=int, help="only the plan and periods of this year")
    taken.add_argument("--output", required=True, type=Path)
    taken.set_defaults(handler=run_export)


def run_import(options: dict[str, Any], out: OutputWrapper) -> None:
    path: Path = options["file"]
    if not path.is_file():
        raise CommandError(f"{path}: no such file.")
    office = None
    if options["office"]:
        office = office_by_code(options["office"])
        if office is None:
            raise CommandError(f"--office: there is no office {options['office']}.")
    progress = Progress("Import", total=0)
    result = iati_import(
        actor=SYSTEM,
        source=path,
        file_name=path.name,
        office=office,
        dry_run=options["dry_run"],
        progress=lambda done, _total, _message: progress.update(done),
    )
    progress.done()
    for line in result.report.summary():
        out.write(f"{path}: {line}")
    if not result.ok:
        raise CommandError(f"{path}: {len(result.report.errors)} errors: nothing was imported.")
    tail = "; dry run: nothing was written." if result.dry_run else "."
    out.write(f"{path}: {result.summary()}{tail}")


def run_export(options: dict[str, Any], out: OutputWrapper) -> None:
    plans = plans_of(options["office"], options["year"])
    if not plans:
        raise CommandError(
            f"--office: {options['office']} has no plan"
            + (f" covering {options['year']}." if options["year"] else ".")
        )
    output: Path = options["output"]
    with output.open("wb") as target:
        report = iati_export(actor=SYSTEM, plans=plans, target=target, year=options["year"])
    for line in report.summary():
        out.write(f"{output}: {line}")
    if not report.ok:
        raise CommandError(f"{output}: the export does not validate; do not publish it.")
    out.write(f"{output}: {report.activities} activities, valid IATI 2.03.")
