"""Importing a file of participants, enrolments, attendance or follow-ups into a member.

Every row is checked and every error kept (row, column, value, why). The rows are
written in one transaction that is rolled back when any row failed or when the import is
a dry run, so a dry run answers with the same report and a failed import writes nothing.
Rows already imported (found by their source id, or her code) change nothing. A partner
imports only into its own member, and finds only its own participants and cohorts:
another partner's participant is "not found", as on every other path.

One audit entry per import (kind, counts, the file's SHA-256 digest; never names). A
dry run or a refused import is audited too, in its own transaction after the rollback.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor
from cometa.network.access import may_edit_member
from cometa.network.models import Instrument, Member
from cometa.network.services import import_participants, import_progress, import_responses
from cometa.network.services.common import invalid, record, require
from cometa.network.services.import_rows import Counts, Handler, Plan
from cometa.network.tabular.checking import HEADER_ROW, RowError, checked_rows, header_errors
from cometa.network.tabular.columns import KINDS
from cometa.network.tabular.reading import Table, Unreadable, read_table

#: ``progress(done, total, message)``: the rows checked so far (the total is not known
#: before the file is read, so it is the rows read so far until the end).
Progress = Callable[[int, int, str], None]

HANDLERS: dict[str, Handler] = {
    "participants": import_participants.run,
    "enrolments": import_progress.enrolments,
    "attendance": import_progress.attendance,
    "followups": import_progress.followups,
}


@dataclass
class ImportReport:
    kind: str
    digest: str
    dry_run: bool
    encoding: str = ""
    rows: int = 0
    counts: Counts = field(default_factory=Counts)
    errors: list[RowError] = field(default_factory=list)

    @property
    def written(self) -> bool:
        return not self.dry_run and not self.errors

    def audit(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "sha256": self.digest,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "created": self.counts.created,
            "changed": self.counts.changed,
            "unchanged": self.counts.unchanged,
            "errors": len(self.errors),
        }


def network_import(
    *,
    actor: Actor,
    member: Member,
    kind: str,
    content: bytes,
    dry_run: bool = False,
    progress: Progress | None = None,
    instrument: Instrument | None = None,
) -> ImportReport:
    """Checks every row of ``content`` (XLSX or CSV) and, when all pass and this is not a
    dry run, writes them for ``member``; otherwise writes nothing. The report says how
    many rows were created, changed and left unchanged, and every error. Responses
    (``kind="responses"``) are read through the ``instrument``'s form."""
    require(may_edit_member(actor, member), _("Only this member's editors import its records."))
    plan = _plan(member, kind, instrument)
    report = ImportReport(kind, hashlib.sha256(content).hexdigest(), dry_run)
    tell = progress or (lambda done, total, message: None)
    table = _table(plan, content, report)
    if table is None:
        return _audited(actor, member, report)
    rows = checked_rows(plan.kind, table, report.errors)
    with transaction.atomic():
        report.counts = plan.handler(
            actor,
            member,
            rows,
            report.errors,
            lambda done, _total, message: tell(done, max(table.estimate, done), message),
        )
        names = plan.kind.names
        report.errors.sort(
            key=lambda e: (e.row, names.index(e.column) if e.column in names else -1)
        )
        if report.written:
            record(
                actor=actor,
                action="import",
                target=member,
                organisation_id=member.organisation_id,
                changes=report.audit(),
            )
            tell(report.rows, report.rows, _("Written"))
            return report
        transaction.set_rollback(True)
    return _audited(actor, member, report)


def _plan(member: Member, kind: str, instrument: Instrument | None) -> Plan:
    if kind == import_responses.KIND:
        if instrument is None or instrument.network_id != member.network_id:
            raise invalid("instrument", _("Say which instrument of the network the file answers."))
        return import_responses.plan(member, instrument)
    if kind not in KINDS:
        raise invalid("kind", _("Unknown kind of file “%(value)s”.") % {"value": kind})
    return Plan(KINDS[kind], HANDLERS[kind])


def _table(plan: Plan, content: bytes, report: ImportReport) -> Table | None:
    """The file's table, its rows counted into the report as they are read; None (and
    the error in the report) when it cannot be read or its header is wrong."""
    try:
        table = read_table(content, sheet=plan.kind.name)
    except Unreadable as error:
        report.errors.append(RowError(HEADER_ROW, "", "", str(error)))
        return None
    report.encoding = table.encoding
    header = table.header
    if plan.rename is not None:
        header, report.errors = plan.rename(header)
        table = replace(table, header=header)
    report.errors += header_errors(plan.kind, header)
    return None if report.errors else replace(table, rows=_counted(table.rows, report))


def _counted(
    rows: Iterator[tuple[int, list[Any]]], report: ImportReport
) -> Iterator[tuple[int, list[Any]]]:
    """The table's rows, counted into the report as they are read."""
    for row in rows:
        report.rows += 1
        yield row


def _audited(actor: Actor, member: Member, report: ImportReport) -> ImportReport:
    """The audit entry of an import that wrote nothing (a dry run, or refused)."""
    with transaction.atomic():
        record(
            actor=actor,
            action="import.checked",
            target=member,
            organisation_id=member.organisation_id,
            changes=report.audit(),
        )
    return report
