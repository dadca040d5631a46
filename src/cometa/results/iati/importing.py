"""``iati_import``: an ``iati-activities`` file onto the results tables, all or nothing.

The file is read activity by activity (memory stays flat) inside one transaction. Each
activity is written through the results services as the person who imports (their right
to change the office is checked, every change audited); anything refused becomes an error
with its element path, reading goes on so every error of the file is listed, and at the
end the transaction is rolled back unless there was none. A dry run always rolls back, so
it gives the same report and writes nothing. Importing the same file again changes
nothing: outcomes, outputs and attachments are found again, unchanged values are left.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from cometa.accounts.acting import Actor
from cometa.accounts.models import Organisation
from cometa.indicators.models import Dimension
from cometa.interchange.iati import Activity, Report, read_activities
from cometa.interchange.iati.report import Code, Problem
from cometa.interchange.iati.source import DEFAULT_LIMIT
from cometa.results.iati.lines import lines_of
from cometa.results.iati.mapping import Lookup
from cometa.results.iati.writing import Context, Refused, write_activity

Progress = Callable[[int, int, str], None]
Given = bytes | str | os.PathLike[str]


@dataclass
class ImportResult:
    report: Report  # errors (nothing imported) and warnings: not held, not Cometa data
    dry_run: bool
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return self.report.ok

    @property
    def written(self) -> bool:
        return self.ok and not self.dry_run

    def summary(self) -> str:
        counts = ", ".join(f"{count} {name}" for name, count in sorted(self.counts.items()))
        return f"{self.report.activities} activities read; {counts or 'nothing to write'}"


def dimension_lookup() -> Lookup:
    """Each floor dimension by its code and names, with its active codes by code and
    labels (case and spacing ignored): ``female`` finds ``sex=F``."""
    lookup: dict[str, tuple[str, dict[str, str]]] = {}
    for dimension in Dimension.objects.prefetch_related("codes"):
        codes: dict[str, str] = {}
        for item in dimension.codes.all():
            if item.is_active:
                for word in (item.code, *dict(item.label).values()):
                    codes.setdefault(str(word).strip().casefold(), item.code)
        for word in (dimension.code, *dict(dimension.name).values()):
            lookup.setdefault(str(word).strip().casefold(), (dimension.code, codes))
    return lookup


def _digest_and_total(source: Given) -> tuple[str, int]:
    """The file's SHA-256 and how many activities it roughly holds (for progress)."""
    digest, total = hashlib.sha256(), 0
    if isinstance(source, bytes):
        return hashlib.sha256(source).hexdigest(), source.count(b"<iati-activity")
    with open(source, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
            total += chunk.count(b"<iati-activity")
    return digest.hexdigest(), total


def _with_lines(report: Report, source: Given) -> None:
    missing = {p.path for p in (*report.errors, *report.warnings) if p.line is None}
    if not missing:
        return
    lines = lines_of(source, missing)
    report.errors[:] = [_lined(p, lines) for p in report.errors]
    report.warnings[:] = [_lined(p, lines) for p in report.warnings]


def _lined(problem: Problem, lines: dict[str, int]) -> Problem:
    if problem.line is not None or problem.path not in lines:
        return problem
    return dataclasses.replace(problem, line=lines[problem.path])


def iati_import(
    *,
    actor: Actor,
    source: Given,
    file_name: str,
    office: Organisation | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    limit: int = DEFAULT_LIMIT,
) -> ImportResult:
    """Imports the file (bytes or a path) as ``actor``, into ``office`` when given (else
    the office each identifier names)."""
    sha256, total = _digest_and_total(source)
    result = ImportResult(Report(), dry_run)
    report = result.report
    ctx = Context(actor=actor, file_name=Path(file_name).name, file_sha256=sha256, office=office)
    lookup = dimension_lookup()
    refusals = 0  # after an error of the file itself, nothing more is mapped
    with transaction.atomic():
        for activity in read_activities(source, report, limit=limit):
            if len(report.errors) == refusals:
                refusals += _one(ctx, activity, report, lookup, result.counts)
            if progress is not None:
                progress(report.activities, max(total, report.activities), "")
        if dry_run or not report.ok:
            transaction.set_rollback(True)
    if not report.ok:
        result.counts.clear()
    _with_lines(report, source)
    return result


def _one(
    ctx: Context, activity: Activity, report: Report, lookup: Lookup, counts: Counter[str]
) -> int:
    """Writes one activity in a savepoint; 1 when it is refused (its writes undone)."""
    try:
        with transaction.atomic():
            mapped = write_activity(ctx, activity, report.activities, lookup, counts)
    except Refused as refused:
        report.error(Code.REFUSED, refused.message, refused.path)
        return 1
    for note in mapped.notes:
        report.warning(Code.NOT_HELD, note.message, note.path)
    return 0
