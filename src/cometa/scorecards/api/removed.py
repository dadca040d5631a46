"""API: undo. What an assessment's editors removed (team members, action points,
evidence) is listed for 30 days and can be put back as it was (scorecards/removal.py)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from cometa.accounts.acting import person_of
from cometa.scorecards.api.common import errors
from cometa.scorecards.assessments import selectors as assessment_selectors
from cometa.scorecards.models import Removed, RemovedKind
from cometa.scorecards.records import removal

TAGS = ["scorecards: assessment records"]


class RemovedSerializer(serializers.ModelSerializer[Removed]):
    removed_by = serializers.CharField(
        source="removed_by.full_name", default=None, read_only=True, allow_null=True
    )

    class Meta:
        model = Removed
        fields = ["id", "kind", "label", "removed_at", "removed_by"]


class RestoredSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=RemovedKind.choices, help_text="What came back")
    id = serializers.IntegerField(help_text="Its id, the same as before it was removed")


class RemovedListView(generics.ListAPIView[Removed]):
    serializer_class = RemovedSerializer

    def get_queryset(self) -> QuerySet[Removed]:
        person = person_of(self.request)
        assessment = assessment_selectors.assessment_get(person, self.kwargs["pk"])
        return removal.removed_for(person, assessment)

    @extend_schema(
        tags=TAGS,
        summary="What was removed in the last 30 days (empty unless you may edit)",
        responses={200: RemovedSerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class RemovedRestoreView(generics.GenericAPIView[Removed]):
    serializer_class = RestoredSerializer

    @extend_schema(
        tags=TAGS,
        summary="Put back what was removed, as it was",
        request=None,
        responses={200: RestoredSerializer, **errors(401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, removed_pk: int) -> Response:
        person = person_of(request)
        kept = removal.removed_get(person, removed_pk, assessment_pk=pk)
        row = removal.removed_restore(actor=person, removed=kept)
        return Response(RestoredSerializer({"kind": kept.kind, "id": row.pk}).data)
