"""URLs and bodies for the comparison's rows of the permission matrix: the network of
scene_network.py with its indicators computed and stored once (a run), so the PDF and
Word files are made; `own` is UNCT Kazakhstan's centre, `other` the other partner's."""

from __future__ import annotations

from datetime import date
from typing import Any

from cometa.accounts.acting import SYSTEM
from cometa.indicators.periods import custom
from cometa.network.services.indicator_runs import indicators_run
from cometa.network.services.indicators import recompute
from tests.web import scene_network


def _built(scene: Any) -> dict[str, Any]:
    found = scene_network.built(scene)
    if "run" not in found:
        recompute(actor=SYSTEM, network=found["network"])
        found["run"] = indicators_run(
            actor=SYSTEM,
            network=found["network"],
            period=custom(date(2024, 1, 1), date(2024, 12, 31)),
        )
    return found


def url(scene: Any, route: str, role: str, relation: str) -> str:
    found = _built(scene)
    women = found["other" if relation.startswith("other") else "own"]
    return "/" + route.replace("<int:pk>", str(found["network"].pk)).replace(
        "<int:site_pk>", str(women["cohort"].site_id)
    ).replace("<str:group>", "rural")


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    return {"group": "rural", "share": "30", "source": "INEGI, Censo 2020", "year": "2020"}
