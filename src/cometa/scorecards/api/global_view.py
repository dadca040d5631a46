"""API: ask for the global view's workbook as a background job (202 with the job's address)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cometa.accounts.acting import person_of
from cometa.core.jobs import services as jobs
from cometa.core.jobs.api import JobSerializer, accepted
from cometa.scorecards.reporting import global_jobs, global_view


class WorkbookRequestSerializer(serializers.Serializer[dict[str, object]]):
    framework = serializers.CharField(required=False, allow_blank=True)
    region = serializers.CharField(required=False, allow_blank=True)
    year_from = serializers.IntegerField(required=False, allow_null=True)
    year_to = serializers.IntegerField(required=False, allow_null=True)
    language = serializers.ChoiceField(choices=["en", "es", "ru"], required=False)


class GlobalWorkbookView(APIView):
    @extend_schema(
        request=WorkbookRequestSerializer,
        responses={202: JobSerializer},
        summary="Ask for the global view's workbook; follow the job at Location",
    )
    def post(self, request: Request) -> Response:
        person = person_of(request)
        global_view.require_global(person)
        given = WorkbookRequestSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        job = jobs.start_job(
            actor=person,
            kind=global_jobs.KIND,
            parameters=global_jobs.job_parameters(dict(given.validated_data)),
        )
        return accepted(request, job)
