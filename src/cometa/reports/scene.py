"""A chart as a list of shapes in points, written as SVG for pages and painted as PNG
for PDF and Word from the same list, so the three look the same.

The charts (:mod:`cometa.reports.charts`) lay out their bars, lines and texts themselves
and hand a :class:`Scene` here. Writing SVG is string building (well under a millisecond
for the largest chart of the global view); painting PNG (:func:`png`) uses matplotlib
only as a rasteriser, with no layout engine, and only when a PDF or Word file asks.

The SVG carries no CSS, only presentation attributes: the site's Content Security Policy
(``style-src 'self'``) blocks inline styles. One unit is one point, as in matplotlib's
SVG; ``viewBox`` lets the page scale the chart to its column.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal
from xml.sax.saxutils import escape

from matplotlib.artist import Artist
from matplotlib.text import Text as MplText

FONT_FAMILY = "DejaVu Sans"
SVG_FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str


@dataclass(frozen=True)
class Line:
    """An open polyline; ``dash`` is an SVG dash array in points ("" for solid)."""

    points: tuple[tuple[float, float], ...]
    color: str
    width: float
    dash: str = ""


@dataclass(frozen=True)
class Polygon:
    """A filled closed shape (markers)."""

    points: tuple[tuple[float, float], ...]
    fill: str


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    radius: float
    fill: str


@dataclass(frozen=True)
class Text:
    """``y`` is the baseline; ``rotate`` is -90 for text read bottom to top."""

    x: float
    y: float
    text: str
    size: float
    anchor: Anchor = "start"
    color: str = "#000000"
    bold: bool = False
    rotate: int = 0


Shape = Rect | Line | Polygon | Circle | Text


@dataclass
class Scene:
    width: float
    height: float
    shapes: list[Shape] = field(default_factory=list)

    def add(self, *shapes: Shape) -> None:
        self.shapes.extend(shapes)


@lru_cache(maxsize=4096)
def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The advance of ``text`` in points, as the PNG paints it (DejaVu Sans)."""
    from matplotlib.font_manager import FontProperties, findfont, get_font

    weight = "bold" if bold else "normal"
    font = get_font(findfont(FontProperties(family=FONT_FAMILY, weight=weight)))
    font.set_size(size, 72)
    font.set_text(text, 0.0)
    width, _height = font.get_width_height()
    return float(width) / 64.0


# --- SVG ----------------------------------------------------------------------------------


def svg(scene: Scene, title: str) -> str:
    """The scene as an inline ``<svg>`` element, named for screen readers."""
    label = escape(title, {'"': "&quot;"})
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(scene.width)}pt" '
        f'height="{_n(scene.height)}pt" viewBox="0 0 {_n(scene.width)} {_n(scene.height)}" '
        f'role="img" aria-label="{label}" font-family="{SVG_FONT}">',
        f"<title>{escape(title)}</title>",
    ]
    parts += [_svg_shape(shape) for shape in scene.shapes]
    parts.append("</svg>")
    return "\n".join(parts)


def _svg_shape(shape: Shape) -> str:
    if isinstance(shape, Rect):
        return (
            f'<rect x="{_n(shape.x)}" y="{_n(shape.y)}" width="{_n(shape.width)}" '
            f'height="{_n(shape.height)}" fill="{shape.fill}"/>'
        )
    if isinstance(shape, Line):
        dash = f' stroke-dasharray="{shape.dash}"' if shape.dash else ""
        return (
            f'<polyline points="{_points(shape.points)}" fill="none" stroke="{shape.color}" '
            f'stroke-width="{_n(shape.width)}" stroke-linecap="butt"{dash}/>'
        )
    if isinstance(shape, Polygon):
        return f'<polygon points="{_points(shape.points)}" fill="{shape.fill}"/>'
    if isinstance(shape, Circle):
        return (
            f'<circle cx="{_n(shape.x)}" cy="{_n(shape.y)}" r="{_n(shape.radius)}" '
            f'fill="{shape.fill}"/>'
        )
    weight = ' font-weight="bold"' if shape.bold else ""
    turn = (
        f' transform="rotate({shape.rotate} {_n(shape.x)} {_n(shape.y)})"' if shape.rotate else ""
    )
    return (
        f'<text x="{_n(shape.x)}" y="{_n(shape.y)}" font-size="{_n(shape.size)}" '
        f'text-anchor="{shape.anchor}" fill="{shape.color}"{weight}{turn}>'
        f"{escape(shape.text)}</text>"
    )


def _points(points: tuple[tuple[float, float], ...]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _n(value: float) -> str:
    """Two decimals at most, no trailing zeros: small, and the same bytes every time."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


# --- PNG ----------------------------------------------------------------------------------

_HA = {"start": "left", "middle": "center", "end": "right"}


def png(scene: Scene, dpi: int) -> bytes:
    """The scene painted at ``dpi`` (one unit is 1/72 inch), metadata-free bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(scene.width / 72, scene.height / 72), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_xlim(0, scene.width)
    axes.set_ylim(scene.height, 0)
    axes.set_axis_off()
    for order, shape in enumerate(scene.shapes):  # painted in the order of the list, as SVG
        artist = _artist(shape)
        artist.set_zorder(order)
        axes.add_artist(artist)
    found = io.BytesIO()
    figure.savefig(found, format="png", dpi=dpi, metadata={"Software": None})
    return found.getvalue()


def _artist(shape: Shape) -> Artist:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle as MplCircle
    from matplotlib.patches import Polygon as MplPolygon
    from matplotlib.patches import Rectangle

    if isinstance(shape, Rect):
        return Rectangle((shape.x, shape.y), shape.width, shape.height, color=shape.fill, lw=0)
    if isinstance(shape, Line):
        xs, ys = zip(*shape.points, strict=True)
        line = Line2D(xs, ys, color=shape.color, linewidth=shape.width, solid_capstyle="butt")
        if shape.dash:
            line.set_dashes([float(part) / shape.width for part in shape.dash.split(",")])
        return line
    if isinstance(shape, Polygon):
        return MplPolygon(list(shape.points), closed=True, color=shape.fill, lw=0)
    if isinstance(shape, Circle):
        return MplCircle((shape.x, shape.y), shape.radius, color=shape.fill, lw=0)
    return MplText(
        shape.x,
        shape.y,
        shape.text,
        fontsize=shape.size,
        fontfamily=FONT_FAMILY,
        fontweight="bold" if shape.bold else "normal",
        color=shape.color,
        ha=_HA[shape.anchor],
        va="baseline",
        rotation=-shape.rotate,
        rotation_mode="anchor",
        parse_math=False,  # a "$" in a label is a dollar sign, not mathematics
    )
