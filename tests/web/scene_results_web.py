"""Builds the URLs of the results pages' rows of the permission matrix (see
tests/web/matrix_results_web.py), on the plans built by tests/web/scene_results.py."""

from __future__ import annotations

from typing import Any

from tests.web import scene_results


def url(scene: Any, route: str, role: str, relation: str) -> str:
    if relation == "-":
        return "/" + route
    built = scene_results._built(scene, relation)
    return "/" + route.replace("<id:plan>", str(built.plan.pk))


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    return {}
