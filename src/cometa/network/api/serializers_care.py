"""Serializers of the network API's care routes: mentoring contacts, graduation judged
criterion by criterion, consents, a transfer and psychosocial flags. They only parse and
show: the services in ``cometa.network.services`` decide."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from cometa.core.api.schema import enum_field
from cometa.network.api.serializers import ContactModeField
from cometa.network.codes import (
    ConsentPurpose,
    CriterionResultCode,
    FlagSeverity,
    FlagStatus,
    FlagTrigger,
    ReferralService,
)
from cometa.network.models import (
    Consent,
    CriterionResult,
    GraduationAssessment,
    MentoringContact,
    PsychosocialFlag,
    Referral,
)

PurposeField = enum_field("NetworkConsentPurposeInput", ConsentPurpose.choices)
ResultField = enum_field("NetworkCriterionResult", CriterionResultCode.choices)
TriggerField = enum_field("NetworkFlagTrigger", FlagTrigger.choices)
SeverityField = enum_field("NetworkFlagSeverity", FlagSeverity.choices)
FlagStatusField = enum_field("NetworkFlagStatus", FlagStatus.choices)
ServiceField = enum_field("NetworkReferralService", ReferralService.choices)


class NetworkCareMentoringSerializer(serializers.ModelSerializer[MentoringContact]):
    mentor = serializers.IntegerField(source="mentor_id", help_text="A mentor of her partner")
    mode = ContactModeField()
    minutes = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=600, default=None
    )
    next_step = serializers.CharField(required=False, allow_blank=True, max_length=300)

    class Meta:
        model = MentoringContact
        fields = ["id", "mentor", "contacted_on", "mode", "minutes", "next_step"]
        read_only_fields = ["id"]


class NetworkCareCriterionResultSerializer(serializers.ModelSerializer[CriterionResult]):
    criterion = serializers.CharField(source="criterion.code", read_only=True)
    result = ResultField(read_only=True)

    class Meta:
        model = CriterionResult
        fields = ["criterion", "result"]


class NetworkCareAssessmentSerializer(serializers.ModelSerializer[GraduationAssessment]):
    results = NetworkCareCriterionResultSerializer(many=True, read_only=True)

    class Meta:
        model = GraduationAssessment
        fields = ["id", "assessed_on", "passed", "results"]


class NetworkCareAssessInputSerializer(serializers.Serializer[Any]):
    assessed_on = serializers.DateField()
    results = serializers.DictField(
        child=ResultField(), help_text="Result by criterion code (criteria in use)"
    )


class NetworkCareConsentRowSerializer(serializers.ModelSerializer[Consent]):
    purpose = PurposeField()

    class Meta:
        model = Consent
        fields = ["id", "purpose", "given_on", "withdrawn_on"]
        read_only_fields = ["id", "withdrawn_on"]


class NetworkCareWithdrawSerializer(serializers.Serializer[Any]):
    withdrawn_on = serializers.DateField()


class NetworkCareTransferSerializer(serializers.Serializer[Any]):
    to_member = serializers.IntegerField(help_text="The member of the network to receive her")
    on = serializers.DateField()
    override_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=500,
        help_text="Only without her consent to the transfer; kept in the audit trail",
    )


class NetworkCareTransferDoneSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    member = serializers.IntegerField(source="member_id")


class NetworkCareFlagRaiseSerializer(serializers.ModelSerializer[PsychosocialFlag]):
    """What raising answers: the flag's id and status, not its content (the raiser may not
    be designated to read it)."""

    trigger = TriggerField(write_only=True)
    severity = SeverityField(write_only=True)
    note = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=2000)
    status = FlagStatusField(read_only=True)

    class Meta:
        model = PsychosocialFlag
        fields = ["id", "trigger", "severity", "raised_on", "note", "status"]
        read_only_fields = ["id"]


class NetworkCareReferralSerializer(serializers.ModelSerializer[Referral]):
    service = ServiceField()
    provider = serializers.CharField(required=False, allow_blank=True, max_length=200)
    outcome = serializers.CharField(required=False, allow_blank=True, max_length=2000)

    class Meta:
        model = Referral
        fields = ["id", "service", "referred_on", "provider", "outcome"]
        read_only_fields = ["id"]


class NetworkCareFlagSerializer(serializers.ModelSerializer[PsychosocialFlag]):
    participant = serializers.CharField(source="participant.code", read_only=True)
    trigger = TriggerField(read_only=True)
    severity = SeverityField(read_only=True)
    status = FlagStatusField(read_only=True)
    referrals = NetworkCareReferralSerializer(many=True, read_only=True)

    class Meta:
        model = PsychosocialFlag
        fields = [
            "id",
            "participant",
            "trigger",
            "severity",
            "status",
            "raised_on",
            "note",
            "first_action_on",
            "closed_on",
            "referrals",
        ]


class NetworkCareFlagMoveSerializer(serializers.Serializer[Any]):
    status = FlagStatusField()
    on = serializers.DateField()
