"""URLs and bodies for the stored indicators' rows of the permission matrix: the network
of scene_network.py, its facts rebuilt and a full run of 2024 stored."""

from __future__ import annotations

from typing import Any

from cometa.accounts.acting import SYSTEM
from cometa.indicators.periods import parse_period
from cometa.network.services.indicator_runs import indicators_run
from cometa.network.services.indicators import recompute
from tests.web import scene_network


def built(scene: Any) -> dict[str, Any]:
    found = scene_network.built(scene)
    if "indicator-run" not in found:
        recompute(actor=SYSTEM, network=found["network"])
        found["indicator-run"] = indicators_run(
            actor=SYSTEM, network=found["network"], period=parse_period("2024")
        )
    return found


def url(scene: Any, route: str, role: str, relation: str) -> str:
    found = built(scene)
    return "/" + (
        route.replace("<int:pk>", str(found["network"].pk))
        .replace("<int:run_pk>", str(found["indicator-run"].pk))
        .replace("<str:code>", "CI-01")
    )


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    if route.endswith("recompute/"):
        return {"period": "2024"}
    if route.endswith("freeze/"):
        return {"label": "Matrix"}
    return {}
