"""API: cycles, assessments and their indicators, the review workflow, quality checks and
the import of annual progress reports."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from cometa.accounts.acting import person_of
from cometa.core.api.errors import error_body
from cometa.core.errors import NotPermitted
from cometa.scorecards.api.common import context, errors, query, valid
from cometa.scorecards.api.serializers import (
    AssessmentCreateSerializer,
    AssessmentDetailSerializer,
    AssessmentFilterSerializer,
    AssessmentSerializer,
    AssessmentTextSerializer,
    CycleCreateSerializer,
    CycleFilterSerializer,
    CycleSerializer,
    ImportErrorSerializer,
    ImportResultSerializer,
    ImportSerializer,
    IndicatorRowSerializer,
    IndicatorUpdateSerializer,
    QualitySerializer,
    TransitionSerializer,
)
from cometa.scorecards.assessments import patching, services, workflow
from cometa.scorecards.assessments import selectors as assessment_selectors
from cometa.scorecards.assessments.quality import quality_findings
from cometa.scorecards.frameworks import selectors as framework_selectors
from cometa.scorecards.models import Assessment, Cycle, IndicatorAssessment
from cometa.scorecards.report_import import importing, source
from cometa.scorecards.report_import.parser import ReportImportError

TAGS = ["scorecards: assessments"]


def _detail(request: Request, assessment: Assessment, code: int = 200) -> Response:
    body = AssessmentDetailSerializer(assessment, context=context(person_of(request))).data
    return Response(body, status=code)


class CycleListView(generics.ListCreateAPIView[Cycle]):
    serializer_class = CycleSerializer

    def get_queryset(self) -> QuerySet[Cycle]:
        filters = query(CycleFilterSerializer, self.request)
        return assessment_selectors.cycles_for(person_of(self.request), **filters)

    @extend_schema(
        tags=TAGS,
        summary="Cooperation Framework cycles of the teams you see",
        parameters=[CycleFilterSerializer],
        responses={200: CycleSerializer(many=True), **errors(400, 401)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="Add a cycle to a country team (its coordinators)",
        request=CycleCreateSerializer,
        responses={201: CycleSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        person = person_of(request)
        data = valid(CycleCreateSerializer, request.data)
        data["organisation"] = assessment_selectors.organisation_get(person, data["organisation"])
        cycle = services.cycle_create(actor=person, **data)
        return Response(CycleSerializer(cycle).data, status=status.HTTP_201_CREATED)


class AssessmentListView(generics.ListCreateAPIView[Assessment]):
    serializer_class = AssessmentSerializer

    def get_queryset(self) -> QuerySet[Assessment]:
        filters = query(AssessmentFilterSerializer, self.request)
        return assessment_selectors.assessment_list(person_of(self.request), **filters)

    @extend_schema(
        tags=TAGS,
        summary="Assessments you may see",
        parameters=[AssessmentFilterSerializer],
        responses={200: AssessmentSerializer(many=True), **errors(400, 401)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="Start an assessment (a row per indicator of the framework)",
        request=AssessmentCreateSerializer,
        responses={201: AssessmentDetailSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        person = person_of(request)
        data = valid(AssessmentCreateSerializer, request.data)
        data["organisation"] = assessment_selectors.organisation_get(person, data["organisation"])
        data["framework"] = framework_selectors.framework_get(person, data["framework"])
        if data.get("cycle") is not None:
            data["cycle"] = assessment_selectors.cycle_get(person, data["cycle"])
        assessment = services.assessment_create(actor=person, new=services.NewAssessment(**data))
        return _detail(request, assessment, status.HTTP_201_CREATED)


class AssessmentDetailView(generics.GenericAPIView[Assessment]):
    serializer_class = AssessmentDetailSerializer

    @extend_schema(
        tags=TAGS,
        summary="An assessment with all its indicator rows",
        responses={200: AssessmentDetailSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        return _detail(request, assessment_selectors.assessment_get(person_of(request), pk))

    @extend_schema(
        tags=TAGS,
        summary="Change the process and country-context texts",
        description=(
            "A text left out keeps its stored value. `text_version` is the one you read: "
            "if someone saved the texts since, nothing is saved and the answer is 409 with "
            "code `edit_conflict` (read the assessment again, then send your change)."
        ),
        request=AssessmentTextSerializer,
        responses={200: AssessmentDetailSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def patch(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        assessment = assessment_selectors.assessment_get(person, pk)
        data = valid(AssessmentTextSerializer, request.data)
        assessment = services.assessment_update_text(
            actor=person,
            assessment=assessment,
            process_text=data.get("process_text", assessment.process_text),
            context_text=data.get("context_text", assessment.context_text),
            expected_version=data["text_version"],
        )
        return _detail(request, assessment)


class IndicatorView(generics.GenericAPIView[IndicatorAssessment]):
    serializer_class = IndicatorRowSerializer

    @extend_schema(
        tags=TAGS,
        summary="One indicator of an assessment",
        responses={200: IndicatorRowSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, pk: int, code: str) -> Response:
        row = assessment_selectors.indicator_get(person_of(request), pk, code)
        return Response(IndicatorRowSerializer(row).data)

    @extend_schema(
        tags=TAGS,
        summary="Save an indicator; its rating is computed again",
        description=(
            "Fields left out keep their stored values. `answers`, `findings` and `inputs` "
            "are merged key by key with the stored ones: a PATCH naming one finding keeps "
            "the others, and a key sent as an empty string (or null, for an input) is "
            "removed. To replace one of them as a whole, name it in `replace`. "
            "`version` is the version you read: "
            "if someone saved the indicator since, nothing is saved and the answer is "
            "409 with code `edit_conflict`."
        ),
        request=IndicatorUpdateSerializer,
        responses={200: IndicatorRowSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def patch(self, request: Request, pk: int, code: str) -> Response:
        person = person_of(request)
        row = assessment_selectors.indicator_get(person, pk, code)
        data = valid(IndicatorUpdateSerializer, request.data)
        version, replace = data.pop("version"), data.pop("replace")
        saved = patching.indicator_patch(
            actor=person, indicator=row, expected_version=version, changes=data, replace=replace
        )
        return Response(IndicatorRowSerializer(saved).data)


class TransitionView(generics.GenericAPIView[Assessment]):
    serializer_class = TransitionSerializer

    @extend_schema(
        tags=TAGS,
        summary="Take a workflow step: submit, start_review, return, approve, unapprove, publish",
        description="A step that the assessment's state does not allow: 409 `wrong_state`.",
        request=TransitionSerializer,
        responses={200: AssessmentDetailSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        assessment = assessment_selectors.assessment_get(person, pk)
        data = valid(TransitionSerializer, request.data)
        assessment = workflow.transition(
            actor=person, assessment=assessment, step_name=data["step"], comment=data["comment"]
        )
        return _detail(request, assessment)


class QualityView(generics.GenericAPIView[Assessment]):
    serializer_class = QualitySerializer

    @extend_schema(
        tags=TAGS,
        summary="The quality checks a reviewer makes (errors block submission)",
        responses={200: QualitySerializer, **errors(401, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        findings = quality_findings(assessment_selectors.assessment_get(person_of(request), pk))
        body = {
            "count": len(findings),
            "blocking": sum(1 for finding in findings if finding.severity == "error"),
            "findings": findings,
        }
        return Response(QualitySerializer(body).data)


class ImportView(generics.GenericAPIView[Assessment]):
    serializer_class = ImportSerializer
    parser_classes = [MultiPartParser]

    @extend_schema(
        tags=TAGS,
        summary="Import an annual progress report (text form) as an assessment",
        description=(
            "All or nothing. 201 when the assessment is created, 200 when this very file "
            "was imported before (nothing changes). A report that cannot be read answers "
            "400 `import_failed` with every problem and its line, in `error.fields.file` "
            "and in `error.problems`."
        ),
        request={"multipart/form-data": ImportSerializer},
        responses={
            201: ImportResultSerializer,
            200: ImportResultSerializer,
            400: OpenApiResponse(ImportErrorSerializer, description="The report cannot be read"),
            **errors(401, 403, 404, 415),
        },
    )
    def post(self, request: Request) -> Response:
        person = person_of(request)
        data = valid(ImportSerializer, request.data)
        organisation = assessment_selectors.organisation_get(person, data["organisation"])
        if not assessment_selectors.may_import(person, organisation):
            raise NotPermitted(_("Only editors and coordinators of this country team may import."))
        upload = data["file"]
        text = _text_of(upload)
        try:
            result = importing.assessment_import(
                actor=person, organisation=organisation, text=text, source_name=upload.name
            )
        except ReportImportError as error:
            return _import_failed(error)
        body = {
            "created": result.created,
            "assessment": result.assessment,
            "ratings": len(result.report.ratings),
            "reassessed": [rating.code for rating in result.report.ratings if rating.reassessed],
        }
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(ImportResultSerializer(body).data, status=code)


def _text_of(upload: Any) -> str:
    """The report's text: over the size limit, or not UTF-8, answers 400 naming the file
    (and the line and column of the first byte that is not UTF-8)."""
    return source.read_report(upload, name=upload.name, size=upload.size)


def _import_failed(error: ReportImportError) -> Response:
    problems = [{"line": item.line, "message": item.message} for item in error.errors]
    body = error_body(
        "import_failed",
        str(error).splitlines()[0],
        {"file": [str(item) for item in error.errors]},
    )
    body["error"]["problems"] = problems
    return Response(body, status=status.HTTP_400_BAD_REQUEST)
