"""Builds URLs and bodies for the scorecards api rows of the permission matrix.

Relations: `own` and `other` as in tests/web/scene_scorecards.py; `submitted` is the
person's own team's assessment after its submission (by the platform administrator);
`-` is no object (lists, frameworks, imports).
"""

from __future__ import annotations

import io
from typing import Any

from cometa.accounts.acting import SYSTEM
from cometa.scorecards.assessments.workflow import transition
from cometa.scorecards.frameworks.store import latest_published
from cometa.scorecards.models import Assessment, Removed
from cometa.scorecards.records import evidence
from cometa.scorecards.records import services as record_services
from tests.pdf import PDF
from tests.web.scene_scorecards import assessment_for, assessments

PREFIX = "api/v1/scorecards/"


def _framework_pk(scene: Any) -> int:
    assessments(scene)  # stores the shipped frameworks
    return latest_published("unct-swap").pk


def _assessment(scene: Any, role: str, relation: str) -> Assessment:
    if relation != "submitted":
        return assessment_for(scene, role, relation)
    found = assessment_for(scene, role, "own")
    key = f"submitted-{found.pk}"
    if key not in scene.cache:
        scene.cache[key] = transition(actor=scene.world.ada, assessment=found, step_name="submit")
    return scene.cache[key]  # type: ignore[no-any-return]


def _once(scene: Any, key: str, build: Any) -> int:
    if key not in scene.cache:
        scene.cache[key] = build().pk
    return scene.cache[key]  # type: ignore[no-any-return]


def _member(scene: Any, assessment: Assessment) -> int:
    return _once(
        scene,
        f"member-{assessment.pk}",
        lambda: record_services.team_member_add(
            actor=SYSTEM, assessment=assessment, name="Matrix Member", entity="UNDP"
        ),
    )


def _action(scene: Any, assessment: Assessment) -> int:
    return _once(
        scene,
        f"action-{assessment.pk}",
        lambda: record_services.action_save(
            actor=SYSTEM,
            assessment=assessment,
            content=record_services.ActionContent(indicator_code="1.1", text="Matrix action"),
        ),
    )


def _link(scene: Any, assessment: Assessment) -> int:
    return _once(
        scene,
        f"link-{assessment.pk}",
        lambda: evidence.evidence_link(
            actor=SYSTEM, assessment=assessment, url="https://example.org/matrix", title="Link"
        ),
    )


def _file(scene: Any, assessment: Assessment) -> int:
    return _once(
        scene,
        f"file-{assessment.pk}",
        lambda: evidence.evidence_upload(
            actor=SYSTEM,
            assessment=assessment,
            file=io.BytesIO(PDF),
            filename="matrix.pdf",
            title="File",
        ),
    )


def _removed(assessment: Assessment) -> int:
    """A fresh removal each time: putting it back uses it up."""
    action = record_services.action_save(
        actor=SYSTEM,
        assessment=assessment,
        content=record_services.ActionContent(indicator_code="1.1", text="Removed action"),
    )
    record_services.action_delete(actor=SYSTEM, action=action)
    return Removed.objects.filter(assessment=assessment).latest("removed_at", "id").pk


def url(scene: Any, route: str, role: str, relation: str) -> str:
    path = route.removeprefix(PREFIX)
    if path.startswith("frameworks/<int:pk>/"):
        path = path.replace("<int:pk>", str(_framework_pk(scene)))
    elif path.startswith("assessments/<int:pk>/"):
        assessment = _assessment(scene, role, relation)
        path = path.replace("<int:pk>", str(assessment.pk)).replace("<str:code>", "3.2")
        if "<int:member_pk>" in path:
            path = path.replace("<int:member_pk>", str(_member(scene, assessment)))
        if "<int:action_pk>" in path:
            path = path.replace("<int:action_pk>", str(_action(scene, assessment)))
        if "<int:removed_pk>" in path:
            path = path.replace("<int:removed_pk>", str(_removed(assessment)))
        if "<int:evidence_pk>" in path:
            made = _file if path.endswith("download/") else _link
            path = path.replace("<int:evidence_pk>", str(made(scene, assessment)))
    elif "<" in path:
        raise NotImplementedError(f"no scene for {route}")
    return "/" + PREFIX + path


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    path = route.removeprefix(PREFIX)
    team = assessment_for(scene, role, "own" if relation == "-" else relation).organisation.pk
    bodies: dict[str, dict[str, object]] = {
        "frameworks/<int:pk>/rate/": {"indicator": "3.2", "answers": {"meets.a": "met"}},
        "cycles/": {"organisation": team, "name": "UNSDCF", "start_year": 2021, "end_year": 2025},
        "assessments/": {
            "organisation": team,
            "framework": _framework_pk(scene),
            "year": 2023,
            "kind": "comprehensive",
        },
        "assessments/<int:pk>/": {"process_text": "How the team worked.", "text_version": 1},
        "assessments/<int:pk>/indicators/<str:code>/": {
            "version": 1,
            "answers": {"meets.a": "met"},
        },
        "assessments/<int:pk>/transition/": {
            "step": "start_review" if relation == "submitted" else "submit"
        },
        "assessments/<int:pk>/team/": {"name": "Matrix Member", "entity": "UNFPA"},
        "assessments/<int:pk>/actions/": {"indicator_code": "1.1", "text": "Train the team."},
        "assessments/<int:pk>/actions/<int:action_pk>/": {"status": "in_progress", "version": 1},
        "assessments/<int:pk>/evidence/": {"title": "Sent as JSON, not multipart"},
        "assessments/<int:pk>/evidence/link/": {"url": "https://example.org/r", "title": "R"},
        "assessments/<int:pk>/comments/": {"text": "Please add evidence for 2.2."},
        "imports/": {"organisation": team},
    }
    return bodies.get(path, {})
