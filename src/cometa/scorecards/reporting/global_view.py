"""The global view of the scorecards, for UN Women's reviewers and platform administrators.

Across country teams and years, from each team's assessment of each year. Only approved
or published assessments count; each indicator's rating is the agreed one, else the
computed one (a non-reassessed indicator holds the rating it carried).

A handful of queries whatever the number of teams: the framework versions, one
``values_list`` over the indicator rows (joined to their assessment), the teams' names,
and the filter choices. :mod:`cometa.scorecards.reporting.aggregate` does the arithmetic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from django.db.models import Case, CharField, F, IntegerField, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.http import Http404
from django.utils.translation import gettext as _

from cometa.accounts import access as accounts_access
from cometa.accounts.models import Organisation, Person
from cometa.reports import charts
from cometa.reports.svg import prefix_ids
from cometa.scorecards.frameworks.model import Framework
from cometa.scorecards.frameworks.shown import plain
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import (
    Assessment,
    AssessmentStatus,
    FrameworkVersion,
    IndicatorAssessment,
)
from cometa.scorecards.reporting.aggregate import RowTuple, Scale, Summary, sorted_codes, summarise

COUNTED_STATUSES = (AssessmentStatus.APPROVED, AssessmentStatus.PUBLISHED)
DEFAULT_FRAMEWORK = "unct-swap"


# --- who -------------------------------------------------------------------------------


def may_see_global(person: Person) -> bool:
    if not person.is_authenticated or not person.is_active:
        return False
    return person.is_platform_admin or accounts_access.is_reviewer(person)


def require_global(person: Person) -> None:
    """Reviewers and platform administrators only; anyone else is told there is no page."""
    if not may_see_global(person):
        raise Http404("No such page.")


# --- what ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    framework: str = DEFAULT_FRAMEWORK
    region: str = ""
    year_from: int | None = None
    year_to: int | None = None


@dataclass(frozen=True)
class Team:
    id: int
    name: str
    country: str
    region: str


@dataclass(frozen=True)
class Definitions:
    """What a framework calls its levels, dimensions and indicators (in one language)."""

    identifier: str
    title: str
    scale: Scale
    codes: tuple[str, ...]
    dimensions: tuple[str, ...]
    dimension_of: dict[str, str]
    level_labels: dict[str, str]
    indicator_titles: dict[str, str]
    dimension_titles: dict[str, str]

    def level_label(self, level: str) -> str:
        return self.level_labels.get(level, level)

    def indicator_label(self, code: str) -> str:
        title = self.indicator_titles.get(code, "")
        return f"{code} {title}".strip()

    def dimension_label(self, code: str) -> str:
        title = self.dimension_titles.get(code, "")
        return f"{code} {title}".strip()

    @property
    def meeting_label(self) -> str:
        return " + ".join(self.level_label(level) for level in self.scale.meeting)


@dataclass
class GlobalView:
    filters: Filters
    definitions: Definitions | None  # None: no such framework
    summary: Summary | None
    teams: dict[int, Team]

    def team(self, team_id: int) -> Team:
        return self.teams.get(team_id) or Team(team_id, f"#{team_id}", "", "")


def definitions_of(versions: Sequence[FrameworkVersion], language: str) -> Definitions:
    """Merged definitions of a framework's versions; the newest version's wording wins."""
    frameworks: list[Framework] = [framework_of(version) for version in versions]
    newest_first = list(reversed(frameworks))
    levels: list[str] = []
    level_labels: dict[str, str] = {}
    dimension_titles: dict[str, str] = {}
    dimension_of: dict[str, str] = {}
    indicator_titles: dict[str, str] = {}
    for framework in newest_first:
        for level in framework.levels:
            if level.key not in levels:
                levels.append(level.key)
                level_labels[level.key] = plain(level.label, language)
        for dimension in framework.dimensions:
            dimension_titles.setdefault(dimension.code, plain(dimension.title, language))
        for indicator in framework.indicators:
            dimension_of.setdefault(indicator.code, indicator.dimension)
            indicator_titles.setdefault(indicator.code, plain(indicator.title, language))
    newest = newest_first[0]
    return Definitions(
        identifier=newest.identifier,
        title=plain(newest.title, language),
        scale=Scale.of(newest.level_keys if set(levels) == set(newest.level_keys) else levels),
        codes=tuple(sorted_codes(indicator_titles)),
        dimensions=tuple(sorted_codes(dimension_titles)),
        dimension_of=dimension_of,
        level_labels=level_labels,
        indicator_titles=indicator_titles,
        dimension_titles=dimension_titles,
    )


def framework_versions(identifier: str) -> list[FrameworkVersion]:
    """The published versions of a framework (assessments are only made with those),
    oldest first: the newest ranks highest."""
    return list(
        FrameworkVersion.objects.filter(identifier=identifier, is_published=True).order_by(
            F("published_at").asc(nulls_first=True), "id"
        )
    )


def indicator_rows(version_ranks: dict[int, int], filters: Filters) -> list[RowTuple]:
    """Every counted indicator rating up to the last chosen year, in one query, as
    (team, year, code, level, rank) tuples. Years before the first chosen one are kept:
    they are the previous year of a regression.

    The database works out the rating that counts (the agreed one, else the computed
    one) and the rank of the framework version, so the rows come back as they are used:
    nothing is built per row in Python.
    """
    rows = IndicatorAssessment.objects.filter(
        assessment__framework_id__in=list(version_ranks),
        assessment__status__in=COUNTED_STATUSES,
    )
    if filters.region:
        rows = rows.filter(assessment__organisation__region=filters.region)
    if filters.year_to is not None:
        rows = rows.filter(assessment__year__lte=filters.year_to)
    ranks = sorted(version_ranks.items())
    rank: Case | Value = (
        Value(0)
        if len(set(version_ranks.values())) <= 1
        else Case(
            *(When(assessment__framework_id=pk, then=Value(value)) for pk, value in ranks),
            default=Value(0),
            output_field=IntegerField(),
        )
    )
    values = (
        rows.order_by()
        .annotate(
            effective=Coalesce(
                NullIf(F("agreed_level"), Value("")), F("computed_level"), output_field=CharField()
            ),
            version_rank=rank,
        )
        .values_list(
            "assessment__organisation_id", "assessment__year", "code", "effective", "version_rank"
        )
    )
    return cast(list[RowTuple], list(values))


def global_view(person: Person, filters: Filters, language: str) -> GlobalView:
    require_global(person)
    versions = framework_versions(filters.framework)
    if not versions:
        return GlobalView(filters, None, None, {})
    definitions = definitions_of(versions, language)
    ranks = {version.pk: rank for rank, version in enumerate(versions)}
    summary = summarise(
        indicator_rows(ranks, filters),
        definitions.scale,
        codes=definitions.codes,
        dimension_of=definitions.dimension_of,
        dimensions=definitions.dimensions,
        since=filters.year_from,
        until=filters.year_to,
    )
    wanted = set(summary.teams) | {item.team for item in summary.regressions}
    teams = {
        pk: Team(pk, name, country, region)
        for pk, name, country, region in Organisation.objects.filter(id__in=wanted)
        .order_by()
        .values_list("id", "name", "country", "region")
    }
    return GlobalView(filters, definitions, summary, teams)


# --- the filters' choices ----------------------------------------------------------------


def framework_choices() -> list[tuple[str, str]]:
    """(identifier, title) of every framework with a published version."""
    found: dict[str, str] = {}
    for identifier, title in (
        FrameworkVersion.objects.filter(is_published=True)
        .order_by("identifier", "-published_at")
        .values_list("identifier", "title")
    ):
        found.setdefault(identifier, title)
    if DEFAULT_FRAMEWORK not in found:
        found[DEFAULT_FRAMEWORK] = DEFAULT_FRAMEWORK
    return sorted(found.items())


def region_choices(framework: str) -> list[str]:
    """The regions of the teams with a counted assessment of the framework."""
    regions = (
        Assessment.objects.filter(framework__identifier=framework, status__in=COUNTED_STATUSES)
        .exclude(organisation__region="")
        .order_by()
        .values_list("organisation__region", flat=True)
        .distinct()
    )
    return sorted(set(regions))


# --- charts ------------------------------------------------------------------------------


def chart_svgs(view: GlobalView) -> dict[str, str]:
    """The page's charts as inline SVG, safe under the page's CSP (:mod:`cometa.reports.svg`):
    ``trend``, ``dimensions`` and ``indicators``; none when nothing is counted."""
    definitions, summary = view.definitions, view.summary
    if definitions is None or summary is None or summary.is_empty:
        return {}
    levels = list(definitions.scale.levels)
    labels = {level: definitions.level_label(level) for level in levels}
    meeting = definitions.meeting_label
    dimensions = [definitions.dimension_label(d.key) for d in summary.by_dimension]
    indicators = [definitions.indicator_label(d.key) for d in summary.by_indicator]
    payloads: dict[str, dict[str, Any]] = {
        "trend": {
            "years": summary.years,
            "series": {meeting: [_rounded(item.share) for item in summary.by_year]},
            "title": _("Share of rated indicators at or above the minimum, by year"),
            "y_label": _("Percent of the rated indicators"),
        },
        "dimensions": {
            "rows": dimensions,
            "counts": {
                label: d.counts for label, d in zip(dimensions, summary.by_dimension, strict=True)
            },
            "levels": levels,
            "labels": labels,
            "title": _("Ratings by dimension"),
            "x_label": _("Indicator ratings (teams × years × indicators)"),
        },
        "indicators": {
            "rows": indicators,
            "counts": {
                label: d.counts for label, d in zip(indicators, summary.by_indicator, strict=True)
            },
            "levels": levels,
            "labels": labels,
            "title": _("Ratings by indicator"),
            "x_label": _("Share of rated indicators"),
        },
    }
    return {name: _chart(name, payload) for name, payload in payloads.items()}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _chart(kind: str, payload: dict[str, Any]) -> str:
    """One chart as inline SVG, its ids prefixed with ``kind`` (three share the page).
    Drawing is memoised by :mod:`cometa.reports.chart_memo`: each is drawn once per
    process for the same data."""
    if kind == "trend":
        chart = charts.trend_chart(
            payload["years"],
            payload["series"],
            title=payload["title"],
            y_label=payload["y_label"],
        )
    else:
        draw = (
            charts.distribution_chart if kind == "indicators" else charts.ratings_by_dimension_chart
        )
        chart = draw(
            payload["rows"],
            payload["levels"],
            payload["counts"],
            title=payload["title"],
            level_labels=payload["labels"],
            x_label=payload["x_label"],
        )
    return prefix_ids(chart.svg, f"{kind}-")
