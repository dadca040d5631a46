"""OPTIONS is refused with 405 and the allowed methods on every API route (the OpenAPI
schema describes the API): DRF's default description of a view's serializer failed with
500 on views that have no queryset (found by the conformance run on
/api/v1/results/outcomes/<id>/narratives/<year>/)."""

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
def test_options_is_refused_with_the_allowed_methods(world, path):
    response = signed_in(world.ada).options(path)
    assert response.status_code == 405, response.content
    assert response.json()["error"]["code"] == "method_not_allowed"
    assert {"GET", "PUT"} & set(response["Allow"].replace(" ", "").split(","))
