"""Serializers of the comparison and reach API (documentation and input): what leaves is
built from stored, controlled values only; a value null where disclosure control hid it,
quartiles null where fewer than five peers show a value. Peers are never named."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

S = serializers.Serializer


class NetworkCompareRunSerializer(S[Any]):
    id = serializers.IntegerField()
    period = serializers.CharField()
    computed_at = serializers.DateTimeField()
    frozen = serializers.BooleanField()


class NetworkCompareCellSerializer(S[Any]):
    n = serializers.IntegerField(allow_null=True, help_text="null: hidden by disclosure control")
    numerator = serializers.IntegerField(allow_null=True)
    value = serializers.DecimalField(max_digits=6, decimal_places=1, allow_null=True)


class NetworkCompareSiteSerializer(S[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    member = serializers.CharField()


class NetworkCompareSitesSerializer(S[Any]):
    run = NetworkCompareRunSerializer(allow_null=True)
    sites = NetworkCompareSiteSerializer(many=True)


class NetworkCompareLineSerializer(S[Any]):
    code = serializers.CharField()
    kind = serializers.ChoiceField(choices=["profile", "response"])
    site = NetworkCompareCellSerializer()
    network = NetworkCompareCellSerializer()


class NetworkCompareContextSerializer(S[Any]):
    enrolled = NetworkCompareCellSerializer()
    profile_score = serializers.DecimalField(max_digits=6, decimal_places=1, allow_null=True)
    network_profile_score = serializers.DecimalField(
        max_digits=6, decimal_places=1, allow_null=True
    )
    third = serializers.IntegerField(allow_null=True, help_text="0, 1 or 2; null: no score")
    lines = NetworkCompareLineSerializer(many=True)


def _value() -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=6, decimal_places=1, allow_null=True)


class NetworkCompareRowSerializer(S[Any]):
    code = serializers.CharField()
    centre = NetworkCompareCellSerializer()
    compared_with = serializers.ChoiceField(choices=["similar", "all"])
    peers_shown = serializers.IntegerField()
    peers_not_shown = serializers.IntegerField()
    minimum = _value()
    lower_quartile = _value()
    median = _value()
    upper_quartile = _value()
    maximum = _value()
    standing = serializers.ChoiceField(choices=["top", "upper", "lower", "bottom", "unknown"])
    lower_is_better = serializers.BooleanField()
    success = serializers.BooleanField()


class NetworkComparisonSerializer(S[Any]):
    run = NetworkCompareRunSerializer()
    site = NetworkCompareSiteSerializer()
    centres = serializers.IntegerField()
    similar_peers = serializers.IntegerField()
    context = NetworkCompareContextSerializer()  # type: ignore[assignment]
    indicators = NetworkCompareRowSerializer(many=True)
    successes = serializers.ListField(child=serializers.CharField())


class NetworkReferenceSerializer(S[Any]):
    group = serializers.CharField()
    share = serializers.DecimalField(max_digits=4, decimal_places=1, min_value=0, max_value=100)
    source = serializers.CharField(max_length=300)  # type: ignore[assignment]
    year = serializers.IntegerField(min_value=1900, max_value=2100, allow_null=True, required=False)


class NetworkReachOutcomeSerializer(S[Any]):
    code = serializers.CharField()
    group = NetworkCompareCellSerializer()
    rest = NetworkCompareCellSerializer()
    gap = _value()


class NetworkReachGroupSerializer(S[Any]):
    key = serializers.CharField()
    title = serializers.CharField()
    recorded = serializers.BooleanField()
    not_recorded = serializers.CharField(allow_null=True, help_text="why, if not recorded")
    note = serializers.CharField(allow_null=True, help_text="how, if recorded approximately")
    indicator = serializers.CharField(allow_null=True)
    share = NetworkCompareCellSerializer(allow_null=True)
    reference = NetworkReferenceSerializer(allow_null=True)
    gap = _value()
    behind = serializers.BooleanField()
    outcomes = NetworkReachOutcomeSerializer(many=True)


class NetworkReachSerializer(S[Any]):
    run = NetworkCompareRunSerializer(allow_null=True)
    groups = NetworkReachGroupSerializer(many=True)
