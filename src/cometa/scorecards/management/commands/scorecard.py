"""``cometa scorecard``: import reports, rate, write reports, and manage frameworks.

A thin wrapper around the scorecards services; it acts as the system (no person), as
the other administration commands do. Every refusal ends with one clear line and a
non-zero exit code.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Organisation
from cometa.core.errors import ServiceError, ValidationFailed
from cometa.core.ids import parse_id
from cometa.core.progress import Progress
from cometa.scorecards.assessments import selectors as assessment_selectors
from cometa.scorecards.frameworks.admin import framework_load
from cometa.scorecards.frameworks.loading import framework_problems
from cometa.scorecards.frameworks.model import LANGUAGES
from cometa.scorecards.frameworks.store import framework_sync_builtin
from cometa.scorecards.models import Assessment, FrameworkVersion
from cometa.scorecards.records import removal
from cometa.scorecards.report_import import importing, source
from cometa.scorecards.report_import.parser import ReportImportError
from cometa.scorecards.reporting.files import FORMATS, report_file


def _assessment_id(text: str) -> int:
    """``--assessment``: an id the database can hold, else argparse's one-line refusal."""
    try:
        return parse_id(text, field="assessment")
    except ValidationFailed as refused:
        raise argparse.ArgumentTypeError(refused.errors["assessment"][0]) from None


class Command(BaseCommand):
    help = "Scorecards: import a report, rate, write a report, list, check and load frameworks."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imported = sub.add_parser("import", help="import an annual progress report (text)")
        imported.add_argument("file")
        imported.add_argument("--team", required=True, help="name of the country team")
        rate = sub.add_parser("rate", help="recompute ratings: computed next to agreed")
        rate.add_argument("--assessment", required=True, type=_assessment_id, help="assessment id")
        report = sub.add_parser("report", help="write an assessment's report")
        report.add_argument(
            "--assessment", required=True, type=_assessment_id, help="assessment id"
        )
        report.add_argument("--format", required=True, choices=FORMATS)
        report.add_argument("--output", required=True, help="file to write")
        report.add_argument("--lang", default="en", choices=LANGUAGES)
        frameworks = sub.add_parser("frameworks", help="list, check or load frameworks")
        fw = frameworks.add_subparsers(dest="frameworks_action", required=True)
        fw.add_parser("list", help="list stored framework versions")
        check = fw.add_parser("check", help="check a framework file (file:line: message)")
        check.add_argument("file")
        load = fw.add_parser("load", help="store a framework file as a new published version")
        load.add_argument("file")
        fw.add_parser(
            "sync",
            help="store the frameworks shipped with Cometa that are missing, and take in new "
            "translations of those stored",
        )
        sub.add_parser(
            "purge-removed",
            help=f"drop removed items older than {removal.UNDO_DAYS} days and their files",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"].replace("-", "_")
        if action == "frameworks":
            action = "frameworks_" + options["frameworks_action"]
        try:
            getattr(self, "do_" + action)(options)
        except ServiceError as error:
            hint = " Run: cometa scorecard frameworks sync" if error.code == "no_framework" else ""
            raise CommandError(error.message + hint) from None

    # --- Helpers ---------------------------------------------------------------------------

    def _read(self, name: str) -> str:
        path = Path(name)
        try:
            return path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise CommandError(f"{name}: no such file.") from None
        except IsADirectoryError:
            raise CommandError(f"{name}: is a folder, not a file.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{name}: not UTF-8 text.") from None
        except OSError as error:
            raise CommandError(f"{name}: cannot read it ({error.strerror}).") from None

    def _read_report(self, name: str) -> str:
        """A report's text: its size is checked before it is read (``source``)."""
        path = Path(name)
        try:
            with path.open("rb") as stream:
                size = path.stat().st_size if path.is_file() else None
                return source.read_report(stream, name=name, size=size)
        except ValidationFailed as refused:
            raise CommandError(refused.errors["file"][0]) from None
        except FileNotFoundError:
            raise CommandError(f"{name}: no such file.") from None
        except IsADirectoryError:
            raise CommandError(f"{name}: is a folder, not a file.") from None
        except OSError as error:
            raise CommandError(f"{name}: cannot read it ({error.strerror}).") from None

    def _assessment(self, pk: int) -> Assessment:
        found = Assessment.objects.select_related("organisation", "framework").filter(pk=pk).first()
        if found is None:
            raise CommandError(f"No assessment has the id {pk}.")
        return found

    def _team(self, name: str) -> Organisation:
        found = Organisation.objects.filter(name__iexact=name.strip()).first()
        if found is None:
            raise CommandError(f"No organisation is named {name!r}.")
        return found

    def _problems(self, lines: Sequence[str], summary: str) -> CommandError:
        for line in lines:
            self.stderr.write(line)
        return CommandError(summary)

    # --- purge-removed ---------------------------------------------------------------------

    def do_purge_removed(self, options: dict[str, Any]) -> None:
        count = removal.removed_purge()
        self.stdout.write(
            f"Dropped {count} removed item(s) older than {removal.UNDO_DAYS} days; "
            "they can no longer be put back."
        )

    # --- import ----------------------------------------------------------------------------

    def do_import(self, options: dict[str, Any]) -> None:
        name = options["file"]
        team = self._team(options["team"])
        text = self._read_report(name)
        try:
            result = importing.assessment_import(
                actor=SYSTEM, organisation=team, text=text, source_name=name
            )
        except ReportImportError as error:
            lines = [f"{name}: line {item.line}: {item.message}" for item in error.errors]
            count = len(lines)
            raise self._problems(
                lines, f"{name}: nothing imported ({count} problem{'s' * (count != 1)})."
            ) from None
        ratings = result.report.ratings
        reassessed = [rating.code for rating in ratings if rating.reassessed]
        verb = "Imported" if result.created else "Unchanged (imported before):"
        assessment = result.assessment
        self.stdout.write(
            f"{verb} assessment {assessment.pk}: {team.name} {assessment.year}, "
            f"{len(ratings)} ratings."
        )
        self.stdout.write(f"Reassessed: {', '.join(reassessed) or 'none'}")

    # --- rate ------------------------------------------------------------------------------

    def do_rate(self, options: dict[str, Any]) -> None:
        assessment = self._assessment(options["assessment"])
        try:
            rows = assessment_selectors.recomputed_ratings(assessment)
        except ValidationFailed as error:
            raise CommandError(f"Assessment {assessment.pk}: {error.message}") from None
        self.stdout.write(
            f"Assessment {assessment.pk}: {assessment.organisation} {assessment.year}"
        )
        table = [("PI", "Reassessed", "Computed", "Stored", "Agreed", "Year", "Note")]
        for row in rows:
            table.append(
                (
                    row.code,
                    "yes" if row.reassessed else "no",
                    row.computed or "—",
                    row.stored or "—",
                    row.agreed or "—",
                    str(row.year or "—"),
                    _note(row),
                )
            )
        widths = [max(len(line[n]) for line in table) for n in range(len(table[0]))]
        for line in table:
            self.stdout.write(
                "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
            )
        changed = sum(1 for row in rows if row.changed)
        self.stdout.write(
            f"{len(rows)} indicators, {sum(r.reassessed for r in rows)} reassessed, "
            f"{changed} computed differently now than stored."
        )

    # --- report ----------------------------------------------------------------------------

    def do_report(self, options: dict[str, Any]) -> None:
        assessment = self._assessment(options["assessment"])
        fmt, output = options["format"], Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"{output}: the folder {output.parent} does not exist.")
        progress = Progress("Report", total=2)
        progress.update(0, f"building the {fmt} report")
        data = report_file(assessment, fmt, options["lang"]).data
        progress.update(1, f"writing {output}")
        try:
            output.write_bytes(data)
        except OSError as error:
            raise CommandError(f"{output}: cannot write it ({error.strerror}).") from None
        progress.done()
        self.stdout.write(f"Wrote {output} ({len(data)} bytes).")

    # --- frameworks ------------------------------------------------------------------------

    def do_frameworks_list(self, options: dict[str, Any]) -> None:
        rows = FrameworkVersion.objects.order_by("identifier", "-created_at", "-id")
        if not rows:
            self.stdout.write("No framework is stored.")
        for version in rows:
            state = "published" if version.is_published else "draft"
            self.stdout.write(
                f"{version.pk:>5}  {version.identifier} {version.version}  [{state}]  "
                f"{version.title}  sha256:{version.sha256[:12]}"
            )

    def do_frameworks_sync(self, options: dict[str, Any]) -> None:
        before = set(FrameworkVersion.objects.values_list("pk", flat=True))
        for version in framework_sync_builtin():
            state = "stored" if version.pk not in before else "present"
            self.stdout.write(f"{version.identifier} {version.version}: {state} (id {version.pk})")

    def do_frameworks_check(self, options: dict[str, Any]) -> None:
        name = options["file"]
        problems = framework_problems(self._read(name), name=name)
        if problems:
            count = len(problems)
            raise self._problems(
                [str(problem) for problem in problems],
                f"{name}: {count} problem{'s' * (count != 1)}.",
            )
        self.stdout.write(f"{name}: ok")

    def do_frameworks_load(self, options: dict[str, Any]) -> None:
        name = options["file"]
        try:
            loaded = framework_load(actor=SYSTEM, source=self._read(name), name=name)
        except ValidationFailed as error:
            lines = error.errors.get("source", [error.message])
            count = len(lines)
            raise self._problems(
                lines, f"{name}: nothing loaded ({count} problem{'s' * (count != 1)})."
            ) from None
        version = loaded.version
        if loaded.created:
            self.stdout.write(
                f"Loaded {version.identifier} {version.version} (id {version.pk}), published."
            )
        else:
            self.stdout.write(
                f"Unchanged: {version.identifier} {version.version} (id {version.pk}) "
                "was loaded from this file before."
            )


def _note(row: assessment_selectors.RatingRow) -> str:
    notes = []
    if row.changed:
        notes.append(f"stored {row.stored or '—'}, now {row.computed}")
    level = row.computed or row.stored
    if row.reassessed and level and row.agreed and row.agreed != level:
        notes.append("agreed differs" + (" (reason given)" if row.reason.strip() else ""))
    return "; ".join(notes)
