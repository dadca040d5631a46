"""Server-rendered charts (matplotlib, Agg backend), deterministic PNG + SVG.

Every chart is drawn once and saved twice: PNG for PDF/DOCX, SVG (with real
``<text>`` elements, so it is searchable and readable by screen readers) for
HTML. The same input always produces byte-identical output, and is drawn only once
while it stays among the recently drawn (``chart_memo``), one chart at a time per process.

Colour is never the only carrier of meaning: segments carry their value as text,
the legend names every level, and the trend lines use distinct markers and
line styles and are labelled at their end.

The SVG carries no CSS (:mod:`cometa.reports.svg`): the site's Content Security
Policy blocks inline styles, which would leave an inline chart black and unlabelled.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from cometa.reports.chart_memo import drawn_once
from cometa.reports.svg import inline

if TYPE_CHECKING:  # matplotlib.typing is newer than the oldest matplotlib we allow
    from matplotlib.typing import RcKeyType

DPI = 150
WIDTH_INCHES = 7.5
FONT_FAMILY = "DejaVu Sans"

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

_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
_LINESTYLES = ("-", "--", "-.", ":")
_RC: dict[RcKeyType, Any] = {
    "svg.hashsalt": "cometa",
    "svg.fonttype": "none",
    "font.family": FONT_FAMILY,
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "path.simplify": True,
}


@dataclass(frozen=True)
class Chart:
    """A rendered chart: PNG bytes (PDF/DOCX) and an inline-ready SVG string (HTML)."""

    png: bytes
    svg: str


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
    return _stacked_bars(
        dimensions, levels, values, title, level_labels, colors, x_label, percent=False
    )


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
    return _stacked_bars(
        indicators, levels, shares, title, level_labels, colors, x_label, percent=True
    )


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
    with rc_context(_RC):
        figure = _new_figure(height=3.6)
        axes = figure.add_subplot()
        for index, (name, points) in enumerate(series.items()):
            color = _color_for(name, index, colors)
            _plot_series(axes, years, points, name, index, color)
        _style_trend_axes(axes, years, title, y_label, legend=len(series) > 1)
        return _save(figure, title)


# ---------------------------------------------------------------------------
# stacked bars
# ---------------------------------------------------------------------------


def _matrix(
    rows: Sequence[str], levels: Sequence[str], counts: Mapping[str, Mapping[str, int]]
) -> list[list[float]]:
    return [[float(counts.get(row, {}).get(level, 0)) for level in levels] for row in rows]


def _as_percentages(row: Sequence[float]) -> list[float]:
    total = sum(row)
    return [100.0 * value / total if total else 0.0 for value in row]


def _stacked_bars(
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
    with rc_context(_RC):
        figure = _new_figure(height=1.9 + 0.42 * max(len(categories), 1))
        axes = figure.add_subplot()
        positions = list(range(len(categories)))
        totals = [sum(row) for row in values]
        scale = 100.0 if percent else max(totals, default=0.0) or 1.0
        left = [0.0] * len(categories)
        for index, level in enumerate(levels):
            widths = [row[index] for row in values]
            color = _color_for(level, index, colors)
            label = level_labels.get(level, level)
            axes.barh(positions, widths, left=left, color=color, label=label, height=0.68)
            _label_segments(axes, positions, left, widths, color, scale, percent)
            left = [start + width for start, width in zip(left, widths, strict=True)]
        if not percent:
            _label_totals(axes, positions, totals, scale)
        _style_bar_axes(axes, categories, title, x_label, scale, percent)
        _bar_legend(figure, [level_labels.get(level, level) for level in levels])
        return _save(figure, title)


def _label_segments(
    axes: Axes,
    positions: Sequence[int],
    starts: Sequence[float],
    widths: Sequence[float],
    color: str,
    scale: float,
    percent: bool,
) -> None:
    text_color = _text_color_on(color)
    for position, start, width in zip(positions, starts, widths, strict=True):
        if width <= 0 or width / scale < 0.045:
            continue
        text = f"{width:.0f}%" if percent else f"{width:.0f}"
        axes.text(
            start + width / 2,
            position,
            text,
            ha="center",
            va="center",
            color=text_color,
            fontsize=8,
        )


def _label_totals(
    axes: Axes, positions: Sequence[int], totals: Sequence[float], scale: float
) -> None:
    for position, total in zip(positions, totals, strict=True):
        axes.text(
            total + scale * 0.01, position, f"{total:.0f}", va="center", fontsize=8, color="#333"
        )


def _style_bar_axes(
    axes: Axes,
    categories: Sequence[str],
    title: str,
    x_label: str,
    scale: float,
    percent: bool,
) -> None:
    axes.set_yticks(range(len(categories)), [_wrap(name) for name in categories])
    axes.invert_yaxis()
    axes.set_xlim(0, scale * (1.0 if percent else 1.06))
    if percent:
        axes.xaxis.set_major_formatter("{x:.0f}%")
    else:
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    if x_label:
        axes.set_xlabel(x_label)
    if title:
        axes.set_title(title, loc="left")
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)


def _bar_legend(figure: Figure, labels: Sequence[str]) -> None:
    figure.legend(
        loc="outside lower center",
        ncol=_legend_columns(labels),
        frameon=False,
        handlelength=1.2,
        columnspacing=1.4,
    )


def _legend_columns(labels: Sequence[str], budget: int = 84) -> int:
    """As many columns as fit across the figure (roughly, by label length)."""
    widest = max((len(label) for label in labels), default=1) + 6
    return max(1, min(len(labels), budget // widest))


# ---------------------------------------------------------------------------
# trend lines
# ---------------------------------------------------------------------------


def _plot_series(
    axes: Axes,
    years: Sequence[int],
    points: Sequence[float | None],
    name: str,
    index: int,
    color: str,
) -> None:
    ys = [float("nan") if point is None else point for point in points]
    axes.plot(
        list(years),
        ys,
        label=name,
        color=color,
        marker=_MARKERS[index % len(_MARKERS)],
        linestyle=_LINESTYLES[index % len(_LINESTYLES)],
        linewidth=1.8,
        markersize=5,
    )
    last = _last_point(years, points)
    if last is not None:
        axes.annotate(
            f"{last[1]:g}",
            last,
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color="#333",
        )


def _last_point(years: Sequence[int], points: Sequence[float | None]) -> tuple[float, float] | None:
    for year, point in zip(reversed(years), reversed(points), strict=True):
        if point is not None:
            return float(year), float(point)
    return None


def _style_trend_axes(
    axes: Axes, years: Sequence[int], title: str, y_label: str, *, legend: bool
) -> None:
    axes.set_xticks(list(years), [str(year) for year in years])
    if years:
        axes.set_xlim(min(years) - 0.3, max(years) + 0.6)
    if title:
        axes.set_title(title, loc="left")
    if y_label:
        axes.set_ylabel(y_label)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if legend:
        axes.legend(frameon=False, loc="best")


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def _new_figure(height: float) -> Figure:
    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _color_for(key: str, index: int, colors: Mapping[str, str] | None) -> str:
    if colors and key in colors:
        return colors[key]
    if colors is None and key in RATING_COLORS:
        return RATING_COLORS[key]
    return OKABE_ITO[index % len(OKABE_ITO)]


def _text_color_on(color: str) -> str:
    red, green, blue = (_linear(channel) for channel in to_rgb(color))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "black" if luminance > 0.18 else "white"


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _wrap(label: str, width: int = 28) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _save(figure: Figure, title: str) -> Chart:
    png = io.BytesIO()
    figure.savefig(png, format="png", dpi=DPI, metadata={"Software": None})
    svg = io.BytesIO()
    figure.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    return Chart(png=png.getvalue(), svg=inline(svg.getvalue().decode("utf-8"), title))
