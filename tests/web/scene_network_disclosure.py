"""URLs for the disclosure page's rows of the permission matrix: the network of
scene_network.py; a POST sets thresholds the floor allows."""

from __future__ import annotations

from typing import Any

from tests.web import scene_network


def url(scene: Any, route: str, role: str, relation: str) -> str:
    found = scene_network.built(scene)
    return "/" + route.replace("<int:pk>", str(found["network"].pk))


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    return {"inside": 6, "strict": 12}
