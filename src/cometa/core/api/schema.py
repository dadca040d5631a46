"""The API's schema class: every operation documents the errors it can answer.

drf-spectacular documents only the success response unless a view says more, so a client
(and the property-based run in tests/core/api/test_conformance.py) met status codes the
schema did not name: 404 for an id outside the person's reach or a page past the end, 400
for a bad filter, 401 for a missing token. This class adds, to every operation, the error
responses the shared handlers (:mod:`cometa.core.api.errors`) can produce for it, in the
one error format; a view that names its own errors keeps them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class ErrorDetailSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Stable code, e.g. not_found, edit_conflict")
    message = serializers.CharField()
    fields = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Messages by field; nested fields are dotted (inputs.pct_indicators)",
    )


class ErrorSerializer(serializers.Serializer[Any]):
    error = ErrorDetailSerializer()


def error_statuses(*, method: str, has_query: bool, has_body: bool) -> list[int]:
    """The error statuses an operation can answer through the shared handlers.

    401 (no or a rejected token), 403 (not permitted) and 404 (an id outside the
    person's reach, a page past the end) for every operation; 400 where there is input
    to refuse (a body, a filter or a page number) or a write the rules may refuse; 409
    where a write can meet a stale version or a state that forbids it; 413 and 415 where
    a body is sent.
    """
    statuses = [401, 403, 404]
    if has_query or has_body or method in WRITE_METHODS:
        statuses.append(400)
    if method in WRITE_METHODS:
        statuses.append(409)
    if has_body:
        statuses += [413, 415]
    return sorted(statuses)


class CometaAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        bodies: dict[str, Any] = super()._get_response_bodies(direction)
        has_query = any(parameter.get("in") == "query" for parameter in self._get_parameters())
        has_body = self.method in BODY_METHODS and self.get_request_serializer() is not None
        for status in error_statuses(method=self.method, has_query=has_query, has_body=has_body):
            if str(status) not in bodies:
                bodies[str(status)] = self._get_response_for_code(
                    ErrorSerializer, str(status), direction=direction
                )
        return bodies


def enum_field(name: str, choices: Sequence[tuple[Any, Any]]) -> Callable[..., Any]:
    """A choice field whose values are one named component of the schema (so that the
    many fields called ``status`` or ``kind`` across modules never collide)."""
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
