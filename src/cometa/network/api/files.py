"""API for the network's spreadsheet files: a kind's template, an export in the
template's shape, and an import started as a background job (202 with the job; its
result file is the report of every error: row, column, value, why)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cometa.accounts.acting import person_of
from cometa.core.api.inputs import valid
from cometa.core.api.schema import ErrorSerializer
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.core.jobs.api import JobSerializer, accepted
from cometa.network import selectors_network, selectors_survey
from cometa.network.access import reach
from cometa.network.file_requests import chosen, export_member, file_response
from cometa.network.import_jobs import RESPONSES, import_job_start
from cometa.network.services.exporting import network_export
from cometa.network.tabular import writing
from cometa.network.tabular.columns import KINDS
from cometa.reports.renderers import CONTENT_TYPES

TAGS = ["network"]
FILE = {
    (200, "text/csv"): OpenApiResponse(OpenApiTypes.BINARY, description="CSV (UTF-8 with BOM)"),
    (200, CONTENT_TYPES["xlsx"]): OpenApiResponse(OpenApiTypes.BINARY, description="XLSX"),
    401: ErrorSerializer,
    404: ErrorSerializer,
}


class NetworkFileFormatSerializer(serializers.Serializer[Any]):
    # not "format": DRF reads that query parameter to choose its own renderer
    file_format = serializers.ChoiceField(
        choices=writing.FORMATS, required=False, default="csv", help_text="csv or xlsx"
    )


class NetworkExportFilterSerializer(NetworkFileFormatSerializer):
    member = serializers.IntegerField(
        required=False, min_value=1, help_text="Only this member's records"
    )


class NetworkImportSerializer(serializers.Serializer[Any]):
    member = serializers.IntegerField(min_value=1, help_text="The member whose records these are")
    kind = serializers.ChoiceField(
        choices=[*sorted(KINDS), RESPONSES],
        help_text="A template kind, or responses: a Kobo or ODK export of survey answers",
    )
    instrument = serializers.IntegerField(
        min_value=1,
        required=False,
        help_text="For responses: the survey instrument the answers were collected with",
    )
    file = serializers.FileField(help_text="CSV (UTF-8, UTF-8 with BOM or Windows-1252) or XLSX")
    dry_run = serializers.BooleanField(
        required=False, default=False, help_text="Check every row, write nothing"
    )


class NetworkTemplateView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="The empty template of a kind of file (codes and instructions inside)",
        parameters=[NetworkFileFormatSerializer],
        responses=FILE,
    )
    def get(self, request: Request, pk: int, kind: str) -> HttpResponse:
        selectors_network.network_get(person_of(request), pk)
        fmt = chosen(
            kind, valid(NetworkFileFormatSerializer, request.query_params.dict())["file_format"]
        )
        return file_response(writing.template(KINDS[kind], fmt), f"{kind}-template", fmt)


class NetworkExportView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Export what the person may read of a kind, in the template's shape (audited)",
        parameters=[NetworkExportFilterSerializer],
        responses=FILE,
    )
    def get(self, request: Request, pk: int, kind: str) -> HttpResponse:
        person = person_of(request)
        network = selectors_network.network_get(person, pk)
        filters = valid(NetworkExportFilterSerializer, request.query_params.dict())
        fmt = chosen(kind, filters["file_format"])
        member = export_member(person, network, filters.get("member"))
        content = network_export(actor=person, network=network, kind=kind, fmt=fmt, member=member)
        return file_response(content, kind, fmt)


class NetworkImportView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        tags=TAGS,
        summary="Import a file into a member's records, as a background job",
        description=(
            "multipart/form-data. Answers 202 with the job; its result file lists every "
            "error (row, column, value, why). Nothing is written if any row fails."
        ),
        request={"multipart/form-data": NetworkImportSerializer},
        responses={
            202: JobSerializer,
            **dict.fromkeys((400, 401, 403, 404), ErrorSerializer),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        network = selectors_network.network_get(person, pk)
        if not reach(person, network).editor_of:  # before reading a large body
            raise NotPermitted(_("Only a member's editors import its records."))
        data = valid(NetworkImportSerializer, request.data)
        member = selectors_network.member_get(person, network, data["member"])
        instrument = None
        if data["kind"] == RESPONSES:
            if "instrument" not in data:
                raise ValidationFailed({"instrument": [_("Name the survey instrument.")]})
            instrument = selectors_survey.instrument_get(person, network, data["instrument"])
        job = import_job_start(
            actor=person, member=member, kind=data["kind"], content=data["file"].read(),
            dry_run=data["dry_run"], instrument=instrument,
        )  # fmt: skip
        return accepted(request, job)
