"""REST API of the scorecards module, mounted under /api/v1/scorecards/.

Each handler validates with a serializer, then calls one service or selector; reads go
through :mod:`cometa.scorecards.assessments.access` (via :mod:`cometa.scorecards.api.selectors`), so
anything outside what the person may see answers 404. The views live in siblings:
``api_frameworks`` (frameworks and the rating preview), ``api_assessments`` (cycles,
assessments, indicators, workflow, quality, import) and ``api_records`` (team, action
points, evidence, comments); the serializers in ``api_serializers*``.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.request import Request

from cometa.accounts.models import Person
from cometa.core.api.inputs import valid
from cometa.core.api.schema import ErrorSerializer, enum_field
from cometa.scorecards.assessments.workflow import STEPS
from cometa.scorecards.models import (
    ActionStatus,
    AssessmentKind,
    AssessmentStatus,
    EvidenceCategory,
)


def errors(*statuses: int) -> dict[int, type[ErrorSerializer]]:
    """The error responses of an operation, for its schema."""
    return dict.fromkeys(statuses, ErrorSerializer)


def query(serializer_class: type[serializers.Serializer[Any]], request: Request) -> Any:
    """Validated query parameters (filters of a list)."""
    return valid(serializer_class, request.query_params.dict())


def context(person: Person, **extra: Any) -> dict[str, Any]:
    return {"person": person, **extra}


# --- Choice fields, each one named component of the schema ------------------------------


AssessmentStatusField = enum_field("AssessmentStatus", AssessmentStatus.choices)
AssessmentKindField = enum_field("AssessmentKind", AssessmentKind.choices)
ActionStatusField = enum_field("ActionStatus", ActionStatus.choices)
EvidenceCategoryField = enum_field("EvidenceCategory", EvidenceCategory.choices)
ProvenanceStatusField = enum_field(
    "ProvenanceStatus", [("sourced", "Sourced"), ("to-verify", "To verify")]
)
InputKindField = enum_field("InputKind", [("percent", "Percent"), ("count", "Count")])
SeverityField = enum_field(
    "FindingSeverity", [("error", "Blocks submission"), ("warning", "Shown to the reviewer")]
)
StepField = enum_field("WorkflowStep", [(name, name.replace("_", " ")) for name in STEPS])
