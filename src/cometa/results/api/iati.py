"""API: IATI 2.03 in (a background job: 202 and the job's address) and out (the XML file
of a plan, checked against the official schema and the standard ruleset)."""

from __future__ import annotations

import io
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cometa.accounts.access import organisation_get
from cometa.accounts.acting import person_of
from cometa.core.api.fields import IdField
from cometa.core.api.inputs import valid
from cometa.core.api.schema import ErrorSerializer
from cometa.core.errors import Conflict, ValidationFailed
from cometa.core.jobs.api import JobSerializer, accepted
from cometa.core.web.downloads import attachment
from cometa.interchange.iati.source import DEFAULT_LIMIT
from cometa.results import selectors
from cometa.results.iati import jobs
from cometa.results.iati.exporting import iati_export

TAGS = ["results: IATI"]
XML = "application/xml"


class IatiImportSerializer(serializers.Serializer[Any]):
    office = IdField(help_text="The office whose results the file holds")
    file = serializers.FileField(help_text="An iati-activities file, version 2.03")
    dry_run = serializers.BooleanField(
        default=False, help_text="Check everything and report, write nothing"
    )


class IatiImportView(APIView):
    parser_classes = [MultiPartParser, JSONParser]

    @extend_schema(
        tags=TAGS,
        summary="Import the results of an IATI file into an office (a background job)",
        description=(
            "All or nothing: the job's result file lists every error and warning with its "
            "line and element path; with an error nothing is imported. Follow the job at "
            "Location."
        ),
        request={"multipart/form-data": IatiImportSerializer},
        responses={
            202: JobSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Invalid: the fields say why"),
            403: OpenApiResponse(ErrorSerializer, description="Not one of the office's editors"),
            404: OpenApiResponse(ErrorSerializer, description="No such office, or not yours"),
        },
    )
    def post(self, request: Request) -> Response:
        person = person_of(request)
        office = organisation_get(person, request.data.get("office"))
        jobs.authorize(person, {"office": office.pk})  # 403 before the file is looked at
        data = valid(IatiImportSerializer, request.data)
        upload = data["file"]
        if upload.size > DEFAULT_LIMIT:
            raise ValidationFailed(
                {
                    "file": [
                        _("The file is larger than %(limit)s MB.") % {"limit": DEFAULT_LIMIT >> 20}
                    ]
                }
            )
        job = jobs.import_job_start(
            actor=person,
            office=office,
            content=upload.read(),
            file_name=upload.name or "upload.xml",
            dry_run=data["dry_run"],
        )
        return accepted(request, job)


class PlanIatiView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="A plan's results as an IATI 2.03 file (one activity per outcome)",
        parameters=[
            OpenApiParameter("year", int, description="Only the periods reaching into this year")
        ],
        responses={
            (200, XML): OpenApiTypes.BINARY,
            400: OpenApiResponse(ErrorSerializer, description="The year is not a year"),
            404: OpenApiResponse(ErrorSerializer, description="No such plan, or not readable"),
            409: OpenApiResponse(ErrorSerializer, description="The export does not validate"),
        },
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        person = person_of(request)
        plan = selectors.plan_get(person, pk)
        year = _year(request.query_params.get("year"))
        target = io.BytesIO()
        report = iati_export(actor=person, plans=[plan], target=target, year=year)
        if not report.ok:
            raise Conflict("export_invalid", "; ".join(report.summary()[:5]))
        name = f"iati-{plan.office_code}-{plan.start_year}{f'-{year}' if year else ''}.xml"
        return attachment(target.getvalue(), name, XML)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    if not text.isdigit() or not 1900 <= int(text) <= 2200:
        raise ValidationFailed({"year": [_("Give a year, like 2022.")]})
    return int(text)
