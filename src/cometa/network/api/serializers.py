"""Serializers of the network API. Participants carry no identity unless the view hands
one in (``identities`` in the context, read through ``selectors.identities_for``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cometa.network.codes import (
    AttemptResult,
    ConsentPurpose,
    ContactMode,
    DropReason,
    EnrolmentStatus,
    FollowUpRound,
    FollowUpStatus,
    IncomeBand,
    WorkStatus,
)
from cometa.network.models import (
    Consent,
    ContactAttempt,
    Enrolment,
    EnrolmentChange,
    FollowUpTask,
    Identity,
    Participant,
)
from cometa.network.schedule import Standing
from cometa.network.web.pages import PROFILE


def enum_field(name: str, choices: Sequence[tuple[str, Any]]) -> Callable[..., Any]:
    """A choice field that is one named component of the schema."""
    schema = {
        "type": "string",
        "enum": [value for value, _ in choices],
        "description": "\n".join(f"* `{value}` - {label}" for value, label in choices),
    }

    @extend_schema_field(schema, component_name=name)
    class EnumField(serializers.ChoiceField):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(choices=list(choices), **kwargs)

    return EnumField


EnrolmentStatusField = enum_field("NetworkEnrolmentStatus", EnrolmentStatus.choices)
DropReasonField = enum_field("NetworkDropReason", DropReason.choices)
ContactModeField = enum_field("NetworkContactMode", ContactMode.choices)
AttemptResultField = enum_field("NetworkAttemptResult", AttemptResult.choices)
WorkStatusField = enum_field("NetworkWorkStatus", WorkStatus.choices)
IncomeBandField = enum_field("NetworkIncomeBand", IncomeBand.choices)
STANDINGS = [
    (value, value.replace("_", " "))
    for value in (
        Standing.NOT_YET,
        Standing.OPEN,
        Standing.DUE,
        Standing.OVERDUE,
        Standing.MISSED,
        Standing.UNREACHABLE,
        Standing.CLOSED,
    )
]
StandingField = enum_field("NetworkFollowUpStanding", STANDINGS)


class IdentitySerializer(serializers.ModelSerializer[Identity]):
    class Meta:
        model = Identity
        fields = ["given_names", "family_names", "phone", "address"]


class ConsentSerializer(serializers.ModelSerializer[Consent]):
    purpose = enum_field("NetworkConsentPurpose", ConsentPurpose.choices)(read_only=True)

    class Meta:
        model = Consent
        fields = ["purpose", "given_on", "withdrawn_on"]


class ParticipantSerializer(serializers.ModelSerializer[Participant]):
    member = serializers.CharField(source="member.organisation.name", read_only=True)
    identity = serializers.SerializerMethodField(
        help_text="Only for the editors of the partner holding her record (each read audited)"
    )

    class Meta:
        model = Participant
        fields = ["id", "code", "member", *PROFILE, "identity"]

    @extend_schema_field(IdentitySerializer(allow_null=True))
    def get_identity(self, participant: Participant) -> dict[str, Any] | None:
        found = self.context.get("identities", {}).get(participant.pk)
        return IdentitySerializer(found).data if found is not None else None


class ParticipantDetailSerializer(ParticipantSerializer):
    consents = ConsentSerializer(many=True, read_only=True)

    class Meta(ParticipantSerializer.Meta):
        fields = [*ParticipantSerializer.Meta.fields, "consents"]


class ChangeSerializer(serializers.ModelSerializer[EnrolmentChange]):
    to_status = EnrolmentStatusField(read_only=True)

    class Meta:
        model = EnrolmentChange
        fields = ["from_status", "to_status", "on"]


class EnrolmentSerializer(serializers.ModelSerializer[Enrolment]):
    participant = serializers.CharField(source="participant.code", read_only=True)
    cohort = serializers.CharField(source="cohort.code", read_only=True)
    status = EnrolmentStatusField(read_only=True)
    changes = ChangeSerializer(many=True, read_only=True)

    class Meta:
        model = Enrolment
        fields = [
            "id",
            "participant",
            "cohort",
            "status",
            "enrolled_on",
            "status_on",
            "exited_on",
            "changes",
        ]


class EnrolmentChangeSerializer(serializers.Serializer[Any]):
    to_status = EnrolmentStatusField()
    on = serializers.DateField()
    reasons = serializers.ListField(child=DropReasonField(), required=False, max_length=18)


class FollowUpSerializer(serializers.ModelSerializer[FollowUpTask]):
    participant = serializers.CharField(source="enrolment.participant.code", read_only=True)
    round = enum_field("NetworkFollowUpRound", FollowUpRound.choices)(read_only=True)
    status = enum_field("NetworkFollowUpStatus", FollowUpStatus.choices)(read_only=True)
    standing = serializers.SerializerMethodField()
    failed = serializers.IntegerField(read_only=True, help_text="Failed contact attempts")
    work_status = serializers.CharField(read_only=True)
    income_band = serializers.CharField(read_only=True)

    class Meta:
        model = FollowUpTask
        fields = [
            "id",
            "participant",
            "enrolment",
            "round",
            "due_on",
            "opens_on",
            "closes_on",
            "status",
            "standing",
            "failed",
            "responded_on",
            "in_window",
            "work_status",
            "income_band",
            "has_business",
            "in_education",
        ]

    @extend_schema_field(StandingField())
    def get_standing(self, task: FollowUpTask) -> str:
        return str(self.context["standing"](task))


class FollowUpFilterSerializer(serializers.Serializer[Any]):
    standing = StandingField(required=False, help_text="Only the follow-ups standing so today")


class ParticipantFilterSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(required=False, max_length=16, help_text="Part of the code")


class AttemptSerializer(serializers.ModelSerializer[ContactAttempt]):
    mode = ContactModeField()
    result = AttemptResultField()

    class Meta:
        model = ContactAttempt
        fields = ["id", "attempted_at", "mode", "result"]
        read_only_fields = ["id"]


class ResponseSerializer(serializers.Serializer[Any]):
    responded_on = serializers.DateField()
    work_status = WorkStatusField(required=False)
    income_band = IncomeBandField(required=False)
    has_business = serializers.BooleanField(required=False, allow_null=True, default=None)
    in_education = serializers.BooleanField(required=False, allow_null=True, default=None)
