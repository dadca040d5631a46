"""Serializers of the scorecards API: cycles, assessments, indicators, workflow, quality
checks and imports (what the endpoints read and answer)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cometa.core.api.fields import IdField
from cometa.scorecards.api.common import (
    AssessmentKindField,
    AssessmentStatusField,
    SeverityField,
    StepField,
)
from cometa.scorecards.api.serializers_frameworks import TextSerializer
from cometa.scorecards.assessments import access
from cometa.scorecards.assessments.workflow import allowed_steps
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import Assessment, Cycle, IndicatorAssessment

YEAR: dict[str, Any] = {"min_value": 2000, "max_value": 2100}


class CycleSerializer(serializers.ModelSerializer[Cycle]):
    class Meta:
        model = Cycle
        fields = ["id", "organisation", "name", "start_year", "end_year"]


class CycleCreateSerializer(serializers.Serializer[Any]):
    organisation = IdField()
    name = serializers.CharField(max_length=120)
    start_year = serializers.IntegerField(**YEAR)
    end_year = serializers.IntegerField(**YEAR)


class CycleFilterSerializer(serializers.Serializer[Any]):
    organisation = IdField(required=False)


class AssessmentSerializer(serializers.ModelSerializer[Assessment]):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    framework_identifier = serializers.CharField(source="framework.identifier", read_only=True)
    framework_version = serializers.CharField(source="framework.version", read_only=True)
    imported = serializers.SerializerMethodField()
    kind = AssessmentKindField(read_only=True)
    status = AssessmentStatusField(read_only=True)

    class Meta:
        model = Assessment
        fields = [
            "id",
            "organisation",
            "organisation_name",
            "framework",
            "framework_identifier",
            "framework_version",
            "cycle",
            "year",
            "kind",
            "status",
            "submitted_at",
            "approved_at",
            "published_at",
            "imported",
            "created_at",
            "updated_at",
        ]

    def get_imported(self, assessment: Assessment) -> bool:
        return bool(assessment.import_sha256)


class IndicatorRowSerializer(serializers.ModelSerializer[IndicatorAssessment]):
    level = serializers.CharField(read_only=True, help_text="The agreed rating, else the computed")
    title = serializers.SerializerMethodField()
    dimension = serializers.SerializerMethodField()
    updated_by = serializers.StringRelatedField(read_only=True, allow_null=True)  # type: ignore[var-annotated]
    answers = serializers.DictField(child=serializers.CharField())
    findings = serializers.DictField(child=serializers.CharField())
    inputs = serializers.DictField(child=serializers.FloatField(allow_null=True))
    trace = serializers.DictField(help_text="Why the computed rating is what it is")

    class Meta:
        model = IndicatorAssessment
        fields = [
            "code",
            "title",
            "dimension",
            "reassessed",
            "answers",
            "findings",
            "inputs",
            "computed_level",
            "agreed_level",
            "level",
            "difference_reason",
            "justification",
            "rating_year",
            "trace",
            "version",
            "updated_by",
            "updated_at",
        ]

    def _definition(self, row: IndicatorAssessment) -> Any:
        framework = self.context.get("framework") or framework_of(row.assessment.framework)
        return framework.indicator(row.code)

    @extend_schema_field(TextSerializer)
    def get_title(self, row: IndicatorAssessment) -> Any:
        return TextSerializer(self._definition(row).title).data

    def get_dimension(self, row: IndicatorAssessment) -> str:
        return str(self._definition(row).dimension)


class AssessmentDetailSerializer(AssessmentSerializer):
    indicators = serializers.SerializerMethodField()
    allowed_steps = serializers.SerializerMethodField()
    may_edit = serializers.SerializerMethodField()

    class Meta(AssessmentSerializer.Meta):
        fields = [
            *AssessmentSerializer.Meta.fields,
            "process_text",
            "context_text",
            "text_version",
            "may_edit",
            "allowed_steps",
            "indicators",
        ]

    @extend_schema_field(IndicatorRowSerializer(many=True))
    def get_indicators(self, assessment: Assessment) -> Any:
        rows = assessment.indicators.select_related("updated_by").order_by("id")
        for row in rows:
            row.assessment = assessment
        framework = framework_of(assessment.framework)
        return IndicatorRowSerializer(rows, many=True, context={"framework": framework}).data

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_allowed_steps(self, assessment: Assessment) -> list[str]:
        return allowed_steps(self.context["person"], assessment)

    def get_may_edit(self, assessment: Assessment) -> bool:
        return assessment.is_editable and access.may_edit(self.context["person"], assessment)


class AssessmentCreateSerializer(serializers.Serializer[Any]):
    organisation = IdField()
    framework = IdField(help_text="A published framework version")
    year = serializers.IntegerField(**YEAR)
    kind = AssessmentKindField()
    cycle = IdField(required=False, allow_null=True)


class AssessmentTextSerializer(serializers.Serializer[Any]):
    text_version = serializers.IntegerField(
        min_value=1, help_text="The text_version you read; a stale one answers 409 edit_conflict"
    )
    process_text = serializers.CharField(required=False, allow_blank=True)
    context_text = serializers.CharField(required=False, allow_blank=True)


class AssessmentFilterSerializer(serializers.Serializer[Any]):
    organisation = IdField(required=False)
    year = serializers.IntegerField(required=False, **YEAR)
    status = AssessmentStatusField(required=False)
    framework = serializers.CharField(required=False, help_text="Framework identifier")
    kind = AssessmentKindField(required=False)


class IndicatorUpdateSerializer(serializers.Serializer[Any]):
    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; a stale one answers 409 edit_conflict"
    )
    reassessed = serializers.BooleanField(required=False)
    answers = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)
    findings = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)
    inputs = serializers.DictField(child=serializers.FloatField(allow_null=True), required=False)
    agreed_level = serializers.CharField(required=False, allow_blank=True, max_length=30)
    difference_reason = serializers.CharField(required=False, allow_blank=True)
    justification = serializers.CharField(required=False, allow_blank=True)
    replace = serializers.ListField(
        child=serializers.ChoiceField(choices=["answers", "findings", "inputs"]),
        required=False,
        default=list,
        help_text=(
            "Answers, findings and inputs are merged key by key (a key sent blank, or null "
            "for an input, is removed). Name a field here to replace it as a whole instead."
        ),
    )


class TransitionSerializer(serializers.Serializer[Any]):
    step = StepField()
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class FindingSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Stable code, QA001 to QA007")
    severity = SeverityField()
    indicator = serializers.CharField(allow_null=True)
    message = serializers.CharField()
    params = serializers.DictField()


class QualitySerializer(serializers.Serializer[Any]):
    count = serializers.IntegerField()
    blocking = serializers.IntegerField(help_text="Errors that block submission")
    findings = FindingSerializer(many=True)


class ImportSerializer(serializers.Serializer[Any]):
    organisation = IdField(help_text="The country team")
    file = serializers.FileField(help_text="The annual progress report as UTF-8 text")


class ImportResultSerializer(serializers.Serializer[Any]):
    created = serializers.BooleanField(help_text="False when the same file was imported before")
    assessment = AssessmentSerializer()
    ratings = serializers.IntegerField()
    reassessed = serializers.ListField(child=serializers.CharField())


class ImportProblemSerializer(serializers.Serializer[Any]):
    line = serializers.IntegerField()
    message = serializers.CharField()


class ImportErrorDetailSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    message = serializers.CharField()
    fields = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField())
    )
    problems = ImportProblemSerializer(many=True, required=False)


class ImportErrorSerializer(serializers.Serializer[Any]):
    error = ImportErrorDetailSerializer()
