"""API views of survey instruments: the network's instruments (every version) and each as
an XLSForm for KoboToolbox or ODK, checked with pyxform before it is handed out."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from cometa.accounts.acting import person_of
from cometa.core.web.downloads import attachment
from cometa.network import selectors_network, selectors_survey
from cometa.network.models import Instrument, Question
from cometa.network.services.surveys import instrument_xlsform

TAGS = ["network"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class QuestionSerializer(serializers.ModelSerializer[Question]):
    class Meta:
        model = Question
        fields = ["name", "group", "type", "list_name", "field", "required"]


class InstrumentSerializer(serializers.ModelSerializer[Instrument]):
    rounds = serializers.ListField(child=serializers.CharField(), source="round_codes")
    questions = QuestionSerializer(many=True, read_only=True)

    class Meta:
        model = Instrument
        fields = ["id", "code", "version", "title", "rounds", "published_at", "questions"]


class InstrumentListView(generics.ListAPIView[Instrument]):
    serializer_class = InstrumentSerializer

    def get_queryset(self) -> QuerySet[Instrument]:
        person = person_of(self.request)
        network = selectors_network.network_get(person, self.kwargs["pk"])
        return selectors_survey.instruments_for(person, network).prefetch_related("questions")

    @extend_schema(
        tags=TAGS, summary="A network's survey instruments, every version, with their questions"
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class InstrumentXLSFormView(generics.GenericAPIView[Instrument]):
    serializer_class = InstrumentSerializer

    @extend_schema(
        tags=TAGS,
        summary="An instrument as an XLSForm (KoboToolbox, ODK), labels in en/es/ru",
        responses={
            (200, XLSX): OpenApiResponse(
                OpenApiTypes.BINARY, description="The XLSForm workbook, checked with pyxform"
            )
        },
    )
    def get(self, request: Request, pk: int, instrument_pk: int) -> HttpResponse:
        person = person_of(request)
        network = selectors_network.network_get(person, pk)
        instrument = selectors_survey.instrument_get(person, network, instrument_pk)
        content = instrument_xlsform(actor=person, instrument=instrument)
        name = f"{instrument.code}-v{instrument.version}.xlsx"
        return attachment(content, name, XLSX)
