"""The dashboard's content without the database: headline figures from stored tables
(the response rate of the round beside an outcome, a partner's own rows), the drill-down's
order and its totals, a stored table with no row, and hidden values that stay hidden in
words and charts."""

from __future__ import annotations

from datetime import UTC, datetime

from cometa.network.dashboard.content import cell_text, figures, lines, trend_figure
from cometa.network.dashboard.drill import drill
from cometa.network.dashboard.headline import HEADLINE, response_code
from cometa.network.indicators.store import Cell, shown_table
from cometa.network.indicators.stored import Point

WHEN = datetime(2026, 12, 7, tzinfo=UTC)


def _table(code, rows, cells, by="member", columns=("F", "M")):
    return shown_table(code=code, version=1, by=by, dimension="sex", k=5, rows=rows,
                       columns=columns, cells=cells)  # fmt: skip


def test_an_outcome_is_read_with_its_rounds_response_rate():
    assert response_code("CI-07-FU6") == "CI-12-FU6"
    assert response_code("CI-07-FU6-C") == "CI-12-FU6"
    assert response_code("CI-12-FU6") is None and response_code("CI-05") is None
    net = [[1, "Net"]]
    network = {
        "CI-07-FU6": _table("CI-07-FU6", net, [[[40, 10], None, [45, 12]]] * 2, "network"),
        "CI-12-FU6": _table("CI-12-FU6", net, [[[90, 45], None, [100, 48]]] * 2, "network"),
    }
    members = {
        "CI-07-FU6": _table("CI-07-FU6", [[7, "Ours"]], [[[20, 5], None, [22, 6]],
                                                         [[40, 10], None, [45, 12]]]),
        "CI-12-FU6": _table("CI-12-FU6", [[7, "Ours"]], [[[30, 20], None, [33, 22]],
                                                         [[90, 45], None, [100, 48]]]),
    }  # fmt: skip
    found = {figure.code: figure for figure in figures(network, {}, members)}
    working = found["CI-07-FU6"]
    assert (working.cell.n, working.cell.numerator) == (45, 12)
    assert (working.response.n, working.response.numerator) == (100, 48)
    [own] = working.own
    assert (own.label, own.cell.n, own.response.numerator) == ("Ours", 22, 22)
    assert found["CI-01"].cell is None  # no such table in this run: "not computed"
    assert [figure.code for figure in found.values()] == [h.code for h in HEADLINE]


def test_hidden_values_stay_words_and_gaps():
    hidden = Cell(None, None)
    assert cell_text(hidden, True) == "hidden" and cell_text(None, True) == "not computed"
    assert cell_text(Cell(8, 2), True) == "25.0% (2 of 8)"
    assert cell_text(Cell(1200, None), False) == "1,200"
    points = [Point("2022", Cell(10, 5), WHEN), Point("2023", hidden, WHEN),
              Point("2024", Cell(10, 7), WHEN), Point("2024-Q1", Cell(10, 1), WHEN)]  # fmt: skip
    chart = trend_figure("Completion", True, points)
    assert chart is not None and "<svg" in chart.svg
    assert ">70</text>" in chart.svg and ">10</text>" not in chart.svg  # the last value only
    assert trend_figure("Completion", True, points[:2]) is None  # one year with a value


def test_the_drill_down_sorts_keeps_totals_apart_and_hidden_last():
    table = _table("CI-05", [[1, "Beta"], [2, "alpha"], [3, "Gamma"]], [
        [[10, 5], [10, 2], [20, 7]],
        [[30, 3], None, None],
        [[12, 12], [10, 1], [22, 13]],
        [[52, 20], [40, 10], [92, 30]],
    ])  # fmt: skip
    by_name = drill(table)
    assert [row.label for row in by_name.rows] == ["alpha", "Beta", "Gamma"]
    assert by_name.totals.pk is None and by_name.totals.total.n == 92
    assert by_name.hidden == 2 and by_name.columns[-1] == ("", "")
    assert [row.label for row in drill(table, sort="n").rows] == ["Gamma", "Beta", "alpha"]
    assert [row.label for row in drill(table, sort="value").rows] == ["Gamma", "Beta", "alpha"]
    assert drill(table, sort="anything").rows[0].label == "alpha"
    assert by_name.columns[0] == ("F", "Female")


def test_a_table_without_rows_keeps_rows_and_cells_in_step():
    empty = _table("CI-05", [], [[[0, 0], [0, 0], [0, 0]], [[0, 0], [0, 0], [0, 0]]])
    assert len(empty.cells) == 1 and len(empty.rows) == 1  # an older run's placeholder line dropped
    assert [pk for (pk, _label), _cells in lines(empty)] == [None]
    found = drill(empty)
    assert found.rows == () and found.totals.total.n == 0
