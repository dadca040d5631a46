"""Serializers of the stored indicators' API: runs, their tables as released (every
hidden entry null, with ``hidden`` true), trends and the common definitions. Nothing
here counts: the tables come from ``network.indicators.stored``, already through
disclosure control and narrowed to the rows the person may read."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from cometa.network.indicators.catalogue import Listed
from cometa.network.indicators.compute import BY
from cometa.network.indicators.definitions import DIMENSIONS, FAMILIES, by_code
from cometa.network.indicators.store import Cell, ShownTable
from cometa.network.indicators.stored import Point
from cometa.network.models import IndicatorRun

RATE = {"max_digits": 4, "decimal_places": 1, "allow_null": True}


class NetworkIndicatorRunSerializer(serializers.ModelSerializer[IndicatorRun]):
    job = serializers.IntegerField(source="job_id", allow_null=True, read_only=True)

    class Meta:
        model = IndicatorRun
        fields = [
            "id", "period", "period_start", "period_end", "scope", "computed_at", "frozen",
            "label", "k", "k_strict", "job",
        ]  # fmt: skip
        read_only_fields = fields


class NetworkIndicatorRunFilterSerializer(serializers.Serializer[Any]):
    period = serializers.CharField(required=False, help_text="Only runs of this period")


class NetworkIndicatorTableFilterSerializer(serializers.Serializer[Any]):
    by = serializers.ChoiceField(
        choices=list(BY), required=False, default="network", help_text="The rows of the tables"
    )
    dimension = serializers.ChoiceField(
        choices=list(DIMENSIONS), required=False, help_text="Only this disaggregation"
    )
    code = serializers.CharField(
        required=False, help_text="Only these indicators (codes, separated by commas)"
    )


class NetworkIndicatorCellSerializer(serializers.Serializer[Any]):
    column = serializers.CharField(help_text="The dimension's code; empty for the total")
    n = serializers.IntegerField(allow_null=True, help_text="Null where hidden")
    numerator = serializers.IntegerField(allow_null=True, help_text="Null for a count")
    rate = serializers.DecimalField(**RATE, help_text="Per cent, one decimal")  # type: ignore[arg-type]
    hidden = serializers.BooleanField(help_text="Withheld by disclosure control")


class NetworkIndicatorRowSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(allow_null=True, help_text="Null for the totals row")
    label = serializers.CharField(allow_blank=True)  # type: ignore[assignment]
    cells = NetworkIndicatorCellSerializer(many=True)


class NetworkIndicatorTableSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    version = serializers.IntegerField(allow_null=True, help_text="Definition version")
    by = serializers.CharField()
    dimension = serializers.CharField(allow_blank=True)
    k = serializers.IntegerField(help_text="The threshold the table was controlled at")
    is_rate = serializers.BooleanField()
    rows = NetworkIndicatorRowSerializer(many=True)


class NetworkIndicatorPointSerializer(serializers.Serializer[Any]):
    period = serializers.CharField()
    computed_at = serializers.DateTimeField()
    n = serializers.IntegerField(allow_null=True)
    numerator = serializers.IntegerField(allow_null=True)
    rate = serializers.DecimalField(**RATE)  # type: ignore[arg-type]
    hidden = serializers.BooleanField()


class NetworkIndicatorTitleSerializer(serializers.Serializer[Any]):
    en = serializers.CharField()
    es = serializers.CharField(allow_blank=True)
    ru = serializers.CharField(allow_blank=True)


class NetworkIndicatorDefinitionSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    title = NetworkIndicatorTitleSerializer()
    family = serializers.ChoiceField(choices=list(FAMILIES))
    version = serializers.IntegerField(allow_null=True, help_text="Latest on the floor")
    sensitive = serializers.BooleanField(help_text="The strict threshold applies")
    is_rate = serializers.BooleanField()


class NetworkIndicatorRecomputeSerializer(serializers.Serializer[Any]):
    period = serializers.CharField(help_text="2024, 2024-Q1, 2024-03 or 2024-01-01/2024-06-30")


class NetworkIndicatorFreezeSerializer(serializers.Serializer[Any]):
    label = serializers.CharField(  # type: ignore[assignment]
        required=False, allow_blank=True, max_length=200, help_text="Default: the period"
    )


def cell_data(cell: Cell) -> dict[str, Any]:
    return {"n": cell.n, "numerator": cell.numerator, "rate": cell.rate, "hidden": cell.hidden}


def table_data(table: ShownTable) -> dict[str, Any]:
    common = by_code().get(table.code)
    rows = [
        {
            "id": pk,
            "label": label,
            "cells": [
                {"column": column, **cell_data(cell)}
                for column, cell in zip(table.columns, line, strict=True)
            ],
        }
        for (pk, label), line in zip(table.rows, table.cells, strict=True)
    ]
    return {
        "code": table.code, "version": table.version, "by": table.by,
        "dimension": table.dimension, "k": table.k,
        "is_rate": common.is_rate if common is not None else table.is_rate, "rows": rows,
    }  # fmt: skip


def point_data(point: Point) -> dict[str, Any]:
    return {"period": point.period, "computed_at": point.computed_at, **cell_data(point.cell)}


def definition_data(listed: Listed) -> dict[str, Any]:
    common = listed.common
    return {
        "code": common.code, "title": common.definition.title.as_dict(),
        "family": common.family, "version": listed.version, "sensitive": common.sensitive,
        "is_rate": common.is_rate,
    }  # fmt: skip
