"""Asking for the global view's workbook as a background job, from the page; the job's
own page (cometa.core.jobs) then shows its progress and its file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from cometa.accounts.acting import person_of
from cometa.core.errors import ServiceError
from cometa.core.jobs import services as jobs
from cometa.scorecards.reporting import global_jobs, global_view


@login_required
@require_POST
def global_workbook(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    global_view.require_global(person)
    try:
        job = jobs.start_job(
            actor=person,
            kind=global_jobs.KIND,
            parameters=global_jobs.job_parameters(request.GET.dict()),
        )
    except ServiceError as error:
        messages.error(request, error.message)
        query = request.GET.urlencode()
        return redirect(reverse("scorecards:global") + (f"?{query}" if query else ""))
    return redirect("jobs:job", pk=job.pk)
