"""API: framework versions, their structure, and rating answers without storing them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response

from cometa.accounts.acting import person_of
from cometa.scorecards.api.common import errors, query, valid
from cometa.scorecards.api.serializers_frameworks import (
    FrameworkDetailSerializer,
    FrameworkFilterSerializer,
    FrameworkVersionSerializer,
    RateSerializer,
    RatingSerializer,
)
from cometa.scorecards.frameworks import selectors as framework_selectors
from cometa.scorecards.frameworks.rating import trace_data
from cometa.scorecards.frameworks.rule_words import describe_missing, input_names
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import FrameworkVersion

TAGS = ["scorecards: frameworks"]


class FrameworkListView(generics.ListAPIView[FrameworkVersion]):
    serializer_class = FrameworkVersionSerializer

    def get_queryset(self) -> QuerySet[FrameworkVersion]:
        filters = query(FrameworkFilterSerializer, self.request)
        return framework_selectors.frameworks_for(person_of(self.request), **filters)

    @extend_schema(
        tags=TAGS,
        summary="Published framework versions",
        parameters=[FrameworkFilterSerializer],
        responses={200: FrameworkVersionSerializer(many=True), **errors(400, 401)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class FrameworkDetailView(generics.GenericAPIView[FrameworkVersion]):
    serializer_class = FrameworkDetailSerializer

    @extend_schema(
        tags=TAGS,
        summary="A framework version with its structure",
        description=(
            "Levels, dimensions and indicators as the framework file defines them: "
            "criteria text in en/es/ru with provenance, rules, and numeric inputs."
        ),
        responses={200: FrameworkDetailSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        version = framework_selectors.framework_get(person_of(request), pk)
        return Response(FrameworkDetailSerializer(version).data)


class FrameworkRateView(generics.GenericAPIView[FrameworkVersion]):
    serializer_class = RateSerializer

    @extend_schema(
        tags=TAGS,
        summary="Rate answers with the engine, storing nothing",
        request=RateSerializer,
        responses={200: RatingSerializer, **errors(400, 401, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        version = framework_selectors.framework_get(person_of(request), pk)
        data = valid(RateSerializer, request.data)
        rating = framework_selectors.preview_rating(
            version, data["indicator"], data["answers"], data["inputs"]
        )
        trace = trace_data(rating)
        # In the reader's language, criteria and inputs by id, numbers with their unit.
        indicator = framework_of(version).indicator(rating.indicator)
        inputs = {
            key: replace(name, label=key)
            for key, name in input_names(indicator, get_language() or "en").items()
        }
        trace["missing_for_next"] = [
            describe_missing(item, criteria={}, inputs=inputs)
            for item in rating.trace.missing_for_next
        ]
        body = {"indicator": rating.indicator, "level": rating.level, "trace": trace}
        return Response(RatingSerializer(body).data)
