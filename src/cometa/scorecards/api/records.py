"""API: what an assessment holds besides its ratings: the assessment team, action points,
evidence (files and links) and review comments."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db.models import Model, QuerySet
from django.http import FileResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.errors import NotPermitted
from cometa.scorecards.api.common import errors, query, valid
from cometa.scorecards.api.serializers_records import (
    ActionFilterSerializer,
    ActionPointSerializer,
    ActionUpdateSerializer,
    ActionWriteSerializer,
    CommentCreateSerializer,
    CommentSerializer,
    EvidenceFilterSerializer,
    EvidenceLinkSerializer,
    EvidenceSerializer,
    EvidenceUploadSerializer,
    TeamMemberSerializer,
)
from cometa.scorecards.assessments import access, patching
from cometa.scorecards.assessments import selectors as assessment_selectors
from cometa.scorecards.models import ActionPoint, Assessment, Evidence, ReviewComment, TeamMember
from cometa.scorecards.records import evidence, filetypes
from cometa.scorecards.records import selectors as record_selectors
from cometa.scorecards.records import services as record_services

logger = logging.getLogger(__name__)
TAGS = ["scorecards: assessment records"]
WRITE_ERRORS = errors(400, 401, 403, 404, 409)  # 409: the assessment is not editable
DELETE_RESPONSES = {204: None, **errors(400, 401, 403, 404, 409)}


def _created(
    request: Request,
    pk: int,
    given: type[serializers.Serializer[Any]],
    create: Callable[..., Model],
    shown: type[serializers.Serializer[Any]],
) -> Response:
    """A record added under assessment ``pk``: the request validated by ``given``, the
    service ``create`` called with the acting person, the assessment and the data, the new
    record answered (201) as ``shown``. An assessment the person may not see answers 404."""
    person = person_of(request)
    assessment = assessment_selectors.assessment_get(person, pk)
    data = valid(given, request.data)
    made = create(actor=person, assessment=assessment, **data)
    return Response(shown(made).data, status=status.HTTP_201_CREATED)


# --- The assessment team ------------------------------------------------------------------


class TeamListView(generics.ListCreateAPIView[TeamMember]):
    serializer_class = TeamMemberSerializer

    def get_queryset(self) -> QuerySet[TeamMember]:
        return record_selectors.team_of(person_of(self.request), self.kwargs["pk"])

    @extend_schema(
        tags=TAGS,
        summary="The inter-agency assessment team",
        responses={200: TeamMemberSerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="Add a member to the assessment team",
        request=TeamMemberSerializer,
        responses={201: TeamMemberSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        return _created(
            request, pk, TeamMemberSerializer, record_services.team_member_add, TeamMemberSerializer
        )


class TeamMemberView(generics.GenericAPIView[TeamMember]):
    serializer_class = TeamMemberSerializer

    @extend_schema(
        tags=TAGS,
        summary="Remove a member of the team (they can be put back for 30 days)",
        responses=DELETE_RESPONSES,
    )
    def delete(self, request: Request, pk: int, member_pk: int) -> Response:
        person = person_of(request)
        member = record_selectors.team_member_get(person, member_pk, assessment=pk)
        record_services.team_member_remove(actor=person, member=member)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- Action points --------------------------------------------------------------------------


def _action_add(*, actor: Person, assessment: Assessment, **data: Any) -> ActionPoint:
    content = record_services.ActionContent(**data)
    return record_services.action_save(actor=actor, assessment=assessment, content=content)


class ActionListView(generics.ListCreateAPIView[ActionPoint]):
    serializer_class = ActionPointSerializer

    def get_queryset(self) -> QuerySet[ActionPoint]:
        filters = query(ActionFilterSerializer, self.request)
        return record_selectors.actions_of(person_of(self.request), self.kwargs["pk"], **filters)

    @extend_schema(
        tags=TAGS,
        summary="The action plan",
        parameters=[ActionFilterSerializer],
        responses={200: ActionPointSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="Add an action point",
        request=ActionWriteSerializer,
        responses={201: ActionPointSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        return _created(request, pk, ActionWriteSerializer, _action_add, ActionPointSerializer)


class ActionView(generics.GenericAPIView[ActionPoint]):
    serializer_class = ActionPointSerializer

    @extend_schema(
        tags=TAGS,
        summary="Change an action point (fields left out are kept)",
        description=(
            "`version` is the version you read: if someone saved the action point since, "
            "nothing is saved and the answer is 409 with code `edit_conflict` (read it "
            "again, then send your change based on the new version)."
        ),
        request=ActionUpdateSerializer,
        responses={200: ActionPointSerializer, **WRITE_ERRORS},
    )
    def patch(self, request: Request, pk: int, action_pk: int) -> Response:
        person = person_of(request)
        action = record_selectors.action_get(person, action_pk, assessment=pk)
        data = valid(ActionUpdateSerializer, request.data)
        version = data.pop("version")
        action = patching.action_patch(
            actor=person, action=action, expected_version=version, changes=data
        )
        return Response(ActionPointSerializer(action).data)

    @extend_schema(
        tags=TAGS,
        summary="Delete an action point (it can be put back for 30 days)",
        responses=DELETE_RESPONSES,
    )
    def delete(self, request: Request, pk: int, action_pk: int) -> Response:
        person = person_of(request)
        action = record_selectors.action_get(person, action_pk, assessment=pk)
        record_services.action_delete(actor=person, action=action)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- Evidence -------------------------------------------------------------------------------


class EvidenceListView(generics.ListCreateAPIView[Evidence]):
    """Lists evidence (GET) and takes uploads (POST, multipart/form-data only)."""

    serializer_class = EvidenceSerializer
    parser_classes = [MultiPartParser]

    def get_queryset(self) -> QuerySet[Evidence]:
        filters = query(EvidenceFilterSerializer, self.request)
        return record_selectors.evidence_of(person_of(self.request), self.kwargs["pk"], **filters)

    @extend_schema(
        tags=TAGS,
        summary="Means of verification and supporting evidence",
        parameters=[EvidenceFilterSerializer],
        responses={200: EvidenceSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="Upload an evidence file",
        description=(
            "multipart/form-data. The file is checked by its content (PDF, Word, Excel, "
            "PowerPoint, PNG, JPEG or plain text) and against the size limit."
        ),
        request={"multipart/form-data": EvidenceUploadSerializer},
        responses={201: EvidenceSerializer, **errors(400, 401, 403, 404, 415)},
    )
    def post(self, request: Request, pk: int) -> Response:
        person = person_of(request)
        assessment = assessment_selectors.assessment_get(person, pk)
        if not access.may_edit(person, assessment):  # before reading a large body
            raise NotPermitted(
                _("Only editors and coordinators of this country team may add evidence.")
            )
        data = valid(EvidenceUploadSerializer, request.data)
        upload = data.pop("file")
        created = evidence.evidence_upload(
            actor=person, assessment=assessment, file=upload, filename=upload.name, **data
        )
        return Response(EvidenceSerializer(created).data, status=status.HTTP_201_CREATED)


class EvidenceLinkView(generics.GenericAPIView[Evidence]):
    serializer_class = EvidenceLinkSerializer

    @extend_schema(
        tags=TAGS,
        summary="Add a link as evidence",
        request=EvidenceLinkSerializer,
        responses={201: EvidenceSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        return _created(
            request, pk, EvidenceLinkSerializer, evidence.evidence_link, EvidenceSerializer
        )


class EvidenceView(generics.GenericAPIView[Evidence]):
    serializer_class = EvidenceSerializer

    @extend_schema(
        tags=TAGS,
        summary="Remove evidence (it can be put back for 30 days)",
        responses=DELETE_RESPONSES,
    )
    def delete(self, request: Request, pk: int, evidence_pk: int) -> Response:
        person = person_of(request)
        item = record_selectors.evidence_get(person, evidence_pk, assessment=pk)
        evidence.evidence_delete(actor=person, evidence=item)
        return Response(status=status.HTTP_204_NO_CONTENT)


class EvidenceDownloadView(generics.GenericAPIView[Evidence]):
    serializer_class = EvidenceSerializer

    @extend_schema(
        tags=TAGS,
        summary="Download an evidence file (always as an attachment)",
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The file, with its checked content type"
            ),
            **errors(401, 404),
        },
    )
    def get(self, request: Request, pk: int, evidence_pk: int) -> FileResponse:
        person = person_of(request)
        try:
            item, stored = record_selectors.evidence_file(person, evidence_pk, assessment=pk)
        except record_selectors.NoStoredFile:
            raise exceptions.NotFound(
                _("This evidence is a link or a document name, not a stored file."), code="no_file"
            ) from None
        except record_selectors.DamagedFile:
            raise exceptions.NotFound(
                _("This evidence file is damaged; ask the team to upload it again."),
                code="damaged_file",
            ) from None
        return FileResponse(
            stored,  # checked against the digest of the upload
            as_attachment=True,
            filename=filetypes.safe_name(
                item.original_name or f"evidence-{item.pk}", item.content_type
            ),
            content_type=item.content_type or "application/octet-stream",
        )


# --- Review comments ------------------------------------------------------------------------


class CommentListView(generics.ListCreateAPIView[ReviewComment]):
    serializer_class = CommentSerializer

    def get_queryset(self) -> QuerySet[ReviewComment]:
        return record_selectors.comments_of(person_of(self.request), self.kwargs["pk"])

    @extend_schema(
        tags=TAGS,
        summary="Review comments, oldest first",
        responses={200: CommentSerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="Comment (reviewers and the team)",
        request=CommentCreateSerializer,
        responses={201: CommentSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        return _created(
            request, pk, CommentCreateSerializer, record_services.comment_add, CommentSerializer
        )
