"""A large import as a background job (kind ``network.import``, docs/jobs.md).

``import_job_start`` keeps the uploaded file in the storage and queues the job; the worker
runs the same ``network_import`` service as the person who asked (her right to import
into the member is checked again when the worker comes to it), reports progress as it
reads and writes rows, and leaves the error report (CSV: row, column, value, why) as the
job's result file. The upload is removed when the job ends. Registered in
``NetworkConfig.ready()``.
"""

from __future__ import annotations

import hashlib
import io
import secrets
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cometa.accounts.models import Person
from cometa.core import storage
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.core.jobs import registry
from cometa.core.jobs.models import Job
from cometa.core.jobs.services import start_job
from cometa.network.access import may_edit_member
from cometa.network.models import Instrument, Member
from cometa.network.services.import_responses import KIND as RESPONSES
from cometa.network.services.importing import ImportReport, network_import
from cometa.network.tabular.columns import KINDS
from cometa.network.tabular.reading import ZIP_MAGIC
from cometa.reports.renderers.tabular import to_csv

KIND = "network.import"
FOLDER = "network/imports"


def _member(parameters: dict[str, Any]) -> Member:
    pk = parameters.get("member")
    member = (
        Member.objects.select_related("network").filter(pk=pk).first()
        if isinstance(pk, int)
        else None
    )
    if member is None:
        raise ValidationFailed({"member": [_("There is no such member.")]})
    return member


def _instrument(parameters: dict[str, Any], member: Member) -> Instrument | None:
    """The instrument a file of responses answers (None for the other kinds)."""
    if parameters.get("kind") != RESPONSES:
        return None
    pk = parameters.get("instrument")
    found = (
        Instrument.objects.filter(pk=pk, network_id=member.network_id).first()
        if isinstance(pk, int)
        else None
    )
    if found is None:
        raise ValidationFailed({"instrument": [_("There is no such instrument.")]})
    return found


def authorize(actor: Any, parameters: dict[str, Any]) -> None:
    if parameters.get("kind") not in (*KINDS, RESPONSES):
        raise ValidationFailed({"kind": [_("Unknown kind of file.")]})
    member = _member(parameters)
    _instrument(parameters, member)
    if not may_edit_member(actor, member):
        raise NotPermitted(_("Only this member's editors import its records."))


def import_job_start(
    *,
    actor: Person,
    member: Member,
    kind: str,
    content: bytes,
    dry_run: bool = False,
    instrument: Instrument | None = None,
) -> Job:
    """Keeps the file and queues its import; the job's page follows its progress. A file
    of survey responses names the ``instrument`` it answers."""
    given = instrument.pk if instrument is not None else None
    authorize(actor, {"member": member.pk, "kind": kind, "instrument": given})
    suffix = "xlsx" if content.startswith(ZIP_MAGIC) else "csv"
    name = storage.save(f"{FOLDER}/{secrets.token_hex(16)}.{suffix}", io.BytesIO(content))
    parameters = {
        "member": member.pk,
        "kind": kind,
        "dry_run": dry_run,
        "instrument": given,
        "upload": name,
        "sha256": hashlib.sha256(content).hexdigest(),
    }
    return start_job(actor=actor, kind=KIND, parameters=parameters)


def report_file(report: ImportReport) -> bytes:
    """The error report: one line per error, then the counts."""
    rows: list[list[str | int | None]] = [
        [error.row, error.column, error.value, error.message] for error in report.errors
    ]
    counts = report.counts
    rows.append(
        [
            None,
            None,
            None,
            f"{report.rows} rows: {counts.created} new, {counts.changed} "
            f"changed, {counts.unchanged} unchanged, {len(report.errors)} errors",
        ]
    )
    return to_csv(["row", "column", "value", "message"], rows)


def run(job: Job, progress: registry.Progress) -> registry.JobOutput:
    parameters = job.parameters
    authorize(job.requested_by, parameters)  # still allowed when the worker comes to it
    with storage.open_checked(parameters["upload"], parameters["sha256"]) as stored:
        content = stored.read()
    member = _member(parameters)
    report = network_import(
        actor=job.requested_by,
        member=member,
        kind=parameters["kind"],
        content=content,
        dry_run=bool(parameters.get("dry_run")),
        progress=progress,
        instrument=_instrument(parameters, member),
    )
    storage.delete(parameters["upload"])
    return registry.JobOutput(f"import-{parameters['kind']}-report.csv", report_file(report))


def register() -> None:
    registry.register(
        name=KIND, label=gettext_lazy("Import of a network file"), runner=run, authorize=authorize
    )
