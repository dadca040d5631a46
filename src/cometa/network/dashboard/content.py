"""The dashboard's headline figures, shaped from a stored run's tables and the trend of each
indicator, without the database: every value here was stored after disclosure control,
so nothing is counted or recovered, and a hidden value stays hidden (a marker, never a
number).

A figure is the network's total of one headline indicator in the run, with its n and, for
an outcome of a follow-up round, the round's response rate. For a partner's staff it also
carries their own members' rows (the tables by member, already narrowed to their rows by
``stored.run_tables``). Its trend is the network's total in each period computed; the
years among them are drawn as a line (``reports.charts.trend_chart``) and every point is
also in a table beside the chart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from cometa.network.dashboard.headline import HEADLINE, Headline, response_code
from cometa.network.indicators.definitions import by_code
from cometa.network.indicators.store import Cell, ShownTable
from cometa.network.indicators.stored import Point
from cometa.reports.charts import Chart, trend_chart

__all__ = [
    "HIDDEN",
    "Figure",
    "OwnRow",
    "cell_text",
    "figures",
    "lines",
    "totals_by_row",
    "trend_alt",
    "wanted_codes",
]

HIDDEN = Cell(None, None)


@dataclass(frozen=True)
class OwnRow:
    """One of the partner's own members: its value and its round's response rate."""

    label: str
    cell: Cell
    response: Cell | None


@dataclass(frozen=True)
class Figure:
    code: str
    title: str
    about: str
    is_rate: bool
    cell: Cell | None  # None: the run has no such table
    response: Cell | None  # the round's response rate, for a follow-up outcome
    own: tuple[OwnRow, ...]
    trend: tuple[Point, ...]
    chart: Chart | None

    @property
    def response_code(self) -> str | None:
        return response_code(self.code)


def wanted_codes(headlines: Sequence[Headline] = HEADLINE) -> list[str]:
    """The headline codes and the response rates their outcomes are read with."""
    found = [headline.code for headline in headlines]
    for headline in headlines:
        extra = response_code(headline.code)
        if extra and extra not in found:
            found.append(extra)
    return found


def _own(table: ShownTable | None, responses: ShownTable | None) -> tuple[OwnRow, ...]:
    if table is None:
        return ()
    answered = totals_by_row(responses) if responses else {}
    return tuple(
        OwnRow(label, line[-1], answered.get(pk))
        for (pk, label), line in lines(table)
        if pk is not None
    )


def lines(table: ShownTable) -> list[tuple[tuple[int | None, str], tuple[Cell, ...]]]:
    """Each row with its cells, the totals row last."""
    return list(zip(table.rows, table.cells, strict=True))


def totals_by_row(table: ShownTable) -> dict[int | None, Cell]:
    """Each row's total (the totals row under None)."""
    return {pk: line[-1] for (pk, _label), line in lines(table)}


def figures(
    network: Mapping[str, ShownTable],
    trends: Mapping[str, Sequence[Point]],
    members: Mapping[str, ShownTable] | None = None,
    headlines: Sequence[Headline] = HEADLINE,
) -> list[Figure]:
    """One figure per headline: ``network`` holds the run's tables by network (one per
    code), ``members`` the tables by member when the reader is a partner's staff."""
    found = []
    for headline in headlines:
        code, title = headline.code, str(headline.title)
        answered = response_code(code)
        table = network.get(code)
        is_rate = by_code()[code].is_rate
        points = tuple(trends.get(code, ()))
        found.append(
            Figure(
                code=code, title=title, about=str(headline.about), is_rate=is_rate,
                cell=table.total if table else None,
                response=network[answered].total if answered and answered in network else None,
                own=_own((members or {}).get(code),
                         (members or {}).get(answered) if answered else None),
                trend=points, chart=trend_figure(title, is_rate, points),
            )
        )  # fmt: skip
    return found


def trend_figure(title: str, is_rate: bool, points: Sequence[Point]) -> Chart | None:
    """The years among the points as a line (a hidden year is a gap); None when fewer
    than two years have a value to draw."""
    years = [(int(point.period), point.cell.value) for point in points if point.period.isdigit()]
    if sum(1 for _year, value in years if value is not None) < 2:
        return None
    return trend_chart(
        [year for year, _value in years],
        {title: [None if value is None else float(value) for _year, value in years]},
        title=title,
        y_label=_("Per cent") if is_rate else _("Women"),
    )


def cell_text(cell: Cell | None, is_rate: bool) -> str:
    """A value as plain text (the PDF, the Word file and chart descriptions): the rate
    with its numerator and n, the count, "hidden" or "not computed"."""
    if cell is None:
        return _("not computed")
    if cell.hidden:
        return _("hidden")
    if not is_rate:
        return f"{cell.n:,}"
    if cell.rate is None:
        return _("no one (n = 0)")
    return _("%(rate)s%% (%(numerator)s of %(n)s)") % {
        "rate": cell.rate, "numerator": f"{cell.numerator:,}", "n": f"{cell.n:,}",
    }  # fmt: skip


def trend_alt(figure: Figure) -> str:
    """The chart in words, for screen readers."""
    points = "; ".join(
        f"{point.period}: {cell_text(point.cell, figure.is_rate)}" for point in figure.trend
    )
    return _("%(title)s by period: %(points)s.") % {"title": figure.title, "points": points}
