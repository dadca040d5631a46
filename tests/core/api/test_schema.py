"""Every operation of the committed schema documents the errors the API can answer."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cometa.core.api.schema import error_statuses

SCHEMA = Path(__file__).resolve().parents[3] / "docs" / "api" / "openapi.yaml"
METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.mark.parametrize(
    ("method", "has_query", "has_body", "expected"),
    [
        ("GET", False, False, [401, 403, 404]),
        ("GET", True, False, [400, 401, 403, 404]),
        ("DELETE", False, False, [400, 401, 403, 404, 409]),
        ("PATCH", False, True, [400, 401, 403, 404, 409, 413, 415]),
        ("POST", True, True, [400, 401, 403, 404, 409, 413, 415]),
    ],
)
def test_error_statuses(method, has_query, has_body, expected):
    assert error_statuses(method=method, has_query=has_query, has_body=has_body) == expected


def _operations():
    paths = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))["paths"]
    for path, item in paths.items():
        for method, operation in item.items():
            if method in METHODS:
                yield f"{method.upper()} {path}", operation


@pytest.mark.parametrize(("name", "operation"), list(_operations()))
def test_every_operation_documents_its_errors_in_the_one_format(name, operation):
    responses = operation["responses"]
    for status in ("401", "403", "404"):
        content = responses[status]["content"]["application/json"]["schema"]
        assert content == {"$ref": "#/components/schemas/Error"}, (name, status)
    if operation.get("requestBody"):
        assert {"400", "409", "415"} <= set(responses), name
