"""Serializers of the scorecards API: the assessment team, action points, evidence and
review comments."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from cometa.scorecards.api.common import ActionStatusField, EvidenceCategoryField
from cometa.scorecards.models import (
    ActionPoint,
    Evidence,
    EvidenceCategory,
    ReviewComment,
    TeamMember,
)


class TeamMemberSerializer(serializers.ModelSerializer[TeamMember]):
    class Meta:
        model = TeamMember
        fields = ["id", "name", "entity", "title", "is_coordinator", "position"]
        read_only_fields = ["position"]


class ActionPointSerializer(serializers.ModelSerializer[ActionPoint]):
    progress = serializers.DictField(child=serializers.CharField(), help_text="By year")
    status = ActionStatusField(read_only=True)

    class Meta:
        model = ActionPoint
        fields = [
            "id",
            "indicator_code",
            "text",
            "responsible",
            "due_date",
            "status",
            "progress",
            "position",
            "version",
        ]


class ActionWriteSerializer(serializers.Serializer[Any]):
    indicator_code = serializers.CharField(max_length=10)
    text = serializers.CharField()
    responsible = serializers.CharField(required=False, allow_blank=True, max_length=300)
    due_date = serializers.DateField(required=False, allow_null=True)
    status = ActionStatusField(required=False)
    progress = serializers.DictField(
        child=serializers.CharField(allow_blank=True), required=False, help_text="By year"
    )


class ActionUpdateSerializer(ActionWriteSerializer):
    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; a stale one answers 409 edit_conflict"
    )
    indicator_code = serializers.CharField(max_length=10, required=False)
    text = serializers.CharField(required=False)


class ActionFilterSerializer(serializers.Serializer[Any]):
    indicator = serializers.CharField(required=False, help_text="Indicator code")


class EvidenceSerializer(serializers.ModelSerializer[Evidence]):
    has_file = serializers.SerializerMethodField()
    category = EvidenceCategoryField(read_only=True)

    class Meta:
        model = Evidence
        fields = [
            "id",
            "indicator_code",
            "category",
            "title",
            "url",
            "has_file",
            "original_name",
            "content_type",
            "size",
            "sha256",
            "shared",
            "is_good_practice",
            "created_at",
        ]

    def get_has_file(self, evidence: Evidence) -> bool:
        return bool(evidence.stored_name)


class EvidenceFilterSerializer(serializers.Serializer[Any]):
    indicator = serializers.CharField(required=False, help_text="Indicator code")
    category = EvidenceCategoryField(required=False)


class _EvidenceFields(serializers.Serializer[Any]):
    title = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)
    indicator_code = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=10
    )
    category = EvidenceCategoryField(required=False, default=EvidenceCategory.OTHER)
    shared = serializers.BooleanField(required=False, default=False)


class EvidenceUploadSerializer(_EvidenceFields):
    file = serializers.FileField(
        help_text="PDF, Word, Excel, PowerPoint, PNG, JPEG or plain text (checked by content)"
    )


class EvidenceLinkSerializer(_EvidenceFields):
    url = serializers.URLField(max_length=500)


class CommentSerializer(serializers.ModelSerializer[ReviewComment]):
    author = serializers.StringRelatedField(read_only=True)  # type: ignore[var-annotated]

    class Meta:
        model = ReviewComment
        fields = ["id", "indicator_code", "author", "text", "created_at"]


class CommentCreateSerializer(serializers.Serializer[Any]):
    text = serializers.CharField()
    indicator_code = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=10
    )
