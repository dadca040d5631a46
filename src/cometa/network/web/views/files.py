"""Spreadsheet files of a network: the template of each kind (CSV, XLSX), an import
(started as a background job, dry run or real) with its report of every error (row,
column, value, why), and the export of each kind in the template's shape."""

from __future__ import annotations

import csv
import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.errors import ServiceError
from cometa.core.jobs import selectors as jobs
from cometa.core.jobs.models import Job, JobState
from cometa.core.web.pages import form_error
from cometa.network import selectors_network, selectors_survey
from cometa.network.access import reach
from cometa.network.file_requests import chosen, export_member, file_response
from cometa.network.import_jobs import KIND as IMPORT_JOB
from cometa.network.import_jobs import import_job_start
from cometa.network.models import Network
from cometa.network.services.exporting import network_export
from cometa.network.tabular import writing
from cometa.network.tabular.columns import KINDS
from cometa.network.web.forms_files import RESPONSES, ImportForm, kind_choices
from cometa.network.web.views.care import summary


def _import_form(
    person: Person, network: Network, data: object = None, files: object = None
) -> ImportForm | None:
    members = (
        selectors_network.members_for(person, network)
        .filter(pk__in=reach(person, network).editor_of)
        .order_by("organisation__name")
    )
    if not members:
        return None
    choices = [(m.pk, m.organisation.name) for m in members]
    instruments = [
        (i.pk, f"{i.code} v{i.version}") for i in selectors_survey.instruments_for(person, network)
    ]
    return ImportForm(data, files, members=choices, instruments=instruments)


def _files_page(
    request: HttpRequest, network: Network, form: ImportForm | None, status: int = 200
) -> HttpResponse:
    person = person_of(request)
    context = {
        "network": network,
        "kinds": kind_choices(),
        "form": form,
        "errors": summary(form) if form is not None and form.is_bound else [],
        "members": selectors_network.members_for(person, network).order_by("organisation__name"),
    }
    return render(request, "network/files.html", context, status=status)


@login_required
@require_GET
def files(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    return _files_page(request, network, _import_form(person, network))


@login_required
@require_GET
def template(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    selectors_network.network_get(person_of(request), pk)
    fmt = chosen(kind, request.GET.get("format"))
    return file_response(writing.template(KINDS[kind], fmt), f"{kind}-template", fmt)


@login_required
@require_GET
def export(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    fmt = chosen(kind, request.GET.get("format"))
    member = export_member(person, network, request.GET.get("member"))
    content = network_export(actor=person, network=network, kind=kind, fmt=fmt, member=member)
    return file_response(content, kind, fmt)


@login_required
@require_POST
def import_start(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    form = _import_form(person, network, request.POST, request.FILES)
    if form is None:
        raise PermissionDenied
    if form.is_valid():
        data = form.cleaned_data
        member = selectors_network.member_get(person, network, data["member"])
        instrument = (
            selectors_survey.instrument_get(person, network, data["instrument"])
            if data["kind"] == RESPONSES
            else None
        )
        try:
            job = import_job_start(
                actor=person, member=member, kind=data["kind"], content=data["file"].read(),
                dry_run=data["dry_run"], instrument=instrument,
            )  # fmt: skip
        except ServiceError as error:
            form_error(form, error)
        else:
            return redirect("network:import", pk, job.pk)
    return _files_page(request, network, form, status=400)


def _import_job(person: Person, network: Network, job_pk: int) -> Job:
    """The person's own import into a member of this network (or any, for an
    administrator); anything else is not found."""
    job = jobs.job_get(person, job_pk)
    member = job.parameters.get("member")
    ours = selectors_network.members_for(person, network).filter(pk=member)
    if job.kind != IMPORT_JOB or not isinstance(member, int) or not ours.exists():
        raise Http404("No such import.")
    return job


def report_rows(job: Job) -> tuple[list[list[str]], str]:
    """The errors of a finished import (row, column, value, why) and its counts line."""
    if job.state != JobState.DONE or not job.result_name:
        return [], ""
    try:
        with default_storage.open(job.result_name, "rb") as stored:
            text = stored.read().decode("utf-8-sig")
    except FileNotFoundError:
        return [], ""
    lines = list(csv.reader(io.StringIO(text)))[1:]
    if lines and not lines[-1][0]:
        return lines[:-1], lines[-1][3]
    return lines, ""


@login_required
@require_GET
def import_report(request: HttpRequest, pk: int, job_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    job = _import_job(person, network, job_pk)
    errors, counts = report_rows(job)
    context = {"network": network, "job": job, "errors_found": errors, "counts": counts}
    return render(request, "network/import_report.html", context)
