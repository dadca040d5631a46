"""Partial updates: what the caller sent, merged over what is stored, then the service.

The API's PATCH endpoints send only the fields that change; the services take the whole
content of an indicator or action point. Nothing here checks permission or validates:
the services called do.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from cometa.accounts.acting import Actor
from cometa.scorecards.assessments import services
from cometa.scorecards.models import ActionPoint, IndicatorAssessment
from cometa.scorecards.records import services as record_services

INDICATOR_EDITABLE = (
    "reassessed",
    "answers",
    "findings",
    "inputs",
    "agreed_level",
    "difference_reason",
    "justification",
)
MERGED = ("answers", "findings", "inputs")  # keyed by criterion or input: merged, not replaced
ACTION_EDITABLE = ("indicator_code", "text", "responsible", "due_date", "status", "progress")


def indicator_patch(
    *,
    actor: Actor,
    indicator: IndicatorAssessment,
    expected_version: int,
    changes: Mapping[str, Any],
    replace: Collection[str] = (),
) -> IndicatorAssessment:
    """Saves the fields in ``changes`` and keeps the others.

    Answers, findings and inputs are keyed by criterion (or input): the keys sent are
    merged over the stored ones, so a PATCH naming one finding keeps the others; a key sent
    blank (or null, for an input) removes it. A field named in ``replace`` is replaced as a
    whole instead.

    When the agreed rating is not sent: if it equalled the computed rating, it follows the
    new computation; a carried rating gives way when the indicator is now reassessed; an
    agreed rating that differs from the computed one (a team's decision, or an imported
    rating) is kept, so the service asks for the reason if the computation now differs.
    """
    merged = {field: getattr(indicator, field) for field in INDICATOR_EDITABLE}
    if indicator.reassessed:
        keep = indicator.agreed_level != indicator.computed_level
    else:
        keep = not changes.get("reassessed", False)
    merged["agreed_level"] = indicator.agreed_level if keep else ""
    for key, value in changes.items():
        if key not in INDICATOR_EDITABLE:
            continue
        keyed = key in MERGED and key not in replace
        merged[key] = {**merged[key], **value} if keyed else value
    return services.indicator_update(
        actor=actor,
        indicator=indicator,
        expected_version=expected_version,
        values=services.IndicatorValues(**merged),
    )


def action_patch(
    *, actor: Actor, action: ActionPoint, expected_version: int, changes: Mapping[str, Any]
) -> ActionPoint:
    merged = {field: getattr(action, field) for field in ACTION_EDITABLE}
    merged |= {key: value for key, value in changes.items() if key in ACTION_EDITABLE}
    return record_services.action_save(
        actor=actor,
        assessment=action.assessment,
        action=action,
        expected_version=expected_version,
        content=record_services.ActionContent(**merged),
    )
