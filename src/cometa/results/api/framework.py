"""API: plans and their framework (outcomes, outputs, partners, attached indicators)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from cometa.accounts.access import organisation_get
from cometa.accounts.acting import person_of
from cometa.core.api.inputs import valid as _valid
from cometa.core.api.schema import ErrorSerializer
from cometa.indicators.definition_store import version_get
from cometa.indicators.models import IndicatorVersion
from cometa.indicators.texts import Text
from cometa.results import selectors
from cometa.results.api import serializers as s
from cometa.results.inputs import PlanContent
from cometa.results.models import Plan
from cometa.results.services import framework

TAGS = ["results: framework"]
WRITE = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid: the fields say why"),
    403: OpenApiResponse(ErrorSerializer, description="Not one of the office's editors"),
    404: OpenApiResponse(ErrorSerializer, description="Not found, or not readable by you"),
}


def text_of(data: dict[str, str]) -> Text:
    return Text(data["en"], data.get("es", ""), data.get("ru", ""))


class PlanListView(generics.ListAPIView[Plan]):
    serializer_class = s.PlanSerializer

    def get_queryset(self) -> QuerySet[Plan]:
        return selectors.plans_for(person_of(self.request))

    @extend_schema(tags=TAGS, summary="Plans of the offices you may read")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="Start an office's plan (strategic note)",
        request=s.PlanWriteSerializer,
        responses={201: s.PlanSerializer, **WRITE},
    )
    def post(self, request: Request) -> Response:
        person = person_of(request)
        data = _valid(s.PlanWriteSerializer, request.data)
        office = organisation_get(person, data.pop("office"))
        plan = framework.plan_create(actor=person, office=office, content=PlanContent(**data))
        return Response(s.PlanSerializer(plan).data, status=status.HTTP_201_CREATED)


class PlanView(generics.GenericAPIView[Plan]):
    serializer_class = s.PlanDetailSerializer

    @extend_schema(tags=TAGS, summary="A plan with its outcomes, outputs and indicators")
    def get(self, request: Request, pk: int) -> Response:
        plan = selectors.plan_get(person_of(request), pk)
        return Response(s.PlanDetailSerializer(plan).data)


class OutcomeCreateView(generics.GenericAPIView[Any]):
    serializer_class = s.ResultWriteSerializer

    @extend_schema(
        tags=TAGS,
        summary="Add an outcome (D_1.1, O_1) to a plan",
        responses={201: s.OutcomeSerializer, **WRITE},
    )
    def post(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        plan = selectors.plan_get(person, pk)
        data = _valid(s.ResultWriteSerializer, request.data)
        outcome = framework.outcome_create(
            actor=person, plan=plan, code=data["code"], statement_text=text_of(data["statement"])
        )
        return Response(s.OutcomeSerializer(outcome).data, status=status.HTTP_201_CREATED)


class OutputCreateView(generics.GenericAPIView[Any]):
    serializer_class = s.ResultWriteSerializer

    @extend_schema(
        tags=TAGS,
        summary="Add an output under an outcome (D_1.1.1 under D_1.1)",
        responses={201: s.OutputSerializer, **WRITE},
    )
    def post(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        outcome = selectors.outcome_get(person, pk)
        data = _valid(s.ResultWriteSerializer, request.data)
        output = framework.output_create(
            actor=person,
            outcome=outcome,
            code=data["code"],
            statement_text=text_of(data["statement"]),
        )
        return Response(s.OutputSerializer(output).data, status=status.HTTP_201_CREATED)


class PartnerCreateView(generics.GenericAPIView[Any]):
    serializer_class = s.PartnerWriteSerializer

    @extend_schema(
        tags=TAGS,
        summary="Name a partner of an outcome",
        responses={201: s.PartnerSerializer, **WRITE},
    )
    def post(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        outcome = selectors.outcome_get(person, pk)
        data = _valid(s.PartnerWriteSerializer, request.data)
        partner = framework.partner_add(actor=person, outcome=outcome, **data)
        return Response(s.PartnerSerializer(partner).data, status=status.HTTP_201_CREATED)


def _version(code: str, number: int | None) -> IndicatorVersion:
    try:
        return version_get(code=code, number=number)
    except IndicatorVersion.DoesNotExist:
        raise Http404("No such indicator.") from None


class AttachView(generics.GenericAPIView[Any]):
    serializer_class = s.AttachSerializer

    @extend_schema(
        tags=TAGS,
        summary="Measure an outcome or an output with an indicator",
        responses={201: s.AttachedSerializer, **WRITE},
    )
    def post(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        plan = selectors.plan_get(person, pk)
        data = _valid(s.AttachSerializer, request.data)
        if "outcome" in data:
            to: Any = selectors.outcome_get(person, data["outcome"])
            if to.plan_id != plan.pk:
                raise Http404("No such outcome in this plan.")
        else:
            to = selectors.output_get(person, data["output"])
            if to.outcome.plan_id != plan.pk:
                raise Http404("No such output in this plan.")
        version = _version(data["indicator"], data.get("version"))
        attached = framework.indicator_attach(actor=person, to=to, version=version)
        return Response(s.AttachedSerializer(attached).data, status=status.HTTP_201_CREATED)


class PartnerView(generics.GenericAPIView[Any]):
    serializer_class = s.PartnerSerializer

    @extend_schema(
        tags=TAGS,
        summary="Remove a partner from an outcome",
        responses={204: None, **WRITE},
    )
    def delete(self, request: Request, pk: int, partner_pk: int) -> Response:
        person = person_of(request)
        partner = selectors.partner_get(person, pk, partner_pk)
        framework.partner_remove(actor=person, partner=partner)
        return Response(status=status.HTTP_204_NO_CONTENT)
