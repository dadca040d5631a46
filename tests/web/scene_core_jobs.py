"""Builds the URLs of the background jobs' rows of the permission matrix: a finished job
with a result file (for the result route) or a waiting one (for the others)."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from cometa.core.jobs.models import Job, JobState, result_expiry

ACTORS = {
    "viewer": "sara",
    "editor": "bolat",
    "coordinator": "aisha",
    "reviewer": "rita",
    "outsider": "oscar",
    "admin": "ada",
}


def _job(owner: Any, *, finished: bool) -> Job:
    if not finished:
        return Job.objects.create(kind="core.probe", requested_by=owner)
    job = Job.objects.create(
        kind="core.probe", requested_by=owner, state=JobState.DONE, done=1, total=1
    )
    job.result_name = default_storage.save(f"jobs/{job.pk}/probe.txt", ContentFile(b"step 1"))
    job.result_label, job.finished_at = "probe.txt", timezone.now()
    job.expires_at = result_expiry(job.finished_at)
    job.save()
    return job


def url(scene: Any, route: str, role: str, relation: str) -> str:
    if relation == "own" and role != "anonymous":
        owner = getattr(scene.world, ACTORS[role])
    else:
        owner = scene.newcomer
    job = _job(owner, finished="result" in route)
    return "/" + route.replace("<int:pk>", str(job.pk))


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    return {}
