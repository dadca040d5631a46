"""Reads of jobs for the acting person: the person who asked sees a job, and platform
administrators see every job; anyone else is told there is no such job (404)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from cometa.core.jobs.models import Job


def is_platform_admin(actor: Any) -> bool:
    return bool(getattr(actor, "is_platform_admin", False)) and bool(
        getattr(actor, "is_active", False)
    )


def jobs_visible_to(actor: Any) -> QuerySet[Job]:
    if not getattr(actor, "is_authenticated", False):
        return Job.objects.none()
    if is_platform_admin(actor):
        return Job.objects.all()
    return Job.objects.filter(requested_by=actor)


def job_get(actor: Any, pk: int) -> Job:
    job = jobs_visible_to(actor).select_related("requested_by").filter(pk=pk).first()
    if job is None:
        raise Http404(_("No such job."))
    return job
