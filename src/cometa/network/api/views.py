"""API views of the network: participants, enrolments and follow-ups of one network."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from cometa.accounts.acting import person_of
from cometa.core.api.inputs import valid as _valid
from cometa.network import selectors, selectors_network
from cometa.network.api.serializers import (
    AttemptSerializer,
    EnrolmentChangeSerializer,
    EnrolmentSerializer,
    FollowUpFilterSerializer,
    FollowUpSerializer,
    ParticipantDetailSerializer,
    ParticipantFilterSerializer,
    ParticipantSerializer,
    ResponseSerializer,
)
from cometa.network.models import Enrolment, FollowUpTask, Network, Participant
from cometa.network.services import progress
from cometa.network.web.pages import task_standing

TAGS = ["network"]


class _InNetwork(generics.GenericAPIView[Any]):
    def network(self) -> Network:
        return selectors_network.network_get(person_of(self.request), self.kwargs["pk"])


class ParticipantListView(_InNetwork, generics.ListAPIView[Participant]):
    serializer_class = ParticipantSerializer

    def get_queryset(self) -> QuerySet[Participant]:
        filters = _valid(ParticipantFilterSerializer, self.request.query_params.dict())
        rows = selectors.participants_for(person_of(self.request), self.network())
        if filters.get("code"):
            rows = rows.filter(code__icontains=filters["code"])
        return rows.select_related("member__organisation").order_by("code")

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        if args and isinstance(args[0], list):
            found = selectors.identities_for(person_of(self.request), args[0])
            kwargs["context"] = {**self.get_serializer_context(), "identities": found}
        return super().get_serializer(*args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="A network's participants the person may see (pseudonymous unless the "
        "person may read identities)",
        parameters=[ParticipantFilterSerializer],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class ParticipantDetailView(_InNetwork):
    serializer_class = ParticipantDetailSerializer

    @extend_schema(tags=TAGS, summary="One participant, by id or code")
    def get(self, request: Request, pk: int, code: str) -> Response:
        person = person_of(request)
        participant = selectors.participant_get(person, self.network(), code)
        try:
            identities = {participant.pk: selectors.identity_get(person, participant)}
        except Http404:
            identities = {}
        serializer = ParticipantDetailSerializer(participant, context={"identities": identities})
        return Response(serializer.data)


class EnrolmentListView(_InNetwork, generics.ListAPIView[Enrolment]):
    serializer_class = EnrolmentSerializer

    def get_queryset(self) -> QuerySet[Enrolment]:
        rows = selectors.enrolments_for(person_of(self.request), self.network())
        return rows.select_related("participant", "cohort").prefetch_related("changes")

    @extend_schema(tags=TAGS, summary="A network's enrolments the person may see")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class EnrolmentDetailView(_InNetwork):
    serializer_class = EnrolmentSerializer

    @extend_schema(tags=TAGS, summary="One enrolment with its changes of state")
    def get(self, request: Request, pk: int, enrolment_pk: int) -> Response:
        enrolment = selectors.enrolment_get(person_of(request), self.network(), enrolment_pk)
        return Response(EnrolmentSerializer(enrolment).data)


class EnrolmentChangeView(_InNetwork):
    serializer_class = EnrolmentChangeSerializer

    @extend_schema(
        tags=TAGS,
        summary="Move an enrolment to its next state (dated; a drop-out with its reasons)",
        request=EnrolmentChangeSerializer,
        responses={200: EnrolmentSerializer},
    )
    def post(self, request: Request, pk: int, enrolment_pk: int) -> Response:
        person = person_of(request)
        enrolment = selectors.enrolment_get(person, self.network(), enrolment_pk)
        data = _valid(EnrolmentChangeSerializer, request.data)
        changed = progress.enrolment_change(actor=person, enrolment=enrolment, **data)
        return Response(EnrolmentSerializer(changed).data)


class FollowUpListView(_InNetwork, generics.ListAPIView[FollowUpTask]):
    """Every follow-up the person may see; ``standing`` narrows to the worklist's view."""

    serializer_class = FollowUpSerializer

    def get_queryset(self) -> QuerySet[FollowUpTask]:
        filters = _valid(FollowUpFilterSerializer, self.request.query_params.dict())
        person, today = person_of(self.request), timezone.localdate()
        rows = selectors.followups_with_failed(person, self.network(), today)
        wanted = filters.get("standing")
        if wanted:
            rows = rows.filter(Q(standing=wanted))
        return rows.order_by("due_on", "pk")

    def get_serializer_context(self) -> dict[str, Any]:
        today = timezone.localdate()
        return {**super().get_serializer_context(), "standing": lambda t: task_standing(t, today)}

    @extend_schema(
        tags=TAGS,
        summary="Follow-ups, with where each stands today",
        parameters=[FollowUpFilterSerializer],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class AttemptView(_InNetwork):
    serializer_class = AttemptSerializer

    @extend_schema(
        tags=TAGS,
        summary="Record a contact attempt",
        request=AttemptSerializer,
        responses={201: AttemptSerializer},
    )
    def post(self, request: Request, pk: int, task_pk: int) -> Response:
        person = person_of(request)
        task = selectors.followup_get(person, self.network(), task_pk)
        data = _valid(AttemptSerializer, request.data)
        attempt = progress.followup_attempt(actor=person, task=task, **data)
        return Response(AttemptSerializer(attempt).data, status=status.HTTP_201_CREATED)


class ResponseView(_InNetwork):
    serializer_class = ResponseSerializer

    @extend_schema(
        tags=TAGS,
        summary="Record her answers for the round",
        request=ResponseSerializer,
        responses={200: FollowUpSerializer},
    )
    def post(self, request: Request, pk: int, task_pk: int) -> Response:
        person = person_of(request)
        network = self.network()
        task = selectors.followup_get(person, network, task_pk)
        data = _valid(ResponseSerializer, request.data)
        progress.followup_respond(actor=person, task=task, **data)
        today = timezone.localdate()
        done = selectors.followups_with_failed(person, network, today).get(pk=task.pk)
        context = {"standing": lambda t: task_standing(t, today)}
        return Response(FollowUpSerializer(done, context=context).data)
