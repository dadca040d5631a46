"""Serializer fields shared by every module's API."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from cometa.core.errors import ValidationFailed
from cometa.core.ids import MAX_ID, parse_id


class IdField(serializers.IntegerField):
    """The id of a row, in a filter or a body: a whole number from 1 to ``MAX_ID`` (what
    the database holds). Anything else answers 400 under the field's name, before a query
    is made (a larger number made SQLite's driver raise OverflowError: a 500)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> int:
        try:
            return parse_id(data, field=self.field_name or "id")
        except ValidationFailed as refused:
            raise serializers.ValidationError(next(iter(refused.errors.values()))) from None
