"""The global view as workbook sheets, for the export of the global page."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cometa.reports.renderers.tabular import Cell, Sheet
from cometa.scorecards.reporting.aggregate import Distribution, Summary
from cometa.scorecards.reporting.global_view import Definitions, GlobalView

# --- the export --------------------------------------------------------------------------


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def export_sheets(view: GlobalView) -> list[Sheet]:
    """The page's tables as spreadsheet sheets (shares in percent, one decimal)."""
    definitions, summary = view.definitions, view.summary
    about = _about_rows(view)
    if definitions is None or summary is None:
        return [(_("About"), [_("Item"), _("Value")], about)]
    about += [
        [_("Teams"), len(summary.teams)],
        [_("Assessments"), summary.team_years],
        [_("Minimum requirements"), definitions.meeting_label],
    ]
    return [
        (_("About"), [_("Item"), _("Value")], about),
        _by_year_sheet(summary),
        *_distribution_sheets(definitions, summary),
        _trend_sheet(definitions, summary),
        _regressions_sheet(view, definitions, summary),
    ]


def _about_rows(view: GlobalView) -> list[list[Cell]]:
    """What the workbook counts: the filters and the rules of the count."""
    definitions, filters = view.definitions, view.filters
    return [
        [_("Framework"), definitions.title if definitions else filters.framework],
        [_("Region"), filters.region or _("All regions")],
        [_("From year"), filters.year_from],
        [_("To year"), filters.year_to],
        [_("Counted"), _("Only approved or published assessments count.")],
        [
            _("Rating"),
            _(
                "The agreed rating, else the computed one; an indicator not reassessed "
                "keeps its latest earlier rating."
            ),
        ],
    ]


def _by_year_sheet(summary: Summary) -> Sheet:
    rows: list[list[Cell]] = [
        [item.year, item.teams, item.rated, item.unrated, item.meeting, _share(item.share)]
        for item in summary.by_year
    ]
    headers = [
        _("Year"),
        _("Teams"),
        _("Rated indicators"),
        _("Not rated"),
        _("At or above the minimum"),
        _("At or above the minimum %"),
    ]
    return (_("By year"), headers, rows)


def _level_cells(item: Distribution) -> list[Cell]:
    """A count and its share for each level."""
    cells: list[Cell] = []
    for _level, count, share in item.cells():
        cells += [count, _share(share)]
    return cells


def _distribution_sheets(definitions: Definitions, summary: Summary) -> list[Sheet]:
    """The ratings by dimension and by indicator: a count and a share per level."""
    level_headers: list[str] = []
    for level in definitions.scale.levels:
        level_headers += [definitions.level_label(level), f"{definitions.level_label(level)} %"]
    tail = [_("Not rated"), _("Total"), _("At or above the minimum %")]

    def totals(item: Distribution) -> list[Cell]:
        return [*_level_cells(item), item.unrated, item.total, _share(item.meeting_share)]

    by_dimension: list[list[Cell]] = [
        [item.key, definitions.dimension_titles.get(item.key, ""), *totals(item)]
        for item in summary.by_dimension
    ]
    by_indicator: list[list[Cell]] = [
        [
            item.key,
            definitions.indicator_titles.get(item.key, ""),
            definitions.dimension_of.get(item.key, ""),
            *totals(item),
        ]
        for item in summary.by_indicator
    ]
    return [
        (_("By dimension"), [_("Dimension"), _("Title"), *level_headers, *tail], by_dimension),
        (
            _("By indicator"),
            [_("Indicator"), _("Title"), _("Dimension"), *level_headers, *tail],
            by_indicator,
        ),
    ]


def _trend_sheet(definitions: Definitions, summary: Summary) -> Sheet:
    rows: list[list[Cell]] = [
        [dimension, definitions.dimension_titles.get(dimension, "")]
        + [_share(value) for value in summary.trend.get(dimension, [])]
        for dimension in definitions.dimensions
    ]
    headers = [_("Dimension"), _("Title"), *(f"{year} %" for year in summary.years)]
    return (_("Trend by dimension"), headers, rows)


def _regressions_sheet(view: GlobalView, definitions: Definitions, summary: Summary) -> Sheet:
    rows: list[list[Cell]] = []
    for item in summary.regressions:
        team = view.team(item.team)
        rows.append(
            [
                team.name,
                team.country,
                team.region,
                item.code,
                definitions.indicator_titles.get(item.code, ""),
                definitions.level_label(item.from_level),
                definitions.level_label(item.to_level),
                item.from_year,
                item.to_year,
            ]
        )
    headers = [
        _("Team"),
        _("Country"),
        _("Region"),
        _("Indicator"),
        _("Title"),
        _("From"),
        _("To"),
        _("From year"),
        _("To year"),
    ]
    return (_("Regressions"), headers, rows)
