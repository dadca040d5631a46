"""URLs for the survey instruments' rows of the permission matrix: the network of
scene_network.py with the instruments that come with Cometa published in it."""

from __future__ import annotations

from typing import Any

from cometa.accounts.acting import SYSTEM
from cometa.network.services.surveys import instruments_install
from tests.web import scene_network


def _built(scene: Any) -> dict[str, Any]:
    found = scene_network.built(scene)
    if "instruments" not in found:
        found["instruments"] = instruments_install(actor=SYSTEM, network=found["network"])
    return found


def url(scene: Any, route: str, role: str, relation: str) -> str:
    found = _built(scene)
    return "/" + route.replace("<int:pk>", str(found["network"].pk)).replace(
        "<int:instrument_pk>", str(found["instruments"][0].pk)
    )


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    return {}
