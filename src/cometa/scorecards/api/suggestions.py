"""API: suggested ratings of an assessment (from other modules' data, as the person may see
it) and the team's decision on one: accept it or override it with a reason."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from cometa.accounts.acting import person_of
from cometa.core.api.schema import enum_field
from cometa.scorecards.api.common import errors, valid
from cometa.scorecards.assessments import selectors as assessment_selectors
from cometa.scorecards.assessments import suggested, suggestion_services
from cometa.scorecards.models import SuggestionDecision, SuggestionDecisionKind

TAGS = ["scorecards: assessments"]
DecisionField = enum_field("SuggestionDecisionKind", SuggestionDecisionKind.choices)
ChoiceField = enum_field("SuggestionChoice", [("accept", "Accept"), ("override", "Override")])


class EvidenceLineSerializer(serializers.Serializer[Any]):
    label = serializers.CharField()  # type: ignore[assignment]
    detail = serializers.CharField()


class DecisionSerializer(serializers.ModelSerializer[SuggestionDecision]):
    decision = DecisionField()
    decided_by = serializers.SerializerMethodField()

    class Meta:
        model = SuggestionDecision
        fields = [
            "id",
            "indicator_code",
            "source",
            "decision",
            "suggested_level",
            "team_level",
            "reason",
            "decided_by",
            "decided_at",
        ]

    def get_decided_by(self, decision: SuggestionDecision) -> str:
        return str(decision.decided_by) if decision.decided_by else ""


class SuggestionSerializer(serializers.Serializer[Any]):
    indicator_code = serializers.CharField(source="suggestion.indicator_code")
    source = serializers.CharField(source="suggestion.source")  # type: ignore[assignment]
    level = serializers.CharField(help_text="The level the framework's rules give")
    answers = serializers.DictField(child=serializers.CharField(), source="suggestion.answers")
    inputs = serializers.DictField(child=serializers.FloatField(), source="suggestion.inputs")
    figures = serializers.DictField(source="suggestion.figures")
    summary = serializers.CharField(source="suggestion.summary")
    evidence = EvidenceLineSerializer(many=True, source="suggestion.evidence")
    decision = DecisionSerializer(allow_null=True, help_text="The latest decision on it")


class DecideSerializer(serializers.Serializer[Any]):
    source = serializers.CharField(  # type: ignore[assignment]
        max_length=40, help_text="The suggestion's source: results"
    )
    decision = ChoiceField()
    version = serializers.IntegerField(
        min_value=1, required=False, help_text="To accept: the indicator's version you read"
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="")

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if data["decision"] == "accept" and "version" not in data:
            raise serializers.ValidationError({"version": ["Give the version you read."]})
        return data


class SuggestionListView(generics.GenericAPIView[Any]):
    serializer_class = SuggestionSerializer
    pagination_class = None  # a handful per assessment, answered whole

    @extend_schema(
        tags=TAGS,
        summary="Suggested ratings from other modules' data, with their evidence",
        description=(
            "Only data the person may read is used: a person who may not read a results "
            "office gets no figures or evidence from it."
        ),
        responses={200: SuggestionSerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        assessment = assessment_selectors.assessment_get(person, pk)
        found = suggested.suggestions_for(person, assessment)
        return Response(SuggestionSerializer(found, many=True).data)


class SuggestionDecideView(generics.GenericAPIView[Any]):
    serializer_class = DecideSerializer

    @extend_schema(
        tags=TAGS,
        summary="Accept a suggested rating, or override it with a reason",
        description=(
            "Accepting applies the suggestion's answers and inputs to the indicator, which "
            "is rated again (a stale `version` answers 409 `edit_conflict`). Overriding "
            "keeps the team's rating and needs a `reason`. The suggestion is computed again "
            "for you: 404 when there is none you may see."
        ),
        request=DecideSerializer,
        responses={201: DecisionSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, code: str) -> Response:
        person = person_of(request)
        row = assessment_selectors.indicator_get(person, pk, code)
        data = valid(DecideSerializer, request.data)
        if data["decision"] == "accept":
            decision = suggestion_services.suggestion_accept(
                actor=person, indicator=row, source=data["source"], expected_version=data["version"]
            )
        else:
            decision = suggestion_services.suggestion_override(
                actor=person, indicator=row, source=data["source"], reason=data["reason"]
            )
        return Response(DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)
