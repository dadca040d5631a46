"""Inline SVG under the page's Content Security Policy: no CSS, ids kept apart."""

from __future__ import annotations

from cometa.reports import chart_memo, charts, svg

LEVELS = ["missing", "approaches", "meets", "exceeds"]


def test_charts_carry_no_css_that_the_pages_csp_would_block() -> None:
    chart_memo.cache_clear()
    drawn = [
        charts.trend_chart([2021, 2022], {"x": [10.0, None]}, title="t", y_label="%"),
        charts.distribution_chart(
            ["1.1"], LEVELS, {"1.1": {"meets": 2}}, title="d", level_labels={}
        ),
        charts.ratings_by_dimension_chart(
            ["1"], LEVELS, {"1": {"missing": 1}}, title="r", level_labels={}
        ),
    ]
    for chart in drawn:
        assert " style=" not in chart.svg and "<style" not in chart.svg


def test_ids_and_every_reference_to_them_are_prefixed() -> None:
    source = '<path id="p1"/><use xlink:href="#p1" clip-path="url(#c1)"/><clipPath id="c1"/>'
    assert svg.prefix_ids(source, "x-") == (
        '<path id="x-p1"/><use xlink:href="#x-p1" clip-path="url(#x-c1)"/><clipPath id="x-c1"/>'
    )
