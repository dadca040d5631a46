"""API of the learning notes: notes on frozen snapshots (list with search and filters,
write, read with the snapshot's values as frozen), their actions (add, change status)
and reviews at meetings. The same selectors and services as the pages: everyone in the
network reads, the backbone's coordinators and editors write, an action's owner or a
coordinator closes it, outsiders get 404."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.api.inputs import valid
from cometa.core.api.schema import enum_field
from cometa.network import selectors_delivery, selectors_network
from cometa.network import selectors_learning as sel
from cometa.network.api.views import TAGS, _InNetwork
from cometa.network.indicators.store import Cell
from cometa.network.models import LearningAction, LearningNote, LearningReview
from cometa.network.services import learning as services
from cometa.network.services.common import invalid

StatusField = enum_field("NetworkLearningActionStatus", LearningAction.Status.choices)
NoteStatusField = enum_field(
    "NetworkLearningNoteStatus",
    list(zip(sel.NOTE_STATUSES, ("an open action", "an overdue action", "nothing open"),
             strict=True)),
)  # fmt: skip


class NetworkLearningActionSerializer(serializers.ModelSerializer[LearningAction]):
    owner = serializers.IntegerField(
        source="owner_id", allow_null=True, help_text="A person of the backbone or a member"
    )
    status = StatusField(read_only=True)
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = LearningAction
        fields = ["id", "note", "text", "owner", "due_on", "status", "reason", "done_at",
                  "overdue"]  # fmt: skip
        read_only_fields = ["id", "note", "status", "reason", "done_at"]

    def get_overdue(self, action: LearningAction) -> bool:
        return sel.is_overdue(action, timezone.localdate())


class NetworkLearningStatusSerializer(serializers.Serializer[Any]):
    status = StatusField()
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class NetworkLearningNoteSerializer(serializers.ModelSerializer[LearningNote]):
    snapshot = serializers.IntegerField(source="snapshot_id", help_text="A frozen run")
    codes = serializers.ListField(
        child=serializers.CharField(max_length=32), source="code_list", required=False
    )
    member = serializers.IntegerField(source="member_id", required=False, allow_null=True)

    class Meta:
        model = LearningNote
        fields = ["id", "snapshot", "codes", "member", "title", "text", "created_at"]
        read_only_fields = ["id", "created_at"]


class NetworkLearningCellSerializer(serializers.Serializer[Cell]):
    column = serializers.CharField(required=False, help_text="The dimension's value, in words")
    n = serializers.IntegerField(allow_null=True, help_text="Null where hidden")
    numerator = serializers.IntegerField(allow_null=True)
    rate = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)


class NetworkLearningSplitSerializer(serializers.Serializer[Any]):
    dimension = serializers.CharField()
    cells = NetworkLearningCellSerializer(many=True)


class NetworkLearningValueSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    title = serializers.CharField()
    total = NetworkLearningCellSerializer()
    splits = NetworkLearningSplitSerializer(many=True)


class NetworkLearningReviewSerializer(serializers.ModelSerializer[LearningReview]):
    meeting = serializers.IntegerField(source="meeting_id")
    note = serializers.IntegerField(source="note_id", required=False, allow_null=True)
    action = serializers.IntegerField(source="action_id", required=False, allow_null=True)

    class Meta:
        model = LearningReview
        fields = ["id", "meeting", "note", "action", "outcome", "new_due_on", "reviewed_at"]
        read_only_fields = ["id", "reviewed_at"]


class NetworkLearningNoteDetailSerializer(NetworkLearningNoteSerializer):
    computed_at = serializers.DateTimeField(source="snapshot.computed_at", read_only=True)
    values = NetworkLearningValueSerializer(many=True, read_only=True)
    actions = NetworkLearningActionSerializer(many=True, read_only=True)
    reviews = NetworkLearningReviewSerializer(many=True, read_only=True)

    class Meta(NetworkLearningNoteSerializer.Meta):
        fields = [*NetworkLearningNoteSerializer.Meta.fields, "computed_at", "values",
                  "actions", "reviews"]  # fmt: skip


class NetworkLearningFilterSerializer(serializers.Serializer[Any]):
    q = serializers.CharField(required=False, allow_blank=True, max_length=200)
    code = serializers.CharField(required=False, allow_blank=True, max_length=32)
    status = NoteStatusField(required=False)


def _cell(cell: Cell, label: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"n": cell.n, "numerator": cell.numerator, "rate": cell.rate}
    return found if label is None else {"column": label, **found}


def _detail(person: Person, note: LearningNote) -> dict[str, Any]:
    values = [
        {"code": v.code, "title": v.title, "total": _cell(v.total),
         "splits": [{"dimension": d, "cells": [_cell(c, label) for label, c in pairs]}
                    for d, pairs in v.splits]}
        for v in sel.note_values(person, note)
    ]  # fmt: skip
    data: dict[str, Any] = dict(NetworkLearningNoteSerializer(note).data)
    data["computed_at"] = serializers.DateTimeField().to_representation(note.snapshot.computed_at)
    data["values"] = NetworkLearningValueSerializer(values, many=True).data
    data["actions"] = NetworkLearningActionSerializer(note.actions.all(), many=True).data
    data["reviews"] = NetworkLearningReviewSerializer(sel.reviews_of(note), many=True).data
    return data


class NoteListView(_InNetwork, generics.ListAPIView[LearningNote]):
    serializer_class = NetworkLearningNoteSerializer

    def get_queryset(self) -> QuerySet[LearningNote]:
        wanted = valid(NetworkLearningFilterSerializer, self.request.query_params.dict())
        return sel.notes_for(
            person_of(self.request), self.network(), search=wanted.get("q", ""),
            code=wanted.get("code", ""), status=wanted.get("status", ""),
            today=timezone.localdate(),
        )  # fmt: skip

    @extend_schema(
        tags=TAGS,
        summary="The network's learning notes, newest first (search, indicator, actions)",
        parameters=[NetworkLearningFilterSerializer],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="Write a learning note on a frozen snapshot (the backbone's coordinators "
        "and editors)",
        responses={201: NetworkLearningNoteSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        person, network = person_of(request), self.network()
        data = dict(valid(NetworkLearningNoteSerializer, request.data))
        snapshot = sel.snapshots_for(person, network).filter(pk=data.pop("snapshot_id")).first()
        if snapshot is None:
            raise invalid("snapshot", _("No such frozen snapshot of this network."))
        member_pk = data.pop("member_id", None)
        member = selectors_network.member_get(person, network, member_pk) if member_pk else None
        note = services.note_write(
            actor=person, network=network, snapshot=snapshot, member=member,
            codes=data.pop("code_list", []), **data,
        )  # fmt: skip
        body = NetworkLearningNoteSerializer(note).data
        return Response(body, status=status.HTTP_201_CREATED)


class NoteDetailView(_InNetwork):
    serializer_class = NetworkLearningNoteDetailSerializer

    @extend_schema(
        tags=TAGS, summary="A learning note with its snapshot's values as frozen, its "
        "actions and reviews",
    )  # fmt: skip
    def get(self, request: Request, pk: int, note_pk: int) -> Response:
        person = person_of(request)
        return Response(_detail(person, sel.note_get(person, self.network(), note_pk)))


class ActionAddView(_InNetwork):
    serializer_class = NetworkLearningActionSerializer

    @extend_schema(
        tags=TAGS,
        summary="Add an action to a note: what, who, by when",
        responses={201: NetworkLearningActionSerializer},
    )
    def post(self, request: Request, pk: int, note_pk: int) -> Response:
        person, network = person_of(request), self.network()
        note = sel.note_get(person, network, note_pk)
        data = dict(valid(NetworkLearningActionSerializer, request.data))
        owner = Person.objects.filter(pk=data.pop("owner_id")).first()
        if owner is None:
            raise invalid("owner", _("The owner must work for the backbone or a member."))
        action = services.action_add(actor=person, note=note, owner=owner, **data)
        body = NetworkLearningActionSerializer(action).data
        return Response(body, status=status.HTTP_201_CREATED)


class ActionStatusView(_InNetwork):
    serializer_class = NetworkLearningStatusSerializer

    @extend_schema(
        tags=TAGS,
        summary="Mark an action done, drop it with a reason, or reopen a dropped one "
        "(its owner or a coordinator)",
        request=NetworkLearningStatusSerializer,
        responses={200: NetworkLearningActionSerializer},
    )
    def patch(self, request: Request, pk: int, action_pk: int) -> Response:
        person = person_of(request)
        action = sel.action_get(person, self.network(), action_pk)
        data = valid(NetworkLearningStatusSerializer, request.data)
        done = services.action_status(actor=person, action=action, **data)
        return Response(NetworkLearningActionSerializer(done).data)


class NetworkLearningToReviewSerializer(serializers.Serializer[Any]):
    actions = NetworkLearningActionSerializer(many=True)
    notes = NetworkLearningNoteSerializer(many=True)
    reviews = NetworkLearningReviewSerializer(many=True)


class NetworkLearningMeetingSerializer(serializers.Serializer[Any]):
    meeting = serializers.IntegerField(min_value=1)


class ReviewView(_InNetwork):
    serializer_class = NetworkLearningReviewSerializer

    @extend_schema(
        tags=TAGS,
        summary="What a meeting reviews: open actions due by its day, notes written since "
        "the previous meeting, and the reviews recorded there",
        parameters=[NetworkLearningMeetingSerializer],
        responses={200: NetworkLearningToReviewSerializer},
    )
    def get(self, request: Request, pk: int) -> Response:
        person, network = person_of(request), self.network()
        wanted = valid(NetworkLearningMeetingSerializer, request.query_params.dict())
        found = sel.to_review(
            person, selectors_delivery.meeting_get(person, network, wanted["meeting"])
        )
        return Response(NetworkLearningToReviewSerializer(found).data)

    @extend_schema(
        tags=TAGS,
        summary="Record the review of a note or an action at a meeting (a new due date "
        "moves the action's)",
        responses={201: NetworkLearningReviewSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        person, network = person_of(request), self.network()
        data = dict(valid(NetworkLearningReviewSerializer, request.data))
        meeting = selectors_delivery.meeting_get(person, network, data.pop("meeting_id"))
        note_pk, action_pk = data.pop("note_id", None), data.pop("action_id", None)
        review = services.learning_review(
            actor=person, meeting=meeting,
            note=sel.note_get(person, network, note_pk) if note_pk else None,
            action=sel.action_get(person, network, action_pk) if action_pk else None, **data,
        )  # fmt: skip
        body = NetworkLearningReviewSerializer(review).data
        return Response(body, status=status.HTTP_201_CREATED)
