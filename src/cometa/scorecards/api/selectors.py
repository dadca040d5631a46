"""Reads for the scorecards API and command line, always scoped to the acting person.

Anything outside what the person may see answers 404 (Http404), as in
:mod:`cometa.scorecards.assessments.access`, which every assessment read goes through.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from cometa.accounts import access as accounts_access
from cometa.accounts.models import Organisation, Person
from cometa.core.errors import ValidationFailed
from cometa.scorecards.assessments import access
from cometa.scorecards.assessments.rating import compute
from cometa.scorecards.frameworks.engine import Answer, EngineError, Rating, rate
from cometa.scorecards.frameworks.model import Indicator
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import (
    ActionPoint,
    Assessment,
    Cycle,
    Evidence,
    FrameworkVersion,
    IndicatorAssessment,
    ReviewComment,
    TeamMember,
)

ANSWERS = ", ".join(answer.value for answer in Answer)


def _pk(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise Http404("Not found.") from None


# --- Organisations and cycles --------------------------------------------------------------


def organisations_for(person: Person) -> QuerySet[Organisation]:
    """Organisations the person sees (accounts rules) plus the country teams whose
    assessments they take part in (an entity's staff work on their team's scorecard)."""
    visible = accounts_access.organisations_for(person)
    if not person.is_authenticated:
        return visible
    return Organisation.objects.filter(pk__in=visible) | Organisation.objects.filter(
        pk__in=access.team_ids(person)
    )


def organisation_get(person: Person, pk: object) -> Organisation:
    found = organisations_for(person).filter(pk=_pk(pk)).first()
    if found is None:
        raise Http404("No such organisation.")
    return found


def may_import(person: Person, organisation: Organisation) -> bool:
    """Whether the person may make assessments of ``organisation`` (import included)."""
    return access.may_edit(person, Assessment(organisation=organisation))


def cycles_for(person: Person, *, organisation: int | None = None) -> QuerySet[Cycle]:
    rows = Cycle.objects.filter(organisation__in=organisations_for(person)).select_related(
        "organisation"
    )
    if organisation is not None:
        rows = rows.filter(organisation_id=organisation)
    return rows.order_by("organisation__name", "-start_year", "id")


def cycle_get(person: Person, pk: object) -> Cycle:
    found = cycles_for(person).filter(pk=_pk(pk)).first()
    if found is None:
        raise Http404("No such cycle.")
    return found


# --- Frameworks -----------------------------------------------------------------------------


def frameworks_for(person: Person, *, identifier: str = "") -> QuerySet[FrameworkVersion]:
    """Published framework versions (administrators also see drafts), newest first."""
    rows = FrameworkVersion.objects.all()
    if not person.is_platform_admin:
        rows = rows.filter(is_published=True)
    if identifier:
        rows = rows.filter(identifier=identifier)
    return rows.order_by("identifier", "-published_at", "-id")


def framework_get(person: Person, pk: object) -> FrameworkVersion:
    found = frameworks_for(person).filter(pk=_pk(pk)).first()
    if found is None:
        raise Http404("No such framework version.")
    return found


def preview_rating(
    version: FrameworkVersion,
    code: str,
    answers: Mapping[str, str],
    inputs: Mapping[str, float | None],
) -> Rating:
    """Rates one indicator with the pure engine, storing nothing. Every refusal names the
    criterion or the input it is about (as field ``answers.<criterion>`` or ``inputs.<key>``)."""
    framework = framework_of(version)
    try:
        indicator = framework.indicator(code)
    except KeyError:
        codes = ", ".join(item.code for item in framework.indicators)
        message = _("“%(code)s” is not an indicator of %(framework)s (use %(codes)s).")
        values = {"code": code, "framework": framework.identifier, "codes": codes}
        raise ValidationFailed({"indicator": [message % values]}) from None
    errors = _answer_problems(indicator, answers) | _input_problems(indicator, inputs)
    if errors:
        raise ValidationFailed(errors)
    try:
        return rate(indicator, {k: Answer(v) for k, v in answers.items()}, dict(inputs))
    except EngineError as error:  # anything the checks above did not foresee
        raise ValidationFailed({"answers": [str(error)]}) from None


def _answer_problems(indicator: Indicator, answers: Mapping[str, str]) -> dict[str, list[str]]:
    known = {criterion.id for criterion in indicator.criteria}
    errors: dict[str, list[str]] = {}
    for key, value in answers.items():
        if key not in known:
            message = _("PI %(code)s has no criterion “%(criterion)s” (criteria: %(listed)s).")
            listed = ", ".join(sorted(known)) or _("none")
            errors[f"answers.{key}"] = [
                message % {"code": indicator.code, "criterion": key, "listed": listed}
            ]
        elif value not in {answer.value for answer in Answer}:
            message = _("Criterion %(criterion)s: “%(answer)s” is not an answer (use %(answers)s).")
            errors[f"answers.{key}"] = [
                message % {"criterion": key, "answer": value, "answers": ANSWERS}
            ]
    return errors


def _input_problems(
    indicator: Indicator, inputs: Mapping[str, float | None]
) -> dict[str, list[str]]:
    known = {item.key: item for item in indicator.inputs}
    errors: dict[str, list[str]] = {}
    for key, value in inputs.items():
        spec = known.get(key)
        if spec is None:
            message = _("PI %(code)s has no input “%(input)s” (inputs: %(listed)s).")
            listed = ", ".join(known) or _("none")
            errors[f"inputs.{key}"] = [
                message % {"code": indicator.code, "input": key, "listed": listed}
            ]
        elif value is not None and not spec.min <= value <= spec.max:
            message = _("Input %(input)s: %(value)s is outside %(low)s–%(high)s.")
            errors[f"inputs.{key}"] = [
                message
                % {
                    "input": key,
                    "value": f"{value:g}",
                    "low": f"{spec.min:g}",
                    "high": f"{spec.max:g}",
                }
            ]
    return errors


# --- Assessments and what they hold ---------------------------------------------------------


def assessments_filtered(
    person: Person,
    *,
    organisation: int | None = None,
    year: int | None = None,
    status: str = "",
    framework: str = "",
    kind: str = "",
) -> QuerySet[Assessment]:
    rows = access.assessments_for(person)
    if organisation is not None:
        rows = rows.filter(organisation_id=organisation)
    if year is not None:
        rows = rows.filter(year=year)
    if status:
        rows = rows.filter(status=status)
    if framework:
        rows = rows.filter(framework__identifier=framework)
    if kind:
        rows = rows.filter(kind=kind)
    return rows.order_by("organisation__name", "-year", "id")


def assessment_detail(person: Person, pk: object) -> Assessment:
    return access.assessment_get(person, pk)


def indicator_get(person: Person, pk: object, code: str) -> IndicatorAssessment:
    assessment = access.assessment_get(person, pk)
    found = assessment.indicators.select_related("updated_by").filter(code=code).first()
    if found is None:
        raise Http404("No such indicator in this assessment.")
    found.assessment = assessment
    return found


def indicators_of(assessment: Assessment) -> QuerySet[IndicatorAssessment]:
    return assessment.indicators.select_related("updated_by").order_by("id")


def team_of(person: Person, pk: object) -> QuerySet[TeamMember]:
    return access.assessment_get(person, pk).team.order_by("position", "id")


def member_get(person: Person, pk: object, member_pk: object) -> TeamMember:
    return _child(access.assessment_get(person, pk), TeamMember, member_pk, "team member")


def actions_of(person: Person, pk: object, *, indicator: str = "") -> QuerySet[ActionPoint]:
    rows = access.assessment_get(person, pk).actions.all()
    return rows.filter(indicator_code=indicator) if indicator else rows


def action_get(person: Person, pk: object, action_pk: object) -> ActionPoint:
    return _child(access.assessment_get(person, pk), ActionPoint, action_pk, "action point")


def evidence_of(
    person: Person, pk: object, *, indicator: str = "", category: str = ""
) -> QuerySet[Evidence]:
    rows = access.assessment_get(person, pk).evidence.all()
    if indicator:
        rows = rows.filter(indicator_code=indicator)
    if category:
        rows = rows.filter(category=category)
    return rows


def evidence_get(person: Person, pk: object, evidence_pk: object) -> Evidence:
    return _child(access.assessment_get(person, pk), Evidence, evidence_pk, "evidence")


def comments_of(person: Person, pk: object) -> QuerySet[ReviewComment]:
    return access.assessment_get(person, pk).comments.select_related("author")


def _child(assessment: Assessment, model: Any, pk: object, label: str) -> Any:
    found = model.objects.filter(assessment=assessment, pk=_pk(pk)).first()
    if found is None:
        raise Http404(f"No such {label} in this assessment.")
    found.assessment = assessment
    return found


# --- Ratings, recomputed --------------------------------------------------------------------


@dataclass(frozen=True)
class RatingRow:
    code: str
    reassessed: bool
    stored: str  # the computed level kept with the indicator
    computed: str  # the level the engine gives now ("" when there is nothing to rate)
    agreed: str
    year: int | None
    reason: str

    @property
    def changed(self) -> bool:
        return bool(self.computed) and self.computed != self.stored


def recomputed_ratings(assessment: Assessment) -> list[RatingRow]:
    """Each indicator's rating computed again from its stored answers and inputs, next to
    the stored and the agreed ones. Writes nothing. Rows without answers or inputs (carried
    ratings, imported reports) have no computed rating."""
    framework = framework_of(assessment.framework)
    rows = []
    for row in assessment.indicators.order_by("id"):
        computed = ""
        if row.reassessed and (row.answers or row.inputs or row.computed_level):
            computed = compute(framework.indicator(row.code), row.answers, row.inputs).level
        rows.append(
            RatingRow(
                code=row.code,
                reassessed=row.reassessed,
                stored=row.computed_level,
                computed=computed,
                agreed=row.agreed_level,
                year=row.rating_year,
                reason=row.difference_reason,
            )
        )
    return rows
