"""API: values of attached indicators, narratives and facts, knowledge products, budgets."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from cometa.accounts.access import organisation_get
from cometa.accounts.acting import person_of
from cometa.core.api.inputs import valid as _valid
from cometa.core.api.schema import ErrorSerializer
from cometa.indicators.models import IndicatorValue
from cometa.results import selectors
from cometa.results.api import serializers as s
from cometa.results.api.framework import WRITE, text_of
from cometa.results.inputs import (
    BudgetContent,
    FactContent,
    KnowledgeContent,
    NarrativeContent,
    ValueInput,
)
from cometa.results.models import KnowledgeProduct
from cometa.results.services import registers, reporting, values

TAGS = ["results: reporting"]
LOCKED = {
    **WRITE,
    409: OpenApiResponse(
        ErrorSerializer, description="Changed by someone else since your version: reload"
    ),
}


class ValueListView(generics.ListAPIView[IndicatorValue]):
    serializer_class = s.ValueSerializer

    def get_queryset(self) -> QuerySet[IndicatorValue]:
        person = person_of(self.request)
        indicator = selectors.indicator_get(person, self.kwargs["pk"])
        return selectors.indicator_values(person, indicator)

    @extend_schema(tags=TAGS, summary="Baselines, targets and actuals of an attached indicator")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="Enter one cell (kind, period, disaggregation key)",
        request=s.ValueWriteSerializer,
        responses={201: s.ValueSerializer, **LOCKED},
    )
    def post(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        indicator = selectors.indicator_get(person, pk)
        data = _valid(s.ValueWriteSerializer, request.data)
        revision = data.pop("expected_revision")
        row = values.value_record(
            actor=person, indicator=indicator, value=ValueInput(**data), expected_revision=revision
        )
        return Response(s.ValueSerializer(row).data, status=status.HTTP_201_CREATED)


class NarrativeView(generics.GenericAPIView[Any]):
    serializer_class = s.NarrativeSerializer

    @extend_schema(tags=TAGS, summary="An outcome's narrative for a year, with its facts")
    def get(self, request: Request, pk: int, year: int) -> Response:
        narrative = selectors.narrative_of(person_of(request), pk, year)
        return Response(s.NarrativeSerializer(narrative).data)

    @extend_schema(
        tags=TAGS,
        summary="Write the narrative and progress assessment",
        request=s.NarrativeWriteSerializer,
        responses={200: s.NarrativeSerializer, **LOCKED},
    )
    def put(self, request: Request, pk: int, year: int) -> Response:
        person = person_of(request)
        outcome = selectors.outcome_get(person, pk)
        data = _valid(s.NarrativeWriteSerializer, request.data)
        narrative = reporting.narrative_save(
            actor=person,
            outcome=outcome,
            year=year,
            content=NarrativeContent(text_of(data["text"]), data["progress"]),
            expected_version=data["expected_version"],
        )
        return Response(s.NarrativeSerializer(narrative).data)


class FactCreateView(generics.GenericAPIView[Any]):
    serializer_class = s.FactWriteSerializer

    @extend_schema(
        tags=TAGS,
        summary="Add a figure the narrative reports",
        responses={201: s.FactSerializer, **WRITE},
    )
    def post(self, request: Request, pk: int, year: int) -> Response:
        person = person_of(request)
        narrative = selectors.narrative_of(person, pk, year)
        data = _valid(s.FactWriteSerializer, request.data)
        fact = reporting.fact_add(actor=person, narrative=narrative, content=FactContent(**data))
        return Response(s.FactSerializer(fact).data, status=status.HTTP_201_CREATED)


class FactCheckView(generics.GenericAPIView[Any]):
    serializer_class = s.FactCheckSerializer

    @extend_schema(
        tags=TAGS,
        summary="The narrative's facts against the indicator values they claim",
        responses={200: s.FactCheckSerializer(many=True)},
    )
    def get(self, request: Request, pk: int, year: int) -> Response:
        person = person_of(request)
        narrative = selectors.narrative_of(person, pk, year)
        facts = list(narrative.facts.values_list("pk", flat=True))
        checks = selectors.fact_checks(person, narrative)
        rows = [
            {
                "fact": fact,
                "status": check.status.value,
                "stored": check.stored,
                "difference": check.difference,
            }
            for fact, check in zip(facts, checks, strict=True)
        ]
        return Response(s.FactCheckSerializer(rows, many=True).data)


class KnowledgeListView(generics.ListAPIView[KnowledgeProduct]):
    serializer_class = s.KnowledgeSerializer

    def get_queryset(self) -> QuerySet[KnowledgeProduct]:
        person = person_of(self.request)
        serializer = s.KnowledgeFilterSerializer(data=self.request.query_params.dict())
        serializer.is_valid(raise_exception=True)
        filters = dict(serializer.validated_data)
        office = organisation_get(person, filters.pop("office")) if "office" in filters else None
        return selectors.knowledge_search(
            person,
            query=filters.get("q", ""),
            kind=filters.get("kind", ""),
            year=filters.get("year"),
            office=office,
        ).prefetch_related("outcomes")

    @extend_schema(
        tags=TAGS, summary="Search the knowledge products", parameters=[s.KnowledgeFilterSerializer]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="Register a knowledge product (or update it, by title and year)",
        request=s.KnowledgeWriteSerializer,
        responses={201: s.KnowledgeSerializer, **WRITE},
    )
    def post(self, request: Request) -> Response:
        person = person_of(request)
        data = _valid(s.KnowledgeWriteSerializer, request.data)
        office = organisation_get(person, data.pop("office"))
        product = registers.knowledge_product_save(
            actor=person, office=office, content=KnowledgeContent(**data)
        )
        return Response(s.KnowledgeSerializer(product).data, status=status.HTTP_201_CREATED)


class BudgetTotalsView(generics.GenericAPIView[Any]):
    serializer_class = s.BudgetShareSerializer

    @extend_schema(
        tags=TAGS,
        summary="An office's budget for a year, per currency, with the part marked 2 or 3",
        parameters=[s.BudgetQuerySerializer],
        responses={200: s.BudgetShareSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        person = person_of(request)
        data = _valid(s.BudgetQuerySerializer, request.query_params.dict())
        office = organisation_get(person, data["office"])
        shares = selectors.budget_totals(person, office, data["year"])
        return Response(s.BudgetShareSerializer(shares, many=True).data)


class BudgetLineView(generics.GenericAPIView[Any]):
    serializer_class = s.BudgetWriteSerializer

    @extend_schema(
        tags=TAGS,
        summary="Set an output's (or activity's) budget and marker for a year",
        responses={200: s.BudgetLineSerializer, **WRITE},
    )
    def put(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        output = selectors.output_get(person, pk)
        data = _valid(s.BudgetWriteSerializer, request.data)
        line = registers.budget_line_save(
            actor=person, output=output, content=BudgetContent(**data)
        )
        return Response(s.BudgetLineSerializer(line).data)


class ProgressOverviewView(generics.GenericAPIView[Any]):
    serializer_class = s.OfficeProgressSerializer
    pagination_class = None  # one row per office: the answer is the whole list

    @extend_schema(
        tags=TAGS,
        summary="Outcomes by progress assessment, per office you may read, for a year",
        parameters=[s.YearQuerySerializer],
        responses={200: s.OfficeProgressSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        person = person_of(request)
        year = _valid(s.YearQuerySerializer, request.query_params.dict())["year"]
        rows = selectors.progress_overview(person, year)
        return Response(s.OfficeProgressSerializer(rows, many=True).data)


class FactView(generics.GenericAPIView[Any]):
    serializer_class = s.FactSerializer

    @extend_schema(tags=TAGS, summary="Remove a fact", responses={204: None, **WRITE})
    def delete(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        reporting.fact_remove(actor=person, fact=selectors.fact_get(person, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)
