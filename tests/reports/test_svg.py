"""Inline SVG under the page's Content Security Policy: no CSS left, ids kept apart."""

from __future__ import annotations

from cometa.reports import chart_memo, charts, svg

LEVELS = ["missing", "approaches", "meets", "exceeds"]


def test_matplotlib_writes_no_css_that_would_be_lost() -> None:
    """What matplotlib writes has a presentation attribute for every property, before and
    after the conversion (after it, no style is left at all)."""
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
        assert svg.unsupported_properties(chart.svg) == set()
        assert ' style="' not in chart.svg and "<style" not in chart.svg


def test_css_becomes_presentation_attributes() -> None:
    source = (
        '<svg width="1"><defs><style type="text/css">*{stroke-linejoin: round}</style></defs>'
        '<path id="p1" fill="red" style="fill: #fff; stroke-width: 0.8; transform: none"/>'
        '<use xlink:href="#p1" style="clip-path: url(#c1)"/><clipPath id="c1"></clipPath></svg>'
    )
    assert svg.csp_safe(source) == (
        '<svg stroke-linejoin="round" width="1"><defs></defs>'
        '<path id="p1" fill="#fff" stroke-width="0.8"/>'
        '<use xlink:href="#p1" clip-path="url(#c1)"/><clipPath id="c1"></clipPath></svg>'
    )
    assert svg.unsupported_properties(source) == {"transform"}


def test_ids_and_every_reference_to_them_are_prefixed() -> None:
    source = '<path id="p1"/><use xlink:href="#p1" clip-path="url(#c1)"/><clipPath id="c1"/>'
    assert svg.prefix_ids(source, "x-") == (
        '<path id="x-p1"/><use xlink:href="#x-p1" clip-path="url(#x-c1)"/><clipPath id="x-c1"/>'
    )


def test_an_inline_svg_has_no_prologue_and_is_named_for_screen_readers() -> None:
    document = '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg width="1"><g style="fill: red"/></svg>'
    assert svg.inline(document, 'Ratings "2022" & trend') == (
        '<svg width="1" role="img" aria-label="Ratings &quot;2022&quot; &amp; trend">\n'
        ' <title>Ratings "2022" &amp; trend</title><g fill="red"/></svg>'
    )
