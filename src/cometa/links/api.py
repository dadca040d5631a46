"""API of the links between modules: ``POST /api/v1/links/network-actuals/`` writes a
network's stored total as a results indicator's actual, with its provenance
(``links.network_actuals``). The indicator is looked up as the person reads results and
the network as the person reads networks: anything out of reach is "not found"."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cometa.accounts.acting import person_of
from cometa.core.api.inputs import valid
from cometa.core.api.schema import ErrorSerializer
from cometa.links.network_actuals import network_actual
from cometa.network import selectors_network
from cometa.network.indicators import stored
from cometa.network.indicators.definitions import COMMON
from cometa.results import selectors as results
from cometa.results.api.serializers import ValueSerializer


class NetworkActualSerializer(serializers.Serializer[Any]):
    indicator = serializers.IntegerField(min_value=1, help_text="The results indicator's id")
    network = serializers.IntegerField(min_value=1)
    run = serializers.IntegerField(min_value=1, help_text="A stored run of the network")
    code = serializers.ChoiceField(
        choices=[c.code for c in COMMON], help_text="The common indicator whose total is taken"
    )


class NetworkActualValueSerializer(ValueSerializer):
    version = serializers.CharField(read_only=True, help_text="The definition version")

    class Meta(ValueSerializer.Meta):
        fields = [*ValueSerializer.Meta.fields, "computed_from", "version"]


class NetworkActualView(APIView):
    @extend_schema(
        tags=["links"],
        summary="Take a results indicator's actual from a network's stored total",
        description=(
            "The network's total of a common indicator in a stored run becomes the actual "
            "of the run's period, computed, with the network, run, period, indicator and "
            "definition version as its source. The results indicator must be attached to "
            "that definition version; a total withheld by disclosure control is refused."
        ),
        request=NetworkActualSerializer,
        responses={
            201: NetworkActualValueSerializer,
            **dict.fromkeys((400, 401, 403, 404), ErrorSerializer),
        },
    )
    def post(self, request: Request) -> Response:
        person = person_of(request)
        data = valid(NetworkActualSerializer, request.data)
        indicator = results.indicator_get(person, data["indicator"])
        network = selectors_network.network_get(person, data["network"])
        run = stored.run_of(person, network, data["run"])
        row = network_actual(
            actor=person, indicator=indicator, network=network, run=run, code=data["code"]
        )
        return Response(NetworkActualValueSerializer(row).data, status=201)
