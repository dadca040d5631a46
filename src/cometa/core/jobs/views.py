"""The job's page (progress, refreshed by htmx polling while the job runs), its result
download and its cancel button. Only the person who asked and platform administrators
see a job; anyone else gets 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cometa.core.errors import ServiceError
from cometa.core.jobs import registry, selectors, services
from cometa.core.jobs.models import JobState

POLL_SECONDS = 2


@login_required
@require_GET
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = selectors.job_get(request.user, pk)
    kind = registry.kind_of(job.kind)
    context = {
        "job": job,
        "label": kind.label if kind else job.kind,
        "poll_seconds": POLL_SECONDS,
    }
    fragment = getattr(request, "htmx", False)
    template = "core/_job_status.html" if fragment else "core/job_detail.html"
    return render(request, template, context)


@login_required
@require_GET
def job_result(request: HttpRequest, pk: int) -> FileResponse:
    job = selectors.job_get(request.user, pk)
    if job.state != JobState.DONE or not job.result_name:
        raise Http404(_("This job has no result file."))
    try:  # one request to the storage, not a look and then a read
        stored = default_storage.open(job.result_name, "rb")
    except FileNotFoundError:
        raise Http404(_("The result file was removed.")) from None
    return FileResponse(stored, as_attachment=True, filename=job.result_label or f"job-{job.pk}")


@login_required
@require_POST
def job_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    job = selectors.job_get(request.user, pk)
    try:
        services.cancel_job(actor=request.user, job=job)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The job was cancelled."))
    return redirect("jobs:job", pk=job.pk)
