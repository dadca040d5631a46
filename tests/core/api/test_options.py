"""OPTIONS answers every API route with its allowed methods: DRF's default description
of a view's serializer failed with 500 on views that have no queryset (found by the
conformance run on /api/v1/results/outcomes/<id>/narratives/<year>/)."""

from __future__ import annotations

import pytest

from tests.conftest import signed_in


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/results/outcomes/1/narratives/2022/",
        "/api/v1/results/outputs/1/budget/",
        "/api/v1/organisations/",
        "/api/v1/scorecards/assessments/",
    ],
)
def test_options_lists_the_allowed_methods(world, path):
    response = signed_in(world.ada).options(path)
    assert response.status_code == 200, response.content
    assert "GET" in response["Allow"] or "PUT" in response["Allow"]
