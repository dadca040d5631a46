"""Builds URLs and bodies for the knowledge hub's good-practice rows of the permission
matrix: a linked evidence item of the Kazakhstan team's draft, shared in the hub or not."""

from __future__ import annotations

from typing import Any

from cometa.accounts.acting import SYSTEM
from cometa.scorecards.records import evidence
from tests.web.scene_scorecards import assessments


def _evidence(scene: Any, relation: str) -> int:
    key = f"hub-{relation}"
    if key not in scene.cache:
        scene.cache[key] = evidence.evidence_link(
            actor=SYSTEM,
            assessment=assessments(scene)["unct"],
            url="https://example.org/matrix-hub",
            title=f"Matrix evidence ({relation})",
            indicator_code="2.2",
            shared=relation == "shared",
        ).pk
    return int(scene.cache[key])


def url(scene: Any, route: str, role: str, relation: str) -> str:
    pk = str(_evidence(scene, relation)) if "<" in route else ""
    return "/" + route.replace("<int:pk>", pk).replace("<int:evidence_pk>", pk)


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    if route.startswith("api/"):
        return {"is_good_practice": True}
    return {"good_practice": "1"}
