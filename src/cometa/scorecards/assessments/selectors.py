"""Reads of assessments, for pages, the API and the command line alike.

Every function takes the acting person and goes through
:mod:`cometa.scorecards.assessments.access`; a row the person may not see answers 404.
Nothing here writes. What an assessment holds besides its ratings (team, action points,
evidence, comments) is read through :mod:`cometa.scorecards.records.selectors`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from cometa.accounts import access as accounts_access
from cometa.accounts.models import Organisation, Person
from cometa.accounts.models.organisations import OrganisationKind
from cometa.scorecards.assessments import access
from cometa.scorecards.frameworks.rating import compute
from cometa.scorecards.frameworks.selectors import as_pk
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import Assessment, Cycle, IndicatorAssessment

# --- organisations, teams and cycles --------------------------------------------------------


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
    found = organisations_for(person).filter(pk=as_pk(pk)).first()
    if found is None:
        raise Http404("No such organisation.")
    return found


def may_import(person: Person, organisation: Organisation) -> bool:
    """Whether the person may make assessments of ``organisation`` (import included)."""
    return access.may_edit(person, Assessment(organisation=organisation))


def visible_teams(person: Person) -> QuerySet[Organisation]:
    """Country teams the person may name in a form (whether they may act is the service's
    decision, so that a refusal answers 403 rather than an invalid choice)."""
    visible = accounts_access.organisations_for(person)
    return Organisation.objects.filter(
        Q(pk__in=visible) | Q(pk__in=access.team_ids(person)),
        kind=OrganisationKind.COUNTRY_TEAM,
    )


def editable_teams(person: Person) -> QuerySet[Organisation]:
    """Country teams whose assessments the person may start and change."""
    if not person.is_authenticated or not person.is_active:
        return Organisation.objects.none()
    teams = Organisation.objects.filter(kind=OrganisationKind.COUNTRY_TEAM, is_active=True)
    if person.is_platform_admin:
        return teams
    candidates = teams.filter(
        Q(memberships__person=person, memberships__role__in=access.EDITING)
        | Q(children__memberships__person=person, children__memberships__role__in=access.EDITING)
    ).distinct()
    ids = [team.pk for team in candidates if access.may_edit(person, Assessment(organisation=team))]
    return teams.filter(pk__in=ids)


def cycles_for(person: Person, *, organisation: int | None = None) -> QuerySet[Cycle]:
    rows = Cycle.objects.filter(organisation__in=organisations_for(person)).select_related(
        "organisation"
    )
    if organisation is not None:
        rows = rows.filter(organisation_id=organisation)
    return rows.order_by("organisation__name", "-start_year", "id")


def cycle_get(person: Person, pk: object) -> Cycle:
    found = cycles_for(person).filter(pk=as_pk(pk)).first()
    if found is None:
        raise Http404("No such cycle.")
    return found


def cycles_of(teams: QuerySet[Organisation]) -> QuerySet[Cycle]:
    return Cycle.objects.filter(organisation__in=teams).select_related("organisation")


# --- assessments ------------------------------------------------------------------------------


def assessment_list(
    person: Person,
    *,
    query: str = "",
    organisation: int | None = None,
    year: int | None = None,
    status: str = "",
    framework: str = "",
    kind: str = "",
) -> QuerySet[Assessment]:
    """The assessments the person may see, searched by team name or country code
    (``query``) and filtered by the other arguments that are given."""
    rows = access.assessments_for(person)
    if query:
        rows = rows.filter(
            Q(organisation__name__icontains=query)
            | Q(organisation__short_name__icontains=query)
            | Q(organisation__country__iexact=query)
        )
    filters = {
        "organisation_id": organisation,
        "year": year,
        "status": status or None,
        "framework__identifier": framework or None,
        "kind": kind or None,
    }
    rows = rows.filter(**{key: value for key, value in filters.items() if value is not None})
    return rows.order_by("organisation__name", "-year", "id")


def assessment_years(person: Person) -> list[int]:
    rows = access.assessments_for(person).order_by("-year").values_list("year", flat=True)
    return list(dict.fromkeys(rows))


def assessment_get(person: Person, pk: object) -> Assessment:
    return access.assessment_get(person, pk)


def indicator_get(person: Person, assessment_pk: object, code: str) -> IndicatorAssessment:
    assessment = access.assessment_get(person, assessment_pk)
    found = assessment.indicators.select_related("updated_by").filter(code=code).first()
    if found is None:
        raise Http404("No such indicator in this assessment.")
    found.assessment = assessment
    return found


def indicators_of(assessment: Assessment) -> QuerySet[IndicatorAssessment]:
    return assessment.indicators.select_related("updated_by").order_by("id")


# --- ratings, recomputed ----------------------------------------------------------------------


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
