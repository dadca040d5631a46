"""API: the knowledge hub. Every person allowed in the hub reads the evidence that teams
shared, with its good-practice mark; reviewers and platform administrators set the mark.
Anyone else is told there is no such address (404)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from cometa.accounts.acting import person_of
from cometa.scorecards.api.common import errors, query, valid
from cometa.scorecards.api.serializers_records import EvidenceSerializer
from cometa.scorecards.models import Evidence
from cometa.scorecards.records import good_practice
from cometa.scorecards.reporting import hub

TAGS = ["scorecards: knowledge hub"]


class HubEvidenceSerializer(EvidenceSerializer):
    assessment = serializers.IntegerField(source="assessment_id", read_only=True)
    team = serializers.CharField(source="assessment.organisation.name", read_only=True)
    country = serializers.CharField(source="assessment.organisation.country", read_only=True)
    year = serializers.IntegerField(source="assessment.year", read_only=True)

    class Meta(EvidenceSerializer.Meta):
        fields = [*EvidenceSerializer.Meta.fields, "assessment", "team", "country", "year"]


class HubFilterSerializer(serializers.Serializer[Any]):
    q = serializers.CharField(required=False, max_length=200, help_text="Title contains")
    indicator = serializers.CharField(required=False, help_text="Indicator code")
    country = serializers.CharField(required=False, help_text="ISO 3166 alpha-3 code")
    good_practice = serializers.BooleanField(required=False, help_text="Good practices only")


class GoodPracticeSerializer(serializers.Serializer[Any]):
    is_good_practice = serializers.BooleanField(help_text="Marked as a good practice")


class HubListView(generics.ListAPIView[Evidence]):
    serializer_class = HubEvidenceSerializer

    def get_queryset(self) -> QuerySet[Evidence]:
        filters = query(HubFilterSerializer, self.request)
        search = hub.HubQuery(
            text=filters.get("q", ""),
            indicator=filters.get("indicator", ""),
            country=filters.get("country", ""),
            good_practice=filters.get("good_practice", False),
        )
        return hub.hub_search(person_of(self.request), search)

    @extend_schema(
        tags=TAGS,
        summary="Evidence that country teams shared, newest first",
        parameters=[HubFilterSerializer],
        responses={200: HubEvidenceSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class HubItemView(generics.GenericAPIView[Evidence]):
    serializer_class = HubEvidenceSerializer

    @extend_schema(
        tags=TAGS,
        summary="One shared evidence item",
        responses={200: HubEvidenceSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, evidence_pk: int) -> Response:
        item = hub.hub_item(person_of(request), evidence_pk)
        return Response(HubEvidenceSerializer(item).data)

    @extend_schema(
        tags=TAGS,
        summary="Mark as a good practice, or take the mark off (reviewers, administrators)",
        request=GoodPracticeSerializer,
        responses={200: HubEvidenceSerializer, **errors(400, 401, 403, 404)},
    )
    def patch(self, request: Request, evidence_pk: int) -> Response:
        person = person_of(request)
        item = hub.hub_item(person, evidence_pk)
        data = valid(GoodPracticeSerializer, request.data)
        item = good_practice.evidence_good_practice_set(
            actor=person, evidence=item, good_practice=data["is_good_practice"]
        )
        return Response(HubEvidenceSerializer(item).data)
