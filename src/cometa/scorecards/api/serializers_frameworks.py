"""Serializers of the scorecards API: frameworks, their structure, and rating previews."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cometa.scorecards.api.common import InputKindField, ProvenanceStatusField
from cometa.scorecards.frameworks.model import (
    AllOf,
    AllRules,
    AnyOf,
    AtLeast,
    Band,
    LevelBelowAnd,
    Rule,
    Text,
)
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import FrameworkVersion


class TextSerializer(serializers.Serializer[Any]):
    en = serializers.CharField()
    es = serializers.CharField(allow_null=True)
    ru = serializers.CharField(allow_null=True)
    official = serializers.SerializerMethodField(
        help_text="The languages whose text is an official translation by the framework's "
        "owner; any other translation is Cometa's own, awaiting checking."
    )

    def get_official(self, text: Text) -> list[str]:
        return sorted(text.official)


class ProvenanceSerializer(serializers.Serializer[Any]):
    status = ProvenanceStatusField()
    source = serializers.CharField(allow_null=True)  # type: ignore[assignment]
    where = serializers.CharField(allow_null=True)
    note = serializers.CharField(allow_null=True)


class FrameworkLevelSerializer(serializers.Serializer[Any]):
    key = serializers.CharField()
    label = TextSerializer()  # type: ignore[assignment]


class DimensionSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    title = TextSerializer()


class SourceSerializer(serializers.Serializer[Any]):
    id = serializers.CharField()
    title = serializers.CharField()
    location = serializers.CharField(allow_null=True)
    note = serializers.CharField(allow_null=True)


class CriterionSerializer(serializers.Serializer[Any]):
    id = serializers.CharField(help_text='"<level>.<letter>", the key of its answer')
    level = serializers.CharField()
    letter = serializers.CharField()
    text = TextSerializer()
    provenance = ProvenanceSerializer()


def rule_data(rule: Rule | None) -> dict[str, Any] | None:
    """A rule as the framework file writes it, with qualified criterion ids."""
    if rule is None:
        return None
    if isinstance(rule, AllRules):
        return {"all": [rule_data(item) for item in rule.rules]}
    if isinstance(rule, Band):
        return {
            "band": {
                "input": rule.input,
                "lower": rule.lower,
                "lower_inclusive": rule.lower_inclusive,
                "upper": rule.upper,
                "upper_inclusive": rule.upper_inclusive,
            }
        }
    if isinstance(rule, AtLeast):
        return {"at_least": {"n": rule.n, "of": list(rule.criteria)}}
    if isinstance(rule, AnyOf):
        return {"any_of": list(rule.criteria)}
    if isinstance(rule, LevelBelowAnd):
        return {"level_below_and": list(rule.criteria)}
    assert isinstance(rule, AllOf)
    return {"all_of": list(rule.criteria)}


class IndicatorLevelSerializer(serializers.Serializer[Any]):
    level = serializers.CharField()
    criteria = CriterionSerializer(many=True)
    rule = serializers.SerializerMethodField(help_text="None for the lowest level")
    provenance = ProvenanceSerializer(allow_null=True)

    @extend_schema_field({"type": "object", "nullable": True, "additionalProperties": True})
    def get_rule(self, level: Any) -> dict[str, Any] | None:
        return rule_data(level.rule)


class InputSerializer(serializers.Serializer[Any]):
    key = serializers.CharField()
    label = TextSerializer()  # type: ignore[assignment]
    kind = InputKindField()
    min = serializers.FloatField()
    max = serializers.FloatField()


class FrameworkIndicatorSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    title = TextSerializer()
    dimension = serializers.CharField()
    statement = TextSerializer(allow_null=True)
    inputs = InputSerializer(many=True)
    levels = IndicatorLevelSerializer(many=True, help_text="Lowest level first")


class FrameworkStructureSerializer(serializers.Serializer[Any]):
    identifier = serializers.CharField()
    version = serializers.CharField()
    title = TextSerializer()
    description = TextSerializer(allow_null=True)
    levels = FrameworkLevelSerializer(many=True, help_text="Lowest first")
    dimensions = DimensionSerializer(many=True)
    indicators = FrameworkIndicatorSerializer(many=True)
    sources = SourceSerializer(many=True)


class FrameworkVersionSerializer(serializers.ModelSerializer[FrameworkVersion]):
    class Meta:
        model = FrameworkVersion
        fields = [
            "id",
            "identifier",
            "version",
            "title",
            "is_published",
            "published_at",
            "based_on",
            "sha256",
        ]


class FrameworkDetailSerializer(FrameworkVersionSerializer):
    structure = serializers.SerializerMethodField()

    class Meta(FrameworkVersionSerializer.Meta):
        fields = [*FrameworkVersionSerializer.Meta.fields, "structure"]

    @extend_schema_field(FrameworkStructureSerializer)
    def get_structure(self, version: FrameworkVersion) -> Any:
        return FrameworkStructureSerializer(framework_of(version)).data


class FrameworkFilterSerializer(serializers.Serializer[Any]):
    identifier = serializers.CharField(required=False, help_text="e.g. unct-swap")


class RateSerializer(serializers.Serializer[Any]):
    indicator = serializers.CharField(max_length=10, help_text="Indicator code, e.g. 3.2")
    answers = serializers.DictField(
        child=serializers.CharField(),
        required=False,
        default=dict,
        help_text="By criterion id: met, not_met or unknown (missing counts as unknown)",
    )
    inputs = serializers.DictField(
        child=serializers.FloatField(allow_null=True),
        required=False,
        default=dict,
        help_text="Numbers by input key",
    )


class TraceSerializer(serializers.Serializer[Any]):
    decided_by = serializers.CharField(allow_null=True)
    counted = serializers.ListField(child=serializers.CharField())
    unknown = serializers.ListField(child=serializers.CharField())
    unknown_inputs = serializers.ListField(child=serializers.CharField())
    next_level = serializers.CharField(allow_null=True)
    missing_for_next = serializers.ListField(child=serializers.CharField())


class RatingSerializer(serializers.Serializer[Any]):
    indicator = serializers.CharField()
    level = serializers.CharField()
    trace = TraceSerializer()
