"""Builds the URLs of the results report rows of the permission matrix (see
tests/web/matrix_results_report.py) on the plans of tests/web/scene_results.py."""

from __future__ import annotations

from typing import Any

from tests.web import scene_results


def url(scene: Any, route: str, role: str, relation: str) -> str:
    if relation == "-":
        return "/" + route + "?year=2022"
    built = scene_results._built(scene, "own" if relation == "uncovered" else relation)
    year = "2030" if relation == "uncovered" else "2022"
    path = route.replace("<int:office>", str(built.plan.office_id)).replace("<year:year>", year)
    return "/" + path


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    return {}
