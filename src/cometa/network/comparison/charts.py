"""The comparison's and the reach page's charts, laid out on the reports floor's scene
(SVG for the page, PNG for PDF and Word, from the same shapes). Each is also given as a
table beside it, so nothing is only in the picture.

- Peers: one line per indicator on a 0–100 % axis: the peers' range (thin line), their
  middle half (box), their median (tick) and the centre (a dot, its value written).
  Individual peers are not drawn.
- Reach: per group, the share among the women enrolled (bar) and the reference share
  (a dark tick), both written as numbers.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from cometa.reports.charts import OKABE_ITO, Chart
from cometa.reports.scene import Circle, Line, Rect, Scene, Text, text_width

__all__ = ["PeerLine", "ReachLine", "peers_chart", "reach_chart"]

WIDTH, ROW, TOP, LEFT = 540.0, 30.0, 44.0, 190.0
RIGHT = WIDTH - 100.0
TICK, SMALL = 9.0, 8.0
GRID, DARK = "#dddddd", "#333333"
CENTRE, BOX, RANGE = OKABE_ITO[4], OKABE_ITO[1], "#666666"


@dataclass(frozen=True)
class PeerLine:
    label: str
    centre: float | None
    quartiles: tuple[float, float, float, float, float] | None  # min, q1, median, q3, max


@dataclass(frozen=True)
class ReachLine:
    label: str
    share: float | None
    reference: float | None


def _x(value: float) -> float:
    return LEFT + (RIGHT - LEFT) * max(0.0, min(value, 100.0)) / 100.0


def _frame(rows: int, title: str, legend: Sequence[tuple[str, str]]) -> Scene:
    scene = Scene(WIDTH, TOP + ROW * max(rows, 1) + 28)
    scene.add(Text(8, 16, title, 11.0, bold=True))
    x = LEFT
    for color, text in legend:
        scene.add(Rect(x, 24, 9, 9, color), Text(x + 13, 32, text, SMALL, color=DARK))
        x += 30 + text_width(text, SMALL)
    bottom = TOP + ROW * max(rows, 1)
    for tick in range(0, 101, 20):
        scene.add(Line(((_x(tick), TOP - 4), (_x(tick), bottom)), GRID, 0.6))
        scene.add(Text(_x(tick), bottom + 14, f"{tick}%", TICK, anchor="middle", color=DARK))
    return scene


def _label(scene: Scene, text: str, centre: float) -> None:
    lines = textwrap.wrap(text, 36)[:2] or [text]
    start = centre + 3 - 5 * (len(lines) - 1)
    for n, line in enumerate(lines):
        scene.add(Text(LEFT - 8, start + 10 * n, line, SMALL, anchor="end"))


def peers_chart(
    lines: Sequence[PeerLine], *, title: str, centre: str, peers: str, no_value: str
) -> Chart:
    """The centre (dot) against its peers' range and middle half, per indicator."""
    scene = _frame(len(lines), title, [(CENTRE, centre), (BOX, peers)])
    for n, line in enumerate(lines):
        mid = TOP + ROW * n + ROW / 2
        _label(scene, line.label, mid)
        if line.quartiles is not None:
            low, q1, median, q3, high = line.quartiles
            scene.add(Line(((_x(low), mid), (_x(high), mid)), RANGE, 1.0))
            scene.add(Rect(_x(q1), mid - 6, max(_x(q3) - _x(q1), 1.0), 12, BOX))
            scene.add(Line(((_x(median), mid - 8), (_x(median), mid + 8)), DARK, 2.0))
        if line.centre is None:
            scene.add(Text(RIGHT + 4, mid + 3, no_value, SMALL, color=DARK))
            continue
        scene.add(Circle(_x(line.centre), mid, 4.5, CENTRE))
        scene.add(Text(RIGHT + 4, mid + 3, f"{line.centre:.1f}%", SMALL, color=DARK))
    return Chart(scene, title)


def reach_chart(
    lines: Sequence[ReachLine], *, title: str, share: str, reference: str, no_value: str
) -> Chart:
    """Each group's share (bar) against the network's reference share (tick)."""
    scene = _frame(len(lines), title, [(OKABE_ITO[0], share), (DARK, reference)])
    for n, line in enumerate(lines):
        mid = TOP + ROW * n + ROW / 2
        _label(scene, line.label, mid)
        if line.share is not None:
            scene.add(Rect(LEFT, mid - 6, max(_x(line.share) - LEFT, 0.5), 12, OKABE_ITO[0]))
        if line.reference is not None:
            x = _x(line.reference)
            scene.add(Line(((x, mid - 10), (x, mid + 10)), DARK, 2.5))
        words = no_value if line.share is None else f"{line.share:.1f}%"
        if line.reference is not None:
            words += f" / {line.reference:.1f}%"
        scene.add(Text(RIGHT + 4, mid + 3, words, SMALL, color=DARK))
    return Chart(scene, title)
