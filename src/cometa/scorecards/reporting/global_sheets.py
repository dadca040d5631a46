"""The global view as workbook sheets, for the export of the global page."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from cometa.reports.renderers.tabular import Cell, Sheet
from cometa.scorecards.reporting.global_view import GlobalView

# --- the export --------------------------------------------------------------------------


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def export_sheets(view: GlobalView) -> list[Sheet]:
    """The page's tables as spreadsheet sheets (shares in percent, one decimal)."""
    definitions, summary = view.definitions, view.summary
    filters = view.filters
    about: list[list[Cell]] = [
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
    if definitions is None or summary is None:
        return [(_("About"), [_("Item"), _("Value")], about)]
    about += [
        [_("Teams"), len(summary.teams)],
        [_("Assessments"), summary.team_years],
        [_("Minimum requirements"), definitions.meeting_label],
    ]
    levels = definitions.scale.levels
    level_headers: list[str] = []
    for level in levels:
        level_headers += [definitions.level_label(level), f"{definitions.level_label(level)} %"]

    def level_cells(item: Any) -> list[Cell]:
        cells: list[Cell] = []
        for _level, count, share in item.cells():
            cells += [count, _share(share)]
        return cells

    tail = [_("Not rated"), _("Total"), _("At or above the minimum %")]
    by_year: list[list[Cell]] = [
        [item.year, item.teams, item.rated, item.unrated, item.meeting, _share(item.share)]
        for item in summary.by_year
    ]
    by_dimension: list[list[Cell]] = [
        [
            item.key,
            definitions.dimension_titles.get(item.key, ""),
            *level_cells(item),
            item.unrated,
            item.total,
            _share(item.meeting_share),
        ]
        for item in summary.by_dimension
    ]
    by_indicator: list[list[Cell]] = [
        [
            item.key,
            definitions.indicator_titles.get(item.key, ""),
            definitions.dimension_of.get(item.key, ""),
            *level_cells(item),
            item.unrated,
            item.total,
            _share(item.meeting_share),
        ]
        for item in summary.by_indicator
    ]
    trend: list[list[Cell]] = [
        [dimension, definitions.dimension_titles.get(dimension, "")]
        + [_share(value) for value in summary.trend.get(dimension, [])]
        for dimension in definitions.dimensions
    ]
    regressions: list[list[Cell]] = []
    for item in summary.regressions:
        team = view.team(item.team)
        regressions.append(
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
    return [
        (_("About"), [_("Item"), _("Value")], about),
        (
            _("By year"),
            [
                _("Year"),
                _("Teams"),
                _("Rated indicators"),
                _("Not rated"),
                _("At or above the minimum"),
                _("At or above the minimum %"),
            ],
            by_year,
        ),
        (
            _("By dimension"),
            [_("Dimension"), _("Title"), *level_headers, *tail],
            by_dimension,
        ),
        (
            _("By indicator"),
            [_("Indicator"), _("Title"), _("Dimension"), *level_headers, *tail],
            by_indicator,
        ),
        (
            _("Trend by dimension"),
            [_("Dimension"), _("Title"), *(f"{year} %" for year in summary.years)],
            trend,
        ),
        (
            _("Regressions"),
            [
                _("Team"),
                _("Country"),
                _("Region"),
                _("Indicator"),
                _("Title"),
                _("From"),
                _("To"),
                _("From year"),
                _("To year"),
            ],
            regressions,
        ),
    ]
