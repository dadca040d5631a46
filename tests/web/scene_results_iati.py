"""URLs and bodies for tests/web/matrix_results_iati.py: the plans of scene_results."""

from __future__ import annotations

from typing import Any

from tests.web.scene_results import _built, _office


def url(scene: Any, route: str, role: str, relation: str) -> str:
    built = _built(scene, relation)
    return "/" + route.replace("<int:pk>", str(built.plan.pk))


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    if route.endswith("imports/"):
        return {"office": _office(scene, relation).pk, "dry_run": True}
    return {}
