"""Business operations on assessments and their content.

Pages, the API and the command line call these. Each checks permission and the
assessment's state, validates, writes in one transaction and appends the audit entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.access import may_administer
from cometa.accounts.acting import Actor, is_system, person_or_none
from cometa.accounts.models import Organisation
from cometa.accounts.models.organisations import OrganisationKind
from cometa.core.errors import Conflict, NotPermitted, ValidationFailed
from cometa.scorecards.assessments import access, guards
from cometa.scorecards.frameworks.engine import Rating
from cometa.scorecards.frameworks.rating import compute, trace_data
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import (
    Assessment,
    AssessmentKind,
    Cycle,
    FrameworkVersion,
    IndicatorAssessment,
)

INDICATOR_FIELDS = (
    "reassessed",
    "answers",
    "findings",
    "inputs",
    "computed_level",
    "agreed_level",
    "difference_reason",
    "justification",
    "rating_year",
)


def cycle_create(
    *, actor: Actor, organisation: Organisation, name: str, start_year: int, end_year: int
) -> Cycle:
    if not is_system(actor) and not (
        actor.is_platform_admin or may_administer(actor, organisation)
    ):
        raise NotPermitted(_("Only a coordinator of the country team may add cycles."))
    if end_year < start_year:
        raise ValidationFailed({"end_year": [_("The last year comes before the first year.")]})
    try:
        with transaction.atomic():
            cycle = Cycle.objects.create(
                organisation=organisation,
                name=name.strip(),
                start_year=start_year,
                end_year=end_year,
            )
            audit.record(
                actor=actor,
                action="cycle.create",
                target=cycle,
                changes={"name": [None, cycle.name], "years": [None, f"{start_year}-{end_year}"]},
                organisation_id=organisation.pk,
            )
    except IntegrityError:
        raise ValidationFailed(
            {"name": [_("The team already has a cycle named “%(name)s”.") % {"name": name.strip()}]}
        ) from None
    return cycle


def latest_ratings(
    organisation: Organisation, framework_identifier: str, before_year: int
) -> dict[str, tuple[str, int]]:
    """The latest rating of each indicator in earlier assessments: {code: (level, year)}."""
    rows = (
        IndicatorAssessment.objects.filter(
            assessment__organisation=organisation,
            assessment__framework__identifier=framework_identifier,
            assessment__year__lt=before_year,
        )
        .exclude(agreed_level="", computed_level="")
        .order_by("assessment__year")
        .values_list("code", "agreed_level", "computed_level", "rating_year", "assessment__year")
    )
    latest: dict[str, tuple[str, int]] = {}
    for code, agreed, computed, rating_year, year in rows:
        latest[code] = (agreed or computed, rating_year or year)
    return latest


@dataclass(frozen=True)
class NewAssessment:
    """What an assessment is started with: whose, on which framework version, for which
    year, of which kind (``AssessmentKind``), in which cycle of the team if any."""

    organisation: Organisation
    framework: FrameworkVersion
    year: int
    kind: str
    cycle: Cycle | None = None


def assessment_create(*, actor: Actor, new: NewAssessment) -> Assessment:
    """Starts an assessment with a row per indicator. An annual assessment carries each
    indicator's latest earlier rating until the team reassesses it."""
    organisation, framework, year, kind = new.organisation, new.framework, new.year, new.kind
    _check_new_assessment(new)
    probe = Assessment(organisation=organisation, framework=framework, year=year)
    if not is_system(actor) and not access.may_edit(actor, probe):
        raise NotPermitted(
            _("Only editors and coordinators of this country team may start assessments.")
        )
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(
                organisation=organisation,
                framework=framework,
                year=year,
                kind=kind,
                cycle=new.cycle,
            )
            _create_indicator_rows(assessment)
            audit.record(
                actor=actor,
                action="assessment.create",
                target=assessment,
                changes={
                    "year": [None, year],
                    "kind": [None, kind],
                    "framework": [None, str(framework)],
                },
                organisation_id=organisation.pk,
            )
    except IntegrityError:
        message = _("%(team)s already has an assessment for %(year)s.")
        raise ValidationFailed({"year": [message % {"team": organisation, "year": year}]}) from None
    return assessment


def _check_new_assessment(new: NewAssessment) -> None:
    """Refuses an assessment whose team, kind, framework version or cycle do not fit."""
    organisation, framework, cycle = new.organisation, new.framework, new.cycle
    if organisation.kind != OrganisationKind.COUNTRY_TEAM and framework.identifier == "unct-swap":
        raise ValidationFailed(
            {"organisation": [_("UNCT-SWAP assessments belong to a UN country team.")]}
        )
    if new.kind not in AssessmentKind.values:
        raise ValidationFailed({"kind": [_("Unknown kind “%(kind)s”.") % {"kind": new.kind}]})
    if not framework.is_published:
        raise ValidationFailed({"framework": [_("Choose a published framework version.")]})
    if cycle is not None and (
        cycle.organisation_id != organisation.pk
        or not cycle.start_year <= new.year <= cycle.end_year
    ):
        raise ValidationFailed(
            {"cycle": [_("The cycle must belong to the team and include the year.")]}
        )


def _create_indicator_rows(assessment: Assessment) -> None:
    """A row per indicator of the framework; an annual assessment's rows carry the latest
    earlier rating, a comprehensive one's are all reassessed."""
    annual = assessment.kind == AssessmentKind.ANNUAL
    carried = (
        latest_ratings(assessment.organisation, assessment.framework.identifier, assessment.year)
        if annual
        else {}
    )
    IndicatorAssessment.objects.bulk_create(
        IndicatorAssessment(
            assessment=assessment,
            code=indicator.code,
            reassessed=assessment.kind == AssessmentKind.COMPREHENSIVE,
            agreed_level=carried.get(indicator.code, ("", 0))[0],
            rating_year=carried.get(indicator.code, ("", None))[1],
        )
        for indicator in framework_of(assessment.framework).indicators
    )


@dataclass(frozen=True)
class IndicatorValues:
    """What a team writes on one indicator: whether it reassesses it, the answer and the
    findings per criterion, the numeric inputs, and the rating it agreed on with its
    reasons ("" for the computed one)."""

    reassessed: bool
    answers: Mapping[str, str] = field(default_factory=dict)
    findings: Mapping[str, str] = field(default_factory=dict)
    inputs: Mapping[str, Any] = field(default_factory=dict)
    agreed_level: str = ""
    difference_reason: str = ""
    justification: str = ""


def indicator_update(
    *,
    actor: Actor,
    indicator: IndicatorAssessment,
    expected_version: int,
    values: IndicatorValues,
) -> IndicatorAssessment:
    """Saves one indicator and recomputes its rating. Refuses a save based on an older
    version than the stored one, so that no one's change is silently lost."""
    assessment = indicator.assessment
    guards.require_edit(actor, assessment)
    rating = _checked_rating(indicator, values)
    with transaction.atomic():
        guards.require_edit(actor, assessment)
        current = _locked_row(indicator, expected_version)
        before = audit.snapshot(current, INDICATOR_FIELDS)
        current.reassessed = values.reassessed
        current.answers = {k: v for k, v in values.answers.items() if v}
        current.findings = {k: v.strip() for k, v in values.findings.items() if v.strip()}
        current.inputs = {
            k: (None if v in (None, "") else float(v)) for k, v in values.inputs.items()
        }
        _set_rating(current, rating, values.agreed_level, assessment.year)
        current.difference_reason = values.difference_reason.strip()
        current.justification = values.justification.strip()
        current.version += 1
        current.updated_by = person_or_none(actor)
        current.save()
        audit.record(
            actor=actor,
            action="assessment.indicator.update",
            target=current,
            changes=audit.changes_between(before, audit.snapshot(current, INDICATOR_FIELDS)),
            organisation_id=assessment.organisation_id,
        )
    return current


def _checked_rating(indicator: IndicatorAssessment, values: IndicatorValues) -> Rating | None:
    """The rating the answers give (None when the indicator is not reassessed), after
    refusing findings for unknown criteria, an unknown agreed level, or an agreed level
    that differs from the computed one without a reason."""
    framework = framework_of(indicator.assessment.framework)
    definition = framework.indicator(indicator.code)
    agreed_level = values.agreed_level
    unknown = set(values.findings) - {c.id for c in definition.criteria}
    if unknown:
        message = _("PI %(code)s has no criterion “%(criterion)s”.")
        raise ValidationFailed(
            {"findings": [message % {"code": indicator.code, "criterion": sorted(unknown)[0]}]}
        )
    rating = compute(definition, values.answers, values.inputs) if values.reassessed else None
    levels = framework.level_keys
    if agreed_level and agreed_level not in levels:
        message = _("“%(level)s” is not a level (%(levels)s).")
        raise ValidationFailed(
            {"agreed_level": [message % {"level": agreed_level, "levels": ", ".join(levels)}]}
        )
    if (
        rating is not None
        and agreed_level
        and agreed_level != rating.level
        and not values.difference_reason.strip()
    ):
        raise ValidationFailed(
            {"difference_reason": [_("Say why the agreed rating differs from the computed one.")]}
        )
    return rating


def _locked_row(indicator: IndicatorAssessment, expected_version: int) -> IndicatorAssessment:
    """The stored row, locked for the update; refused when someone saved it since
    ``expected_version``."""
    current = IndicatorAssessment.objects.select_for_update().get(pk=indicator.pk)
    if current.version != expected_version:
        raise Conflict("edit_conflict", _conflict_message(current))
    return current


def _set_rating(
    current: IndicatorAssessment, rating: Rating | None, agreed_level: str, year: int
) -> None:
    """A reassessed row takes the computed rating and this year; a row not reassessed keeps
    its carried rating unless the team agreed on another."""
    if rating is not None:
        current.computed_level, current.trace = rating.level, trace_data(rating)
        current.agreed_level = agreed_level or rating.level
        current.rating_year = year
    else:
        current.agreed_level = agreed_level or current.agreed_level


def _conflict_message(current: IndicatorAssessment) -> str:
    """What a save based on an older version is told: who changed the row, when known."""
    if current.updated_by is not None:
        return _(
            "PI %(code)s was changed by %(person)s after you opened it. Reload to see "
            "their version; your changes were not saved."
        ) % {"code": current.code, "person": current.updated_by}
    return _(
        "PI %(code)s was changed by someone else after you opened it. Reload to "
        "see the new version; your changes were not saved."
    ) % {"code": current.code}


def assessment_update_text(
    *,
    actor: Actor,
    assessment: Assessment,
    process_text: str,
    context_text: str,
    expected_version: int,
) -> Assessment:
    """Saves the process and country-context texts. ``expected_version`` is the
    ``text_version`` the change was based on: a save based on an older one is refused
    (``Conflict`` ``edit_conflict``), so no one's text is silently overwritten."""
    guards.require_edit(actor, assessment)
    texts = ("process_text", "context_text")
    with transaction.atomic():
        current = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if current.text_version != expected_version:
            raise Conflict(
                "edit_conflict",
                _(
                    "The process and context were changed by someone else after you opened "
                    "them. Reload to see the new version; your changes were not saved."
                ),
            )
        before = audit.snapshot(current, texts)
        current.process_text, current.context_text = process_text.strip(), context_text.strip()
        current.text_version += 1
        current.save(update_fields=[*texts, "text_version", "updated_at"])
        audit.record(
            actor=actor,
            action="assessment.update",
            target=current,
            changes=audit.changes_between(before, audit.snapshot(current, texts)),
            organisation_id=assessment.organisation_id,
        )
    assessment.process_text, assessment.context_text = current.process_text, current.context_text
    assessment.text_version = current.text_version
    return assessment
