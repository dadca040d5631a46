"""Builds URLs and bodies for the framework pages' rows of the permission matrix.

`published` is the shipped UNCT-SWAP version; `draft` a draft made from it, built once per
test.
"""

from __future__ import annotations

from typing import Any

from cometa.accounts.acting import SYSTEM
from cometa.scorecards.frameworks.admin import framework_edit_wording
from cometa.scorecards.frameworks.store import framework_sync_builtin, latest_published
from cometa.scorecards.models import FrameworkVersion


def _versions(scene: Any) -> dict[str, FrameworkVersion]:
    if "framework_versions" not in scene.cache:
        framework_sync_builtin()
        published = latest_published("unct-swap")
        draft = framework_edit_wording(
            actor=SYSTEM,
            base=published,
            version="2018-draft",
            texts={"1.1|approaches.a|es": "Borrador de la matriz."},
        )
        scene.cache["framework_versions"] = {"published": published, "draft": draft}
    return scene.cache["framework_versions"]  # type: ignore[no-any-return]


def url(scene: Any, route: str, role: str, relation: str) -> str:
    path = "/" + route
    if "<int:pk>" in route:
        path = path.replace("<int:pk>", str(_versions(scene)[relation].pk))
    return path


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    if route.endswith("/edit/"):  # one changed text: the other criteria keep their wording
        return {"version": "2018-matrix", "2.2|meets.b|es": "Texto"}
    return {}
