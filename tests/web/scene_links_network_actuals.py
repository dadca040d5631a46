"""The body of the network-actuals row of the permission matrix: the stored 2024 run of
scene_network_indicators_api.py and a 2021-2025 plan of UNDP Kazakhstan with an indicator
attached to CI-01's definition (saved on the floor by the recomputation)."""

from __future__ import annotations

from typing import Any

from cometa.accounts.acting import SYSTEM
from cometa.indicators.models import IndicatorVersion
from cometa.indicators.texts import Text
from cometa.results.inputs import PlanContent
from cometa.results.services import framework
from tests.web import scene_network_indicators_api


def _built(scene: Any) -> dict[str, Any]:
    found = scene_network_indicators_api.built(scene)
    if "ci-01-indicator" not in found:
        plan = framework.plan_create(
            actor=SYSTEM, office=scene.world.undp,
            content=PlanContent("Strategic Note", 2021, 2025, "KAZ"),
        )  # fmt: skip
        outcome = framework.outcome_create(
            actor=SYSTEM, plan=plan, code="D_1.1", statement_text=Text("An outcome.")
        )
        version = IndicatorVersion.objects.get(indicator__code="CI-01", number=1)
        found["ci-01-indicator"] = framework.indicator_attach(
            actor=SYSTEM, to=outcome, version=version
        )
    return found


def url(scene: Any, route: str, role: str, relation: str) -> str:
    return "/" + route


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    found = _built(scene)
    return {"indicator": found["ci-01-indicator"].pk, "network": found["network"].pk,
            "run": found["indicator-run"].pk, "code": "CI-01"}  # fmt: skip
