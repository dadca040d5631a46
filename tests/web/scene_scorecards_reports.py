"""Builds URLs for the scorecard report rows of the permission matrix
(tests/web/matrix_scorecards_reports.py).

`own` and `other` are the drafts of tests/web/scene_scorecards.py; `submitted` is the
acting person's own team's assessment, set to submitted.
"""

from __future__ import annotations

from typing import Any

from cometa.scorecards.models import Assessment, AssessmentStatus
from tests.web.scene_scorecards import assessment_for

ROUTES = frozenset(
    {
        "scorecards/<int:pk>/report/",
        "scorecards/<int:pk>/report.pdf",
        "scorecards/<int:pk>/report.docx",
        "scorecards/<int:pk>/ratings.csv",
        "scorecards/<int:pk>/ratings.xlsx",
    }
)


def handles(route: str) -> bool:
    """Whether ``route`` is one of the report routes (they share the scorecards/ prefix)."""
    return route in ROUTES


def _assessment(scene: Any, role: str, relation: str) -> Assessment:
    if relation != "submitted":
        return assessment_for(scene, role, relation)
    assessment = assessment_for(scene, role, "own")
    Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.SUBMITTED)
    assessment.refresh_from_db()
    return assessment


def url(scene: Any, route: str, role: str, relation: str) -> str:
    return "/" + route.replace("<int:pk>", str(_assessment(scene, role, relation).pk))


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    return {}
