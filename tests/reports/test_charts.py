"""Charts: real PNG, deterministic bytes, SVG text that names what the colours mean."""

from __future__ import annotations

import struct

import defusedxml.ElementTree as SafeET
import pytest

from cometa.reports import chart_memo
from cometa.reports import scene as scenes
from cometa.reports.charts import (
    Chart,
    distribution_chart,
    ratings_by_dimension_chart,
    trend_chart,
)
from tests.reports import COUNTS, DIMENSIONS, LEVEL_LABELS, LEVELS, ratings_chart

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SVG_NS = "{http://www.w3.org/2000/svg}"


def _svg_texts(chart: Chart) -> list[str]:
    root = SafeET.fromstring(chart.svg)
    return ["".join(node.itertext()).strip() for node in root.iter(f"{SVG_NS}text")]


def _png_dimensions(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_ratings_chart_is_a_png_and_an_inline_svg() -> None:
    chart = ratings_chart()
    assert chart.png.startswith(PNG_MAGIC)
    assert chart.svg.startswith("<svg")
    assert "<?xml" not in chart.svg
    assert 'role="img"' in chart.svg
    width, height = _png_dimensions(chart.png)
    assert width == 1125  # 7.5 in at 150 dpi
    assert height > 600


def test_same_data_gives_identical_bytes() -> None:
    first = ratings_chart()
    chart_memo.cache_clear()  # drawn again, not taken from the memo
    second = ratings_chart()
    assert first is not second
    assert first.png == second.png
    assert first.svg == second.svg


def test_different_data_gives_different_bytes() -> None:
    changed = {**COUNTS, "Results": {"missing": 3}}
    other = ratings_by_dimension_chart(
        DIMENSIONS,
        LEVELS,
        changed,
        title="UNCT-SWAP ratings by dimension",
        level_labels=LEVEL_LABELS,
        x_label="Number of indicators",
    )
    assert other.png != ratings_chart().png
    assert other.svg != ratings_chart().svg


def test_svg_names_dimensions_levels_and_title_as_text() -> None:
    texts = _svg_texts(ratings_chart())
    for dimension in ["Planning", "Partnerships", "Financial resources", "Results"]:
        assert dimension in texts
    # A long name is wrapped onto two lines, both real text.
    assert "Leadership and" in texts
    assert "organizational culture" in texts
    for label in LEVEL_LABELS.values():
        assert label in texts
    assert "UNCT-SWAP ratings by dimension" in texts
    assert "<title>UNCT-SWAP ratings by dimension</title>" in ratings_chart().svg


def test_segments_carry_their_counts_as_text() -> None:
    chart = ratings_by_dimension_chart(
        ["Only"],
        ["meets", "missing"],
        {"Only": {"meets": 7, "missing": 5}},
        title="t",
        level_labels={"meets": "Meets", "missing": "Missing"},
    )
    texts = _svg_texts(chart)
    assert "7" in texts
    assert "5" in texts
    assert "12" in texts  # bar total


def test_cyrillic_labels_survive_into_svg() -> None:
    chart = ratings_by_dimension_chart(
        ["Планирование"],
        ["meets"],
        {"Планирование": {"meets": 2}},
        title="Оценки по измерениям",
        level_labels={"meets": "Соответствует"},
    )
    texts = _svg_texts(chart)
    assert {"Планирование", "Соответствует", "Оценки по измерениям"} <= set(texts)


def test_custom_colours_are_used() -> None:
    chart = ratings_by_dimension_chart(
        ["A"],
        ["meets"],
        {"A": {"meets": 1}},
        title="t",
        level_labels={"meets": "Meets"},
        colors={"meets": "#123456"},
    )
    assert "#123456" in chart.svg


def test_distribution_chart_shows_percentages() -> None:
    chart = distribution_chart(
        ["1.1 Common Country Analysis", "1.2 Outcomes"],
        ["meets", "missing"],
        {"1.1 Common Country Analysis": {"meets": 3, "missing": 1}, "1.2 Outcomes": {}},
        title="Share of teams",
        level_labels={"meets": "Meets", "missing": "Missing"},
    )
    texts = _svg_texts(chart)
    assert chart.png.startswith(PNG_MAGIC)
    assert "75%" in texts
    assert "25%" in texts
    assert "1.1 Common Country Analysis" in texts
    assert "100%" in texts  # axis tick


def test_trend_chart_names_each_series() -> None:
    chart = trend_chart(
        [2021, 2022, 2023],
        {"Colombia": [2, 3, 5], "Россия": [1, None, 4]},
        title="Indicators met",
        y_label="Indicators",
    )
    texts = _svg_texts(chart)
    assert chart.png.startswith(PNG_MAGIC)
    assert {"Colombia", "Россия", "2021", "2023", "Indicators met"} <= set(texts)
    assert chart == trend_chart(
        [2021, 2022, 2023],
        {"Colombia": [2, 3, 5], "Россия": [1, None, 4]},
        title="Indicators met",
        y_label="Indicators",
    )


def test_trend_chart_rejects_misaligned_series() -> None:
    with pytest.raises(ValueError, match="2 points for 3 years"):
        trend_chart([2021, 2022, 2023], {"A": [1, 2]})


def test_the_png_is_painted_only_when_a_pdf_or_word_file_asks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The page needs only the SVG: laying a chart out must not pay for the PNG."""
    painted = []
    monkeypatch.setattr(scenes, "png", lambda scene, dpi: painted.append(dpi) or PNG_MAGIC)
    chart_memo.cache_clear()
    chart = ratings_chart()
    assert chart.svg.startswith("<svg") and painted == []
    assert chart.png == PNG_MAGIC and chart.png == PNG_MAGIC
    assert painted == [150]  # once, then kept with the chart
    chart_memo.cache_clear()  # not this stand-in PNG for the next tests


def test_the_png_and_the_svg_are_the_same_drawing() -> None:
    chart = ratings_chart()
    root = SafeET.fromstring(chart.svg)
    _x, _y, width, height = (float(part) for part in root.get("viewBox").split())
    assert _png_dimensions(chart.png) == (round(width * 150 / 72), round(height * 150 / 72))
