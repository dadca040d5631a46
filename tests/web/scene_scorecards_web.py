"""Builds URLs and bodies for the scorecards web rows of the permission matrix.

Relations: `own` and `other` are drafts (tests/web/scene_scorecards.py); `submitted` is the
own team's assessment once submitted, for the reviewer's routes.
"""

from __future__ import annotations

import io
from typing import Any

from cometa.accounts.acting import SYSTEM
from cometa.scorecards.models import (
    ActionPoint,
    Assessment,
    AssessmentStatus,
    Removed,
    TeamMember,
)
from cometa.scorecards.records import evidence
from cometa.scorecards.records import services as record_services
from tests.pdf import PDF
from tests.web.scene_scorecards import assessment_for


def _submit(assessment: Assessment) -> None:
    Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.SUBMITTED)
    assessment.refresh_from_db()


def _member(assessment: Assessment) -> TeamMember:
    return record_services.team_member_add(
        actor=SYSTEM, assessment=assessment, name="Matrix Member", entity="UNDP"
    )


def _action(assessment: Assessment) -> ActionPoint:
    return record_services.action_save(
        actor=SYSTEM,
        assessment=assessment,
        content=record_services.ActionContent(indicator_code="1.1", text="Matrix action"),
    )


def _evidence(assessment: Assessment) -> int:
    item = evidence.evidence_upload(
        actor=SYSTEM,
        assessment=assessment,
        file=io.BytesIO(PDF),
        filename="matrix.pdf",
        title="Matrix evidence",
        indicator_code="1.1",
    )
    return item.pk


def _removed(assessment: Assessment) -> int:
    record_services.action_delete(actor=SYSTEM, action=_action(assessment))
    return Removed.objects.filter(assessment=assessment).latest("removed_at").pk


def url(scene: Any, route: str, role: str, relation: str) -> str:
    path = "/" + route
    if route in ("scorecards/", "scorecards/new/", "scorecards/import/"):
        return path
    assessment = assessment_for(scene, role, "own" if relation == "submitted" else relation)
    if route.startswith("scorecards/team/"):
        pk = _member(assessment).pk
    elif route.startswith("scorecards/actions/"):
        pk = _action(assessment).pk
    elif route.startswith("scorecards/evidence/"):
        pk = _evidence(assessment)
    elif route.startswith("scorecards/removed/"):
        pk = _removed(assessment)
    else:
        pk = assessment.pk
    if relation == "submitted":  # after adding what the route needs: a draft takes changes
        _submit(assessment)
    return path.replace("<int:pk>", str(pk)).replace("<str:code>", "1.1")


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    if route == "scorecards/new/":
        organisation = assessment_for(scene, role, "own").organisation
        framework = assessment_for(scene, role, "own").framework
        return {
            "organisation": organisation.pk,
            "framework": framework.pk,
            "year": 2023,
            "kind": "annual",
        }
    bodies: dict[str, dict[str, object]] = {
        "scorecards/<int:pk>/text/": {
            "process_text": "Matrix process",
            "context_text": "",
            "text_version": 1,
        },
        "scorecards/<int:pk>/workflow/": {
            "step": "start_review" if relation == "submitted" else "submit",
            "confirmed": "yes",  # past the summary page that submitting shows first
        },
        "scorecards/<int:pk>/team/": {"name": "Matrix Member", "entity": "UNDP"},
        "scorecards/<int:pk>/comments/": {"text": "Matrix comment"},
        "scorecards/<int:pk>/actions/": {
            "indicator_code": "1.1",
            "text": "Matrix action",
            "status": "planned",
        },
        "scorecards/actions/<int:pk>/edit/": {
            "indicator_code": "1.1",
            "text": "Matrix action, edited",
            "status": "in_progress",
            "version": 1,
        },
        "scorecards/<int:pk>/evidence/link/": {
            "url": "https://example.org/matrix",
            "title": "Matrix link",
            "category": "other",
        },
        "scorecards/<int:pk>/evidence/upload/": {"title": "Matrix file", "category": "other"},
        "scorecards/<int:pk>/indicators/<str:code>/evidence/link/": {
            "url": "https://example.org/matrix",
            "title": "Matrix link",
            "category": "other",
        },
        "scorecards/<int:pk>/indicators/<str:code>/evidence/upload/": {
            "title": "Matrix file",
            "category": "other",
        },
        "scorecards/<int:pk>/indicators/<str:code>/": {
            "version": 1,
            "reassessed": "on",
            "answer-approaches.a": "met",
        },
        "scorecards/<int:pk>/indicators/<str:code>/preview/": {"answer-approaches.a": "met"},
    }
    return bodies.get(route, {})
