"""Where each bar, line and label of a chart goes: pure arithmetic in points.

The look follows what matplotlib drew for these charts before (7.5 inches wide, DejaVu
Sans, light vertical grid, the legend under the axis), so reports made before and after
read alike. Text widths come from the font itself (:func:`scene.text_width`), so labels
are placed where the PNG paints them.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence

from cometa.reports.scene import Circle, Line, Polygon, Rect, Scene, Text, text_width

WIDTH = 540.0  # 7.5 in
TICK, SMALL, TITLE = 9.0, 8.0, 11.0
GRID, AXIS, DARK = "#dddddd", "#000000", "#333333"
_MARKERS = ("o", "s", "^", "D", "v")
_DASHES = ("", "6.66,2.88", "11.52,2.88,1.8,2.88", "1.8,2.97")  # -, --, -., : at 1.8 pt


def stacked_bars(
    categories: list[str],
    labels: list[str],
    colors: list[str],
    values: list[list[float]],
    *,
    title: str,
    x_label: str,
    percent: bool,
) -> Scene:
    """One horizontal bar per category, one segment per level (``values[row][level]``)."""
    count = max(len(categories), 1)
    scene = Scene(WIDTH, round(72 * (1.9 + 0.42 * count), 2))
    wrapped = [textwrap.wrap(name, 28) or [name] for name in categories]
    widest = max((text_width(line, TICK) for lines in wrapped for line in lines), default=0.0)
    totals = [sum(row) for row in values]
    scale = 100.0 if percent else max(totals, default=0.0) or 1.0
    limit = scale if percent else scale * 1.06
    ticks = [20.0 * n for n in range(6)] if percent else nice_ticks(0, limit, integer=True)
    suffix = "%" if percent else ""
    last_tick = text_width(f"{ticks[-1]:.0f}{suffix}", TICK) / 2 + 4
    left, right, top = widest + 10, WIDTH - max(10.0, last_tick), 26.0
    legend = _legend_height(labels)
    bottom = scene.height - legend - (34 if x_label else 20)

    def x_of(value: float) -> float:
        return left + (right - left) * value / limit

    unit = (bottom - top) / ((count - 0.32) * 1.1)
    centres = [top + unit * (0.055 * (count - 0.32) + 0.34 + row) for row in range(count)]
    for tick in ticks:
        scene.add(Line(((x_of(tick), top), (x_of(tick), bottom)), GRID, 0.6))
    for row, centre in enumerate(centres[: len(values)]):
        start = 0.0
        for level, width in enumerate(values[row]):
            _segment(scene, x_of, start, width, centre, unit, colors[level], scale, percent)
            start += width
        if not percent:
            x = x_of(totals[row] + scale * 0.01)
            scene.add(Text(x, centre + 0.35 * SMALL, f"{totals[row]:.0f}", SMALL, color=DARK))
        _lines_at(scene, wrapped[row], left - 5, centre)
    _x_axis(scene, ticks, x_of, left, right, bottom, lambda t: f"{t:.0f}{suffix}")
    if x_label:
        scene.add(Text((left + right) / 2, bottom + 28, x_label, TICK, anchor="middle"))
    _title(scene, title, left)
    _legend(scene, labels, colors, scene.height - legend)
    return scene


def _segment(
    scene: Scene,
    x_of: Callable[[float], float],
    start: float,
    width: float,
    centre: float,
    unit: float,
    color: str,
    scale: float,
    percent: bool,
) -> None:
    if width <= 0:
        return
    x0, x1 = x_of(start), x_of(start + width)
    scene.add(Rect(x0, centre - 0.34 * unit, x1 - x0, 0.68 * unit, color))
    if width / scale >= 0.045:
        text = f"{width:.0f}%" if percent else f"{width:.0f}"
        tint = text_color_on(color)
        scene.add(Text((x0 + x1) / 2, centre + 0.35 * SMALL, text, SMALL, "middle", tint))


def trend_lines(
    years: list[int],
    series: dict[str, Sequence[float | None]],
    colors: list[str],
    *,
    title: str,
    y_label: str,
) -> Scene:
    """One line per series over ``years``, with markers, a gap for ``None`` and the last
    value written at the line's end."""
    scene = Scene(WIDTH, 259.2)
    low, high, ticks, names = _y_scale(series)
    legend = _legend_height(list(series)) if len(series) > 1 else 0.0
    left = (16.0 if y_label else 4.0) + max(text_width(name, TICK) for name in names) + 8
    right, top, bottom = WIDTH - 8, 26.0, scene.height - 20 - legend
    first, last = (min(years) - 0.3, max(years) + 0.6) if years else (0.0, 1.0)

    def x_of(year: float) -> float:
        return left + (right - left) * (year - first) / (last - first)

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * (value - low) / (high - low)

    for tick, name in zip(ticks, names, strict=True):
        y = y_of(tick)
        scene.add(
            Line(((left, y), (right, y)), GRID, 0.6), Line(((left - 3.5, y), (left, y)), AXIS, 0.8)
        )
        scene.add(Text(left - 6, y + 0.35 * TICK, name, TICK, anchor="end"))
    scene.add(Line(((left, top), (left, bottom)), AXIS, 0.8))
    _x_axis(scene, [float(year) for year in years], x_of, left, right, bottom, lambda t: f"{t:.0f}")
    for index, (points, color) in enumerate(zip(series.values(), colors, strict=True)):
        placed = [
            (x_of(y), y_of(p)) if p is not None else None
            for y, p in zip(years, points, strict=True)
        ]
        _series(scene, placed, points, color, index)
    if y_label:
        middle = (top + bottom) / 2
        scene.add(Text(11, middle, y_label, TICK, anchor="middle", rotate=-90))
    _title(scene, title, left)
    if legend:
        _legend(scene, list(series), colors, scene.height - legend, lines=True)
    return scene


def _y_scale(
    series: dict[str, Sequence[float | None]],
) -> tuple[float, float, list[float], list[str]]:
    """The value range with a 5 % margin, its round ticks and their names (as many
    decimals as the step needs)."""
    found = [point for points in series.values() for point in points if point is not None]
    low, high = (min(found), max(found)) if found else (0.0, 1.0)
    span = high - low or max(abs(high) * 0.1, 1.0)
    low, high = low - span * 0.05, high + span * 0.05
    ticks = nice_ticks(low, high)
    decimals = _decimals(ticks[1] - ticks[0] if len(ticks) > 1 else 1.0)
    return low, high, ticks, [f"{tick:.{decimals}f}" for tick in ticks]


def _series(
    scene: Scene,
    placed: list[tuple[float, float] | None],
    values: Sequence[float | None],
    color: str,
    index: int,
) -> None:
    """The line in runs between gaps, a marker on each point, the last value at its end."""
    run: list[tuple[float, float]] = []
    for point in [*placed, None]:
        if point is not None:
            run.append(point)
            continue
        if len(run) > 1:
            scene.add(Line(tuple(run), color, 1.8, _DASHES[index % len(_DASHES)]))
        run = []
    for point in placed:
        if point is not None:
            scene.add(marker(_MARKERS[index % len(_MARKERS)], *point, color))
    ends = [(point, value) for point, value in zip(placed, values, strict=True) if point]
    if ends:
        (x, y), value = ends[-1]
        scene.add(Text(x + 5, y + 0.35 * SMALL, f"{value:g}", SMALL, color=DARK))


def marker(kind: str, x: float, y: float, color: str, size: float = 5.0) -> Circle | Polygon:
    """A filled marker ``size`` points across."""
    half = size / 2
    if kind == "o":
        return Circle(x, y, half, color)
    corners = {
        "s": ((-1, -1), (1, -1), (1, 1), (-1, 1)),
        "^": ((0, -1), (1, 1), (-1, 1)),
        "v": ((-1, -1), (1, -1), (0, 1)),
        "D": ((0, -1.2), (1.2, 0), (0, 1.2), (-1.2, 0)),
    }[kind]
    return Polygon(tuple((x + dx * half, y + dy * half) for dx, dy in corners), color)


# --- axes, titles and legends -------------------------------------------------------------


def nice_ticks(low: float, high: float, *, integer: bool = False, most: int = 9) -> list[float]:
    """Round tick values inside ``[low, high]``: steps of 1, 2, 2.5 or 5 times a power of
    ten, as few as keep at most ``most`` ticks."""
    span = max(high - low, 1e-9)
    power = 10.0 ** math.floor(math.log10(span / most))
    steps = (1.0, 2.0, 5.0, 10.0) if integer else (1.0, 2.0, 2.5, 5.0, 10.0)
    for factor in steps:
        step = factor * power
        if integer and step < 1:
            continue
        first = math.ceil(low / step - 1e-9) * step
        count = math.floor((high - first) / step + 1e-9) + 1
        if count <= most:
            return [round(first + step * n, 10) for n in range(count)]
    return [low, high]


def _decimals(step: float) -> int:
    for decimals in range(4):
        if abs(round(step, decimals) - step) < 1e-9:
            return decimals
    return 4


def _x_axis(
    scene: Scene,
    ticks: list[float],
    x_of: Callable[[float], float],
    left: float,
    right: float,
    bottom: float,
    name: Callable[[float], str],
) -> None:
    scene.add(Line(((left, bottom), (right, bottom)), AXIS, 0.8))
    for tick in ticks:
        x = x_of(tick)
        scene.add(Line(((x, bottom), (x, bottom + 3.5)), AXIS, 0.8))
        scene.add(Text(x, bottom + 14, name(tick), TICK, anchor="middle"))


def _title(scene: Scene, title: str, left: float) -> None:
    if title:
        scene.add(Text(left, 15, title, TITLE, bold=True))


def _lines_at(scene: Scene, lines: list[str], right: float, centre: float) -> None:
    pitch = TICK * 1.2
    for number, line in enumerate(lines):
        y = centre + 0.35 * TICK + (number - (len(lines) - 1) / 2) * pitch
        scene.add(Text(right, y, line, TICK, anchor="end"))


def legend_columns(labels: Sequence[str], budget: int = 84) -> int:
    """As many columns as fit across the figure (roughly, by label length)."""
    widest = max((len(label) for label in labels), default=1) + 6
    return max(1, min(len(labels), budget // widest))


def _legend_height(labels: list[str]) -> float:
    rows = math.ceil(len(labels) / legend_columns(labels)) if labels else 0
    return rows * 14.0 + 6


def _legend(
    scene: Scene, labels: list[str], colors: list[str], top: float, *, lines: bool = False
) -> None:
    """Entries filled column by column, the block centred under the chart."""
    columns = legend_columns(labels)
    rows = math.ceil(len(labels) / columns)
    handle = 18.0 if lines else 10.8
    groups = [list(range(c * rows, min((c + 1) * rows, len(labels)))) for c in range(columns)]
    widths = [
        max(handle + 7 + text_width(labels[i], TICK) for i in group) for group in groups if group
    ]
    x = (WIDTH - sum(widths) - 12.6 * (len(widths) - 1)) / 2
    for group, width in zip(groups, widths, strict=False):
        for row, index in enumerate(group):
            middle = top + 7 + 14.0 * row
            if lines:
                scene.add(Line(((x, middle), (x + handle, middle)), colors[index], 1.8))
                scene.add(
                    marker(_MARKERS[index % len(_MARKERS)], x + handle / 2, middle, colors[index])
                )
            else:
                scene.add(Rect(x, middle - 3.5, handle, 7.0, colors[index]))
            scene.add(Text(x + handle + 7, middle + 0.35 * TICK, labels[index], TICK))
        x += width + 12.6


def text_color_on(color: str) -> str:
    """Black or white, whichever reads better on ``color`` (``#rrggbb``)."""
    red, green, blue = (_linear(int(color[i : i + 2], 16) / 255) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "black" if luminance > 0.18 else "white"


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
