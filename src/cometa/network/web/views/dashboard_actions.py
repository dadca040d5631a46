"""What the backbone's coordinators do from the dashboard, and its files: recompute (a
background job; the browser goes to the job's page, which follows its progress), freeze a
run as a snapshot under a label, and the dashboard as PDF or Word through the reports
floor (``?run=`` and ``?lang=`` as on the page; made from the stored values on each
request, in the file's language).
"""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cometa.accounts.acting import person_of
from cometa.core.errors import ServiceError
from cometa.core.web.downloads import attachment
from cometa.indicators.periods import PeriodError, parse_period
from cometa.indicators.texts import LANGUAGES
from cometa.network import selectors_network
from cometa.network.access import may_manage
from cometa.network.dashboard.document import dashboard_document
from cometa.network.dashboard.reading import chosen_run, dashboard
from cometa.network.indicator_jobs import indicators_job_start
from cometa.network.indicators.stored import run_of
from cometa.network.services.indicator_runs import indicators_freeze
from cometa.reports.renderers import CONTENT_TYPES, DocumentFormat
from cometa.reports.renderers import render as render_document
from cometa.reports.web import report_language


@login_required
@require_POST
def recompute(request: HttpRequest, pk: int) -> HttpResponse:
    """Starts the recomputation of a period (``period``: 2024, 2024-Q3, 2024-07 or two
    dates) and goes to the job's page."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    if not may_manage(person, network):
        raise PermissionDenied
    try:
        period = parse_period(request.POST.get("period", "").strip())
    except PeriodError as error:
        messages.error(request, str(error))
        return redirect("network:indicators", network.pk)
    try:
        job = indicators_job_start(actor=person, network=network, period=period)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("network:indicators", network.pk)
    return redirect("jobs:job", job.pk)


@login_required
@require_POST
def freeze(request: HttpRequest, pk: int, run_pk: int) -> HttpResponse:
    """Keeps a run as a snapshot under a label (the learning notes refer to it)."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    if not may_manage(person, network):
        raise PermissionDenied
    run = run_of(person, network, run_pk)
    run = indicators_freeze(actor=person, run=run, label=request.POST.get("label", ""))
    kept = _("The run was kept as the snapshot “%(label)s”.") % {"label": run.label}
    messages.success(request, kept)
    return redirect(reverse("network:indicators", args=[network.pk]) + f"?run={run.pk}")


def _file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    run = chosen_run(person, network, request.GET.get("run"))
    if run is None:
        raise Http404("Nothing has been computed yet.")
    lang = report_language(request, LANGUAGES)
    with translation.override(lang):
        found = dashboard(person, run)
    document = dashboard_document(found, network.name, lang=lang)
    made = render_document(document, cast(DocumentFormat, fmt))
    stem = "-".join(
        part for part in (slugify(network.name)[:30].strip("-") or "network",
                          slugify(run.period), "indicators", "" if lang == "en" else lang) if part
    )  # fmt: skip
    return attachment(made, f"{stem}.{fmt}", CONTENT_TYPES[fmt])


@login_required
@require_GET
def dashboard_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _file(request, pk, "pdf")


@login_required
@require_GET
def dashboard_docx(request: HttpRequest, pk: int) -> HttpResponse:
    return _file(request, pk, "docx")
