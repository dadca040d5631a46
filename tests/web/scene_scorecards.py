"""Scorecard objects shared by the matrix scenes of the web pages and the API.

`own` is an assessment of the acting person's country team (UNCT Kazakhstan for the
viewer, editor, coordinator, reviewer and admin; UNCT Mexico for the outsider);
`other` is the other team's. Both are drafts unless a route asks for a submitted one.
"""

from __future__ import annotations

from typing import Any

from cometa.accounts.acting import SYSTEM
from cometa.scorecards.assessments import services
from cometa.scorecards.frameworks.store import framework_sync_builtin, latest_published
from cometa.scorecards.models import Assessment, AssessmentKind


def assessments(scene: Any) -> dict[str, Assessment]:
    """{"unct": ..., "other_unct": ...}: one 2022 draft per team, built once per test."""
    if "assessments" not in scene.cache:
        framework_sync_builtin()
        swap = latest_published("unct-swap")
        scene.cache["assessments"] = {
            key: services.assessment_create(
                actor=SYSTEM,
                new=services.NewAssessment(
                    organisation=getattr(scene.world, key),
                    framework=swap,
                    year=2022,
                    kind=AssessmentKind.COMPREHENSIVE,
                ),
            )
            for key in ("unct", "other_unct")
        }
    return scene.cache["assessments"]  # type: ignore[no-any-return]


def assessment_for(scene: Any, role: str, relation: str) -> Assessment:
    mine, theirs = "unct", "other_unct"
    if role == "outsider":
        mine, theirs = theirs, mine
    return assessments(scene)[mine if relation in ("own", "same", "-") else theirs]
