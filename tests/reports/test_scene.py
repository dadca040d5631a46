"""A scene written as SVG and painted as PNG: the same shapes, no CSS, exact bytes."""

from __future__ import annotations

import struct

import defusedxml.ElementTree as SafeET
import pytest

from cometa.reports import scene as scenes
from cometa.reports.scene import Circle, Line, Polygon, Rect, Scene, Text

SVG_NS = "{http://www.w3.org/2000/svg}"


def _scene() -> Scene:
    drawn = Scene(144, 72)
    drawn.add(
        Rect(0, 0, 10.5, 20, "#0072B2"),
        Line(((0, 0), (10, 10), (20, 5)), "#333333", 1.8, "6.66,2.88"),
        Polygon(((1, 1), (2, 1), (1.5, 2)), "#D55E00"),
        Circle(5, 5, 2.5, "#E69F00"),
        Text(40, 30, 'Cost < 5 & "US$ 1"', 9, anchor="end", bold=True),
        Text(11, 36, "Percent", 9, anchor="middle", rotate=-90),
    )
    return drawn


def test_the_svg_scales_and_carries_no_css() -> None:
    svg = scenes.svg(_scene(), 'Ratings "2022" & trend')
    root = SafeET.fromstring(svg)
    assert root.get("viewBox") == "0 0 144 72"
    assert (root.get("width"), root.get("height")) == ("144pt", "72pt")
    assert root.get("role") == "img"
    assert root.get("aria-label") == 'Ratings "2022" & trend'
    assert root.find(f"{SVG_NS}title").text == 'Ratings "2022" & trend'
    assert "style" not in svg
    texts = list(root.iter(f"{SVG_NS}text"))
    assert [node.text for node in texts] == ['Cost < 5 & "US$ 1"', "Percent"]
    assert texts[0].get("text-anchor") == "end" and texts[0].get("font-weight") == "bold"
    assert texts[1].get("transform") == "rotate(-90 11 36)"
    line = root.find(f"{SVG_NS}polyline")
    assert line.get("points") == "0,0 10,10 20,5"
    assert line.get("stroke-dasharray") == "6.66,2.88"
    assert root.find(f"{SVG_NS}rect").get("width") == "10.5"


@pytest.mark.parametrize(
    ("value", "written"), [(0, "0"), (1.0, "1"), (2.5, "2.5"), (1 / 3, "0.33"), (-0.001, "0")]
)
def test_numbers_are_short_and_stable(value: float, written: str) -> None:
    assert scenes._n(value) == written


def test_the_png_is_the_scene_at_the_asked_resolution() -> None:
    png = scenes.png(_scene(), 150)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", png[16:24]) == (300, 150)  # 2 in × 1 in at 150 dpi
    assert png == scenes.png(_scene(), 150)


def test_a_dollar_sign_is_painted_as_written_not_as_mathematics() -> None:
    drawn = Scene(144, 72, [Text(1, 20, r"US$ 5 and $\nocommand$", 9)])
    assert scenes.png(drawn, 72).startswith(b"\x89PNG")  # mathtext would refuse the command


def test_text_width_grows_with_the_text_and_the_size() -> None:
    assert 0 < scenes.text_width("Plan", 9) < scenes.text_width("Planning", 9)
    assert scenes.text_width("Planning", 9) < scenes.text_width("Planning", 11)
    assert scenes.text_width("Planning", 9) < scenes.text_width("Planning", 9, bold=True)
