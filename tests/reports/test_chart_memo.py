"""Charts are drawn one at a time per process, and once for the same arguments."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest

from cometa.reports import chart_memo
from cometa.reports.charts import trend_chart
from tests.reports import ratings_chart


@pytest.fixture(autouse=True)
def empty_memo() -> Iterator[None]:
    chart_memo.cache_clear()
    yield
    chart_memo.cache_clear()


def test_the_same_arguments_give_the_chart_already_drawn() -> None:
    first = ratings_chart()
    assert chart_memo.cache_size() == 1
    assert ratings_chart() is first
    assert chart_memo.cache_size() == 1


def test_other_arguments_draw_another_chart() -> None:
    one = trend_chart([2021, 2022], {"Meets": [1.0, 2.0]}, title="Trend")
    other = trend_chart([2021, 2022], {"Meets": [1.0, 3.0]}, title="Trend")
    assert one is not other and one.png != other.png
    assert chart_memo.cache_size() == 2


def test_the_order_of_series_is_part_of_the_key() -> None:
    forward = trend_chart([2021, 2022], {"A": [1.0, 2.0], "B": [2.0, 1.0]})
    backward = trend_chart([2021, 2022], {"B": [2.0, 1.0], "A": [1.0, 2.0]})
    assert forward is not backward


def test_the_memo_keeps_only_the_most_recent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart_memo, "SIZE", 2)
    first = trend_chart([2021, 2022], {"A": [1.0, 1.0]})
    trend_chart([2021, 2022], {"A": [2.0, 2.0]})
    trend_chart([2021, 2022], {"A": [3.0, 3.0]})
    assert chart_memo.cache_size() == 2
    assert trend_chart([2021, 2022], {"A": [1.0, 1.0]}) is not first  # drawn again


def test_freeze_tells_apart_values_that_compare_equal() -> None:
    assert chart_memo.freeze([1, 2]) == chart_memo.freeze((1, 2))
    assert chart_memo.freeze(1) != chart_memo.freeze(1.0)
    assert chart_memo.freeze({"a": 1, "b": 2}) != chart_memo.freeze({"b": 2, "a": 1})
    with pytest.raises(TypeError, match="set"):
        chart_memo.freeze({1, 2})


def test_charts_drawn_by_threads_at_once_are_the_charts_drawn_alone() -> None:
    """matplotlib's settings are global: without the lock, one thread's rc_context
    restores the defaults while another draws (seen: SVG text drawn as paths)."""
    series = [{"Meets": [float(n), float(n + 1), float(n % 3)]} for n in range(8)]
    alone = []
    for points in series:
        alone.append(trend_chart([2020, 2021, 2022], points, title="Trend"))
        chart_memo.cache_clear()
    expected = [(chart.png, chart.svg) for chart in alone]
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # threads take turns often, as under load
    try:
        for _round in range(ROUNDS):
            chart_memo.cache_clear()
            assert _drawn_together(series) == expected
    finally:
        sys.setswitchinterval(switch)


ROUNDS = 3


def _drawn_together(series: list[dict[str, list[float]]]) -> list[tuple[bytes, str]]:
    drawn: list[tuple[bytes, str]] = [(b"", "")] * len(series)
    start = threading.Barrier(len(series))

    def draw(index: int) -> None:
        start.wait()
        chart = trend_chart([2020, 2021, 2022], series[index], title="Trend")
        drawn[index] = (chart.png, chart.svg)

    threads = [threading.Thread(target=draw, args=(n,)) for n in range(len(series))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return drawn
