"""What the results API reads and writes."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from cometa.core.api.schema import enum_field
from cometa.indicators.models import IndicatorValue, ValueKind, ValueSource
from cometa.indicators.periods import PeriodError, parse_period
from cometa.results.models import (
    BudgetLine,
    Fact,
    JointProgramme,
    KnowledgeKind,
    KnowledgeProduct,
    Narrative,
    Outcome,
    Output,
    Partner,
    PartnerKind,
    Plan,
    ResultIndicator,
)
from cometa.results.scales import GenderMarker, Progress

ProgressField = enum_field("ResultsProgress", Progress.choices)
ValueKindField = enum_field("ResultsValueKind", ValueKind.choices)
SourceField = enum_field("ResultsValueSource", ValueSource.choices)
PartnerKindField = enum_field("ResultsPartnerKind", PartnerKind.choices)
KnowledgeKindField = enum_field("ResultsKnowledgeKind", KnowledgeKind.choices)
MARKERS = [(value, str(label)) for value, label in GenderMarker.choices]


class ResultsTextSerializer(serializers.Serializer[Any]):
    """A text in English and, where written, Spanish and Russian."""

    en = serializers.CharField(max_length=20000)
    es = serializers.CharField(max_length=20000, required=False, allow_blank=True, default="")
    ru = serializers.CharField(max_length=20000, required=False, allow_blank=True, default="")


class PeriodField(serializers.CharField):
    """A period as text: 2022, 2022-Q3, 2022-07 or 2022-01-15/2022-06-30."""

    def to_internal_value(self, data: Any) -> Any:
        try:
            return parse_period(str(super().to_internal_value(data)))
        except PeriodError as exc:
            raise serializers.ValidationError(str(exc)) from None

    def to_representation(self, value: Any) -> str:
        return str(value)


class OutputSerializer(serializers.ModelSerializer[Output]):
    identifier = serializers.CharField(read_only=True)
    statement = ResultsTextSerializer(read_only=True)

    class Meta:
        model = Output
        fields = ["id", "code", "identifier", "statement"]


class PartnerSerializer(serializers.ModelSerializer[Partner]):
    kind = PartnerKindField()

    class Meta:
        model = Partner
        fields = ["id", "name", "kind"]


class OutcomeSerializer(serializers.ModelSerializer[Outcome]):
    identifier = serializers.CharField(read_only=True)
    statement = ResultsTextSerializer(read_only=True)
    outputs = OutputSerializer(many=True, read_only=True)
    partners = PartnerSerializer(many=True, read_only=True)

    class Meta:
        model = Outcome
        fields = ["id", "code", "kind", "identifier", "statement", "outputs", "partners"]


class AttachedSerializer(serializers.ModelSerializer[ResultIndicator]):
    code = serializers.CharField(source="version.indicator.code", read_only=True)
    version = serializers.IntegerField(source="version.number", read_only=True)
    title = ResultsTextSerializer(source="version.title", read_only=True)

    class Meta:
        model = ResultIndicator
        fields = ["id", "outcome", "output", "code", "version", "title"]


class ProgrammeSerializer(serializers.ModelSerializer[JointProgramme]):
    entities = serializers.ListField(child=serializers.CharField(), source="entity_list")

    class Meta:
        model = JointProgramme
        fields = ["id", "name", "entities", "outcomes"]


class PlanSerializer(serializers.ModelSerializer[Plan]):
    office_name = serializers.CharField(source="office.name", read_only=True)

    class Meta:
        model = Plan
        fields = [
            "id",
            "office",
            "office_name",
            "title",
            "cooperation_framework",
            "start_year",
            "end_year",
            "publisher",
            "office_code",
        ]


class PlanDetailSerializer(PlanSerializer):
    outcomes = OutcomeSerializer(many=True, read_only=True)
    indicators = AttachedSerializer(many=True, read_only=True)
    joint_programmes = ProgrammeSerializer(many=True, read_only=True)

    class Meta(PlanSerializer.Meta):
        fields = [*PlanSerializer.Meta.fields, "outcomes", "indicators", "joint_programmes"]


class PlanWriteSerializer(serializers.Serializer[Any]):
    office = serializers.IntegerField(help_text="The office (organisation id)")
    title = serializers.CharField(max_length=200)
    start_year = serializers.IntegerField()
    end_year = serializers.IntegerField()
    office_code = serializers.CharField(max_length=10, help_text="Like MEX")
    cooperation_framework = serializers.CharField(max_length=200, required=False, default="")
    publisher = serializers.CharField(max_length=60, required=False, default="XM-DAC-41146")


class ResultWriteSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(max_length=24, help_text="D_1.1, O_1 or, for outputs, D_1.1.1")
    statement = ResultsTextSerializer()


class PartnerWriteSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=200)
    kind = PartnerKindField()


class AttachSerializer(serializers.Serializer[Any]):
    outcome = serializers.IntegerField(required=False, help_text="An outcome of the plan")
    output = serializers.IntegerField(required=False, help_text="Or an output of the plan")
    indicator = serializers.CharField(max_length=60, help_text="The indicator's code")
    version = serializers.IntegerField(required=False, help_text="Default: the latest")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("outcome" in attrs) == ("output" in attrs):
            raise serializers.ValidationError("Name either an outcome or an output.")
        return attrs


class ValueSerializer(serializers.ModelSerializer[IndicatorValue]):
    kind = ValueKindField()
    period = PeriodField()
    source = SourceField()

    class Meta:
        model = IndicatorValue
        fields = ["id", "kind", "period", "key", "value", "text", "comment", "source", "revision"]


class ValueWriteSerializer(serializers.Serializer[Any]):
    kind = ValueKindField()
    period = PeriodField(help_text="2022, 2022-Q3, 2022-07 or 2022-01-15/2022-06-30")
    key = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    value = serializers.DecimalField(max_digits=24, decimal_places=6, required=False)
    text = serializers.CharField(required=False, allow_blank=True, default="")
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    expected_revision = serializers.IntegerField(
        min_value=0, help_text="The revision you saw; 0 for an empty cell"
    )


class FactSerializer(serializers.ModelSerializer[Fact]):
    kind = ValueKindField()
    period = PeriodField(read_only=True)

    class Meta:
        model = Fact
        fields = ["id", "value", "unit", "label", "indicator", "kind", "key", "period"]


class FactWriteSerializer(serializers.Serializer[Any]):
    value = serializers.DecimalField(max_digits=24, decimal_places=6)
    label = serializers.CharField(max_length=300)  # type: ignore[assignment]
    unit = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    indicator = serializers.IntegerField(required=False, allow_null=True, default=None)
    kind = ValueKindField(required=False, default="actual")
    key = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    period = PeriodField(required=False, allow_null=True, default=None)


class FactCheckSerializer(serializers.Serializer[Any]):
    fact = serializers.IntegerField()
    status = serializers.CharField(help_text="matches, differs, no_value or not_linked")
    stored = serializers.DecimalField(max_digits=24, decimal_places=6, allow_null=True)
    difference = serializers.DecimalField(max_digits=24, decimal_places=6, allow_null=True)


class NarrativeSerializer(serializers.ModelSerializer[Narrative]):
    text = ResultsTextSerializer()
    progress = ProgressField()
    facts = FactSerializer(many=True, read_only=True)

    class Meta:
        model = Narrative
        fields = ["id", "outcome", "year", "text", "progress", "version", "facts"]


class NarrativeWriteSerializer(serializers.Serializer[Any]):
    text = ResultsTextSerializer()
    progress = ProgressField()
    expected_version = serializers.IntegerField(
        min_value=0, help_text="The version you started from; 0 for a new narrative"
    )


class KnowledgeSerializer(serializers.ModelSerializer[KnowledgeProduct]):
    kind = KnowledgeKindField()
    partners = serializers.ListField(child=serializers.CharField(), source="partner_list")

    class Meta:
        model = KnowledgeProduct
        fields = [
            "id",
            "office",
            "title",
            "kind",
            "year",
            "partners",
            "url",
            "language",
            "outcomes",
        ]


class KnowledgeWriteSerializer(serializers.Serializer[Any]):
    office = serializers.IntegerField()
    title = serializers.CharField(max_length=400)
    kind = KnowledgeKindField()
    year = serializers.IntegerField()
    partners = serializers.ListField(child=serializers.CharField(max_length=200), default=list)
    url = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    language = serializers.CharField(max_length=8, required=False, allow_blank=True, default="")
    outcomes = serializers.ListField(child=serializers.IntegerField(), default=list)


class KnowledgeFilterSerializer(serializers.Serializer[Any]):
    q = serializers.CharField(
        required=False, max_length=200, help_text="Words of the title or partners"
    )
    kind = KnowledgeKindField(required=False)
    year = serializers.IntegerField(required=False)
    office = serializers.IntegerField(required=False)


class BudgetQuerySerializer(serializers.Serializer[Any]):
    office = serializers.IntegerField()
    year = serializers.IntegerField()


class BudgetShareSerializer(serializers.Serializer[Any]):
    currency = serializers.CharField()
    total = serializers.DecimalField(max_digits=20, decimal_places=2)
    marked = serializers.DecimalField(
        max_digits=20, decimal_places=2, help_text="Budget with gender equality marker 2 or 3"
    )
    share = serializers.DecimalField(max_digits=6, decimal_places=4, allow_null=True)


class BudgetLineSerializer(serializers.ModelSerializer[BudgetLine]):
    marker = serializers.ChoiceField(choices=MARKERS)

    class Meta:
        model = BudgetLine
        fields = ["id", "output", "activity", "year", "amount", "currency", "marker"]


class BudgetWriteSerializer(serializers.Serializer[Any]):
    year = serializers.IntegerField()
    amount = serializers.DecimalField(max_digits=18, decimal_places=2)
    currency = serializers.CharField(max_length=3, help_text="ISO 4217, like USD")
    marker = serializers.ChoiceField(choices=MARKERS, help_text="Gender equality marker 0-3")
    activity = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class YearQuerySerializer(serializers.Serializer[Any]):
    year = serializers.IntegerField()


class OfficeProgressSerializer(serializers.Serializer[Any]):
    office_id = serializers.IntegerField()
    office = serializers.CharField()
    region = serializers.CharField()
    counts = serializers.DictField(
        child=serializers.IntegerField(), help_text="Outcomes by progress assessment code"
    )
    on_track_share = serializers.DecimalField(
        max_digits=6,
        decimal_places=4,
        allow_null=True,
        source="on_track.share",
        help_text="On track / assessed (not assessed left out)",
    )
