"""Server-rendered charts, deterministic SVG + PNG from one layout.

Each chart is laid out once as a :class:`~cometa.reports.scene.Scene` (bars, lines and
texts in points, by :mod:`cometa.reports.chart_layout`) and written as SVG for HTML
(real ``<text>`` elements, so it is searchable and readable by screen readers) and, only
when a PDF or Word file asks for it, painted as PNG from the same scene: the page, the PDF
and the Word file show the same chart. The same input always produces byte-identical
output, and is laid out only once while it stays among the recently drawn
(``chart_memo``), one chart at a time per process.

Until 2026-12 the charts were drawn by matplotlib's layout engine, about 250 ms each,
which made the global view's first request take seconds; laying them out here takes
about a millisecond (docs/benchmarks.md). matplotlib remains the PNG rasteriser.

Colour is never the only carrier of meaning: segments carry their value as text,
the legend names every level, and the trend lines use distinct markers and
line styles and are labelled at their end.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property

from cometa.reports import scene as scenes
from cometa.reports.chart_layout import stacked_bars, trend_lines
from cometa.reports.chart_memo import drawn_once, serialised

DPI = 150
WIDTH_INCHES = 7.5
FONT_FAMILY = scenes.FONT_FAMILY

#: Okabe & Ito (2008) colour-blind-safe palette, in the order used by default.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#999999",  # grey
)

#: Default colours for the UNCT-SWAP rating levels (Okabe–Ito, ordered light-to-dark
#: from "missing" to "exceeds" so the scale also reads in greyscale).
RATING_COLORS: dict[str, str] = {
    "exceeds": "#0072B2",
    "meets": "#56B4E9",
    "approaches": "#E69F00",
    "missing": "#D55E00",
    "not_applicable": "#BBBBBB",
}


class Chart:
    """A laid-out chart: an inline-ready SVG string (HTML) and PNG bytes (PDF/DOCX),
    painted from the same scene on first use."""

    def __init__(self, scene: scenes.Scene, title: str) -> None:
        self.scene = scene
        self.svg = scenes.svg(scene, title)

    @cached_property
    def png(self) -> bytes:
        return serialised(scenes.png, self.scene, DPI)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Chart) and other.svg == self.svg

    def __hash__(self) -> int:
        return hash(self.svg)


# ---------------------------------------------------------------------------
# public charts
# ---------------------------------------------------------------------------


@drawn_once
def ratings_by_dimension_chart(
    dimensions: Sequence[str],
    levels: Sequence[str],
    counts: Mapping[str, Mapping[str, int]],
    *,
    title: str,
    level_labels: Mapping[str, str],
    colors: Mapping[str, str] | None = None,
    x_label: str = "",
) -> Chart:
    """Horizontal stacked bars: one bar per dimension, one segment per rating level.

    ``counts[dimension][level]`` is the number of indicators at that level; missing
    entries count as zero. Segments show their count; the bar end shows the total.
    """
    values = _matrix(dimensions, levels, counts)
    return _bars(dimensions, levels, values, title, level_labels, colors, x_label, percent=False)


@drawn_once
def distribution_chart(
    indicators: Sequence[str],
    levels: Sequence[str],
    counts: Mapping[str, Mapping[str, int]],
    *,
    title: str,
    level_labels: Mapping[str, str],
    colors: Mapping[str, str] | None = None,
    x_label: str = "",
) -> Chart:
    """100 % stacked bars: the share of teams at each level, per indicator.

    ``counts[indicator][level]`` is the number of teams; each bar is normalised to
    100 % and each segment is labelled with its percentage.
    """
    raw = _matrix(indicators, levels, counts)
    shares = [_as_percentages(row) for row in raw]
    return _bars(indicators, levels, shares, title, level_labels, colors, x_label, percent=True)


@drawn_once
def trend_chart(
    years: Sequence[int],
    series: Mapping[str, Sequence[float | None]],
    *,
    title: str = "",
    y_label: str = "",
    colors: Mapping[str, str] | None = None,
) -> Chart:
    """One line per series over ``years``; ``None`` values leave a gap."""
    for name, points in series.items():
        if len(points) != len(years):
            raise ValueError(f"Series {name!r} has {len(points)} points for {len(years)} years")
    palette = [_color_for(name, index, colors) for index, name in enumerate(series)]
    scene = trend_lines(list(years), dict(series), palette, title=title, y_label=y_label)
    return Chart(scene, title)


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def _bars(
    categories: Sequence[str],
    levels: Sequence[str],
    values: list[list[float]],
    title: str,
    level_labels: Mapping[str, str],
    colors: Mapping[str, str] | None,
    x_label: str,
    *,
    percent: bool,
) -> Chart:
    scene = stacked_bars(
        list(categories),
        [level_labels.get(level, level) for level in levels],
        [_color_for(level, index, colors) for index, level in enumerate(levels)],
        values,
        title=title,
        x_label=x_label,
        percent=percent,
    )
    return Chart(scene, title)


def _matrix(
    rows: Sequence[str], levels: Sequence[str], counts: Mapping[str, Mapping[str, int]]
) -> list[list[float]]:
    return [[float(counts.get(row, {}).get(level, 0)) for level in levels] for row in rows]


def _as_percentages(row: Sequence[float]) -> list[float]:
    total = sum(row)
    return [100.0 * value / total if total else 0.0 for value in row]


def _color_for(key: str, index: int, colors: Mapping[str, str] | None) -> str:
    if colors and key in colors:
        return colors[key]
    if colors is None and key in RATING_COLORS:
        return RATING_COLORS[key]
    return OKABE_ITO[index % len(OKABE_ITO)]
