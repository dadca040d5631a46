"""A large IATI import as a background job (kind ``results.import_iati``, docs/jobs.md).

``import_job_start`` keeps the uploaded file in the storage and queues the job; the worker
runs the same ``iati_import`` service as the person who asked (their right to change the
office is checked again when the worker comes to it), reports progress activity by
activity, and leaves the report (one line per error or warning with line and path, then
the counts) as the job's result file. The upload is removed when the job ends. Registered
in ``ResultsConfig.ready()``.
"""

from __future__ import annotations

import hashlib
import io
import secrets
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cometa.accounts.models import Organisation, Person
from cometa.core import storage
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.core.jobs import registry
from cometa.core.jobs.models import Job
from cometa.core.jobs.services import start_job
from cometa.results import access
from cometa.results.iati.importing import ImportResult, iati_import

KIND = "results.import_iati"
FOLDER = "results/iati"


def _office(parameters: dict[str, Any]) -> Organisation:
    pk = parameters.get("office")
    office = Organisation.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if office is None:
        raise ValidationFailed({"office": [_("There is no such office.")]})
    return office


def authorize(actor: Any, parameters: dict[str, Any]) -> None:
    if not access.may_edit(actor, _office(parameters)):
        raise NotPermitted(_("Only the office's editors may change its results."))


def import_job_start(
    *, actor: Person, office: Organisation, content: bytes, file_name: str, dry_run: bool = False
) -> Job:
    """Keeps the file and queues its import; the job's page follows its progress."""
    authorize(actor, {"office": office.pk})
    name = storage.save(f"{FOLDER}/{secrets.token_hex(16)}.xml", io.BytesIO(content))
    parameters = {
        "office": office.pk,
        "dry_run": dry_run,
        "upload": name,
        "file_name": file_name[-200:],
        "sha256": hashlib.sha256(content).hexdigest(),
    }
    return start_job(actor=actor, kind=KIND, parameters=parameters)


def report_text(result: ImportResult) -> bytes:
    lines = result.report.summary()
    if result.ok:
        tail = "dry run: nothing was written" if result.dry_run else "imported"
        lines.append(f"{result.summary()}; {tail}.")
    else:
        lines.append(f"{len(result.report.errors)} errors: nothing was imported.")
    return ("\n".join(lines) + "\n").encode("utf-8")


def run(job: Job, progress: registry.Progress) -> registry.JobOutput:
    parameters = job.parameters
    authorize(job.requested_by, parameters)  # still allowed when the worker comes to it
    with storage.open_checked(parameters["upload"], parameters["sha256"]) as stored:
        content = stored.read()
    try:
        result = iati_import(
            actor=job.requested_by,
            source=content,
            file_name=parameters["file_name"],
            office=_office(parameters),
            dry_run=bool(parameters.get("dry_run")),
            progress=progress,
        )
    finally:
        storage.delete(parameters["upload"])
    return registry.JobOutput("iati-import-report.txt", report_text(result))


def register() -> None:
    registry.register(
        name=KIND, label=gettext_lazy("Import of an IATI file"), runner=run, authorize=authorize
    )
