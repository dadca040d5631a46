"""API of the stored common indicators: a network's runs, a run's tables as released
(partners read their own rows and the totals), an indicator's trend, the definitions,
and the two things a backbone coordinator does: start a recomputation (a background job,
202 with the job, as imports do) and freeze a run as a snapshot. Every value comes from
a stored run; nothing is counted for a request."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cometa.accounts.acting import person_of
from cometa.core.api.inputs import valid
from cometa.core.api.schema import ErrorSerializer
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.core.jobs.api import JobSerializer, accepted
from cometa.indicators.periods import PeriodError, parse_period
from cometa.network import selectors_network
from cometa.network.access import may_manage
from cometa.network.api import serializers_indicators as s
from cometa.network.indicator_jobs import indicators_job_start
from cometa.network.indicators import stored
from cometa.network.indicators.catalogue import common_definitions
from cometa.network.indicators.definitions import by_code
from cometa.network.services.indicator_runs import indicators_freeze

TAGS = ["network"]
ERRORS = dict.fromkeys((400, 401, 403, 404), ErrorSerializer)


class RunListView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="A network's stored runs of the common indicators, latest first",
        parameters=[s.NetworkIndicatorRunFilterSerializer],
        responses={200: s.NetworkIndicatorRunSerializer(many=True), **ERRORS},
    )
    def get(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        network = selectors_network.network_get(person, pk)
        period = valid(s.NetworkIndicatorRunFilterSerializer, request.query_params.dict()).get(
            "period"
        )
        found = stored.runs(person, network)
        if period:
            found = [run for run in found if run.period == period]
        return Response(s.NetworkIndicatorRunSerializer(found, many=True).data)


def _codes(text: str | None) -> list[str] | None:
    if not text:
        return None
    codes = [code.strip() for code in text.split(",") if code.strip()]
    unknown = [code for code in codes if code not in by_code()]
    if unknown:
        raise ValidationFailed({"code": [f"Unknown indicator: {', '.join(unknown)}"]})
    return codes


class RunTablesView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="A run's tables as released: hidden entries null; a partner's staff read "
        "their own rows and the totals",
        parameters=[s.NetworkIndicatorTableFilterSerializer],
        responses={200: s.NetworkIndicatorTableSerializer(many=True), **ERRORS},
    )
    def get(self, request: Request, pk: int, run_pk: int) -> Response:
        person = person_of(request)
        network = selectors_network.network_get(person, pk)
        run = stored.run_of(person, network, run_pk)
        filters = valid(s.NetworkIndicatorTableFilterSerializer, request.query_params.dict())
        tables = stored.run_tables(
            person, run, by=filters["by"], dimension=filters.get("dimension"),
            codes=_codes(filters.get("code")),
        )  # fmt: skip
        return Response(
            s.NetworkIndicatorTableSerializer([s.table_data(t) for t in tables], many=True).data
        )


class RunFreezeView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Keep a run as a snapshot under a label (never replaced by a later run)",
        request=s.NetworkIndicatorFreezeSerializer,
        responses={200: s.NetworkIndicatorRunSerializer, **ERRORS},
    )
    def post(self, request: Request, pk: int, run_pk: int) -> Response:
        person = person_of(request)
        network = selectors_network.network_get(person, pk)
        run = stored.run_of(person, network, run_pk)
        label = valid(s.NetworkIndicatorFreezeSerializer, request.data).get("label", "")
        run = indicators_freeze(actor=person, run=run, label=label)
        return Response(s.NetworkIndicatorRunSerializer(run).data)


class TrendView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="The network's total of one indicator in each period computed, oldest first",
        responses={200: s.NetworkIndicatorPointSerializer(many=True), **ERRORS},
    )
    def get(self, request: Request, pk: int, code: str) -> Response:
        person = person_of(request)
        network = selectors_network.network_get(person, pk)
        if code not in by_code():
            raise Http404("No such indicator.")
        points = [s.point_data(point) for point in stored.trend(person, network, code)]
        return Response(s.NetworkIndicatorPointSerializer(points, many=True).data)


class RecomputeView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Recompute the common indicators for a period, as a background job",
        description=(
            "Rebuilds the facts, stores a full run of the period and a headline run of each "
            "year (the trends). Answers 202 with the job. Backbone coordinators only."
        ),
        request=s.NetworkIndicatorRecomputeSerializer,
        responses={202: JobSerializer, **ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        network = selectors_network.network_get(person, pk)
        if not may_manage(person, network):  # before reading the period
            raise NotPermitted(_("Only the backbone's coordinators recompute."))
        text = valid(s.NetworkIndicatorRecomputeSerializer, request.data)["period"]
        try:
            period = parse_period(text)
        except PeriodError as error:
            raise ValidationFailed({"period": [str(error)]}) from None
        job = indicators_job_start(actor=person, network=network, period=period)
        return accepted(request, job)


class DefinitionListView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="The common indicators: code, titles, family, latest version",
        responses={200: s.NetworkIndicatorDefinitionSerializer(many=True), 401: ErrorSerializer},
    )
    def get(self, request: Request) -> Response:
        person_of(request)
        found = [s.definition_data(listed) for listed in common_definitions()]
        return Response(s.NetworkIndicatorDefinitionSerializer(found, many=True).data)


__all__ = [
    "DefinitionListView", "RecomputeView", "RunFreezeView", "RunListView", "RunTablesView",
    "TrendView",
]  # fmt: skip
