"""Chart layout: round ticks, readable label colours, everything inside the chart."""

from __future__ import annotations

import pytest

from cometa.reports import chart_layout
from cometa.reports.chart_layout import WIDTH, nice_ticks, stacked_bars, text_color_on, trend_lines
from cometa.reports.scene import Circle, Line, Polygon, Rect, Scene, Text, text_width


@pytest.mark.parametrize(
    ("low", "high", "integer", "ticks"),
    [
        (0, 5.3, True, [0, 1, 2, 3, 4, 5]),
        (0, 171.7, True, [0, 20, 40, 60, 80, 100, 120, 140, 160]),
        (0, 1.06, True, [0, 1]),
        (39.3, 59.0, False, [40, 42.5, 45, 47.5, 50, 52.5, 55, 57.5]),
        (9.0, 31.0, False, [10, 12.5, 15, 17.5, 20, 22.5, 25, 27.5, 30]),
        (-0.1, 0.1, False, [-0.1, -0.075, -0.05, -0.025, 0, 0.025, 0.05, 0.075, 0.1]),
    ],
)
def test_ticks_are_round_and_few(low, high, integer, ticks) -> None:
    assert nice_ticks(low, high, integer=integer) == ticks


@pytest.mark.parametrize(
    ("color", "text"),
    [
        ("#0072B2", "white"),
        ("#56B4E9", "black"),
        ("#E69F00", "black"),
        ("#D55E00", "black"),
        ("#333333", "white"),
    ],
)
def test_segment_labels_take_the_colour_that_reads(color, text) -> None:
    assert text_color_on(color) == text


def _inside(scene: Scene) -> None:
    """No shape and no text reaches past the chart's edges."""
    for shape in scene.shapes:
        if isinstance(shape, Rect):
            assert shape.x >= 0 and shape.x + shape.width <= scene.width + 0.01
        elif isinstance(shape, Line | Polygon):
            assert all(0 <= x <= scene.width and 0 <= y <= scene.height for x, y in shape.points)
        elif isinstance(shape, Circle):
            assert shape.radius <= shape.x <= scene.width - shape.radius
        elif isinstance(shape, Text) and not shape.rotate:
            width = text_width(shape.text, shape.size, bold=shape.bold)
            start = shape.x - {"start": 0, "middle": width / 2, "end": width}[shape.anchor]
            assert start >= 0 and start + width <= scene.width, shape.text
            assert shape.size <= shape.y <= scene.height


def test_bars_labels_and_legend_stay_inside_the_chart() -> None:
    names = ["Leadership and organizational culture", "Results", "A" * 40]
    labels = ["Missing requirements", "Approaches minimum requirements", "Meets", "Exceeds"]
    colors = ["#D55E00", "#E69F00", "#56B4E9", "#0072B2"]
    for percent in (False, True):
        values = [[3.0, 1, 0, 9], [0, 0, 0, 1], [2, 2, 2, 2]]
        if percent:
            values = [[100 * v / sum(row) for v in row] for row in values]
        scene = stacked_bars(
            names, labels, colors, values, title="Ratings", x_label="Count", percent=percent
        )
        assert scene.width == WIDTH
        _inside(scene)
        texts = [shape.text for shape in scene.shapes if isinstance(shape, Text)]
        assert ("100%" in texts) is percent
        assert ("13" in texts) is not percent  # the first bar's total


def test_a_segment_too_narrow_for_its_number_shows_none() -> None:
    scene = stacked_bars(
        ["Only"], ["a", "b"], ["#000000", "#ffffff"], [[1, 99]], title="", x_label="", percent=True
    )
    texts = [shape.text for shape in scene.shapes if isinstance(shape, Text)]
    assert "99%" in texts and "1%" not in texts


def test_a_trend_leaves_a_gap_for_a_missing_year_and_names_its_last_value() -> None:
    scene = trend_lines(
        [2019, 2020, 2021, 2022],
        {"A": [10.0, 20.0, None, 40.0], "B": [5.0, 6.0, 7.0, 8.0]},
        ["#0072B2", "#56B4E9"],
        title="Trend",
        y_label="Percent",
    )
    _inside(scene)
    series = [shape for shape in scene.shapes if isinstance(shape, Line) and shape.width == 1.8]
    lengths = sorted(len(line.points) for line in series)
    assert lengths == [2, 2, 2, 4]  # A: 2019-2020, then a gap; B unbroken; two legend samples
    texts = [shape.text for shape in scene.shapes if isinstance(shape, Text)]
    assert {"40", "8", "A", "B", "Percent", "2021"} <= set(texts)


def test_markers_differ_by_series() -> None:
    shapes = [chart_layout.marker(kind, 10, 10, "#000000") for kind in ("o", "s", "^", "D", "v")]
    assert isinstance(shapes[0], Circle)
    assert len({shape.points for shape in shapes[1:] if isinstance(shape, Polygon)}) == 4
