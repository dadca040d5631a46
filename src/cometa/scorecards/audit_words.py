"""The audit trail in words for scorecards: what each action code means, and the page of
each row an entry names (for a reader who may open it). Registered in ``shell.py``."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cometa.accounts.audit_words import row_id
from cometa.accounts.models import Person
from cometa.core.registry import ObjectLink, Text
from cometa.scorecards.assessments import access
from cometa.scorecards.models import (
    ActionPoint,
    Evidence,
    FrameworkVersion,
    IndicatorAssessment,
    TeamMember,
)

ACTIONS: dict[str, Text] = {
    "assessment.create": _("Assessment started"),
    "assessment.import": _("Assessment imported from a report"),
    "assessment.update": _("Assessment texts changed"),
    "assessment.indicator.update": _("Indicator answered"),
    "assessment.suggestion.accept": _("Suggested rating accepted"),
    "assessment.suggestion.override": _("Suggested rating overridden"),
    "assessment.comment": _("Comment added"),
    "assessment.team.add": _("Team member added"),
    "assessment.team.remove": _("Team member removed"),
    "assessment.action.save": _("Action point saved"),
    "assessment.action.delete": _("Action point removed"),
    "assessment.evidence.add": _("Evidence added"),
    "assessment.evidence.delete": _("Evidence removed"),
    "assessment.evidence.good_practice": _("Evidence marked as good practice"),
    "assessment.team_member.restore": _("Team member put back"),
    "assessment.action.restore": _("Action point put back"),
    "assessment.evidence.restore": _("Evidence put back"),
    "assessment.submit": _("Assessment submitted for review"),
    "assessment.start_review": _("Review started"),
    "assessment.return": _("Assessment returned to the team"),
    "assessment.approve": _("Assessment approved"),
    "assessment.unapprove": _("Approval withdrawn"),
    "assessment.publish": _("Assessment published"),
    "cycle.create": _("Cooperation Framework cycle added"),
    "framework.load": _("Framework version loaded"),
    "framework.draft": _("Framework draft version made"),
    "framework.wording": _("Framework wording edited (new version)"),
    "framework.publish": _("Framework version published"),
    "framework.translations": _("Framework translations updated"),
}


def _assessment_page(person: Person, pk: Any) -> str | None:
    try:
        assessment = access.assessment_get(person, pk)
    except Http404:
        return None
    return reverse("scorecards:assessment", args=[assessment.pk])


def _via_assessment(model: Any) -> ObjectLink:
    """The assessment page of a row that belongs to an assessment."""

    def link(person: Person, object_id: str) -> str | None:
        pk = row_id(object_id)
        if pk is None:
            return None
        found = model.objects.filter(pk=pk).values_list("assessment_id", flat=True)
        return _assessment_page(person, found[0]) if found else None

    return link


def _indicator(person: Person, object_id: str) -> str | None:
    pk = row_id(object_id)
    row = IndicatorAssessment.objects.filter(pk=pk).first() if pk is not None else None
    if row is None or _assessment_page(person, row.assessment_id) is None:
        return None
    return reverse("scorecards:indicator", args=[row.assessment_id, row.code])


def _framework(person: Person, object_id: str) -> str | None:
    pk = row_id(object_id)
    if pk is None or not FrameworkVersion.objects.filter(pk=pk).exists():
        return None
    return reverse("scorecards:framework", args=[pk])


def _assessment(person: Person, object_id: str) -> str | None:
    pk = row_id(object_id)
    return _assessment_page(person, pk) if pk is not None else None


OBJECT_LINKS: dict[str, ObjectLink] = {
    "scorecards.assessment": _assessment,
    "scorecards.indicatorassessment": _indicator,
    "scorecards.frameworkversion": _framework,
    "scorecards.actionpoint": _via_assessment(ActionPoint),
    "scorecards.evidence": _via_assessment(Evidence),
    "scorecards.teammember": _via_assessment(TeamMember),
}
