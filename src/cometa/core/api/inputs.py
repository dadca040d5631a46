"""Reading a request's input through a serializer, for every module's API."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers


def valid(serializer_class: type[serializers.Serializer[Any]], data: Any, **kw: Any) -> Any:
    """The validated data, or a 400 in the common error format."""
    serializer = serializer_class(data=data, **kw)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
