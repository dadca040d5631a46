"""The API of the jobs: ``GET /api/v1/jobs/<id>/`` with state, progress and the result's
address. Endpoints that start a job answer with :func:`accepted` (202 and ``Location``)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cometa.core.jobs import selectors
from cometa.core.jobs.models import Job, JobState


class JobSerializer(serializers.ModelSerializer[Job]):
    progress = serializers.SerializerMethodField()
    result_url = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    requested_by = serializers.CharField(source="requested_by.get_username", read_only=True)

    class Meta:
        model = Job
        fields = [
            "id", "url", "kind", "state", "progress", "result_url", "error", "attempts",
            "requested_by", "parameters", "created_at", "started_at", "finished_at",
            "expires_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_progress(self, job: Job) -> dict[str, Any]:
        return {"done": job.done, "total": job.total, "message": job.message}

    def get_url(self, job: Job) -> str:
        return _absolute(self.context.get("request"), reverse("api-job", args=[job.pk]))

    def get_result_url(self, job: Job) -> str | None:
        if job.state != JobState.DONE or not job.result_name:
            return None
        return _absolute(self.context.get("request"), reverse("jobs:result", args=[job.pk]))


def _absolute(request: Any, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


class JobView(APIView):
    @extend_schema(responses=JobSerializer, summary="A job: state, progress, result address")
    def get(self, request: Request, pk: int) -> Response:
        job = selectors.job_get(request.user, pk)
        return Response(JobSerializer(job, context={"request": request}).data)


def accepted(request: Request, job: Job) -> Response:
    """The answer of an endpoint that started a job: 202, the job, and its address."""
    response = Response(JobSerializer(job, context={"request": request}).data, status=202)
    response["Location"] = reverse("api-job", args=[job.pk])
    return response
