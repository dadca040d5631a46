"""The benchmark harness's pure parts: percentiles, tables, the registry and the runner.

No timing is asserted anywhere: the benchmarks themselves run with scripts/bench.
"""

from __future__ import annotations

import json
import math
import statistics
from email.message import Message
from typing import Any, cast

import pytest

from benchmarks import Options, Result, Table, format_markdown, format_table, percentile
from benchmarks import http as http_bench
from benchmarks import run as runner
from benchmarks.machine import describe, summary

CALLS: list[Options] = []


def fake_benchmark(options: Options) -> Result:
    CALLS.append(options)
    return Result(
        tables=[Table("Fake", ["name", "value"], [["a", 1.5], ["b", None]], ["a note"])],
        data={"quick": options.quick},
    )


# --- percentiles -------------------------------------------------------------------


def test_percentile_interpolates_between_ranks() -> None:
    values = [4.0, 1.0, 3.0, 2.0]  # unsorted on purpose
    assert percentile(values, 0) == 1.0
    assert percentile(values, 100) == 4.0
    assert percentile(values, 50) == pytest.approx(2.5)
    assert percentile(values, 95) == pytest.approx(3.85)


def test_percentile_matches_the_standard_library() -> None:
    values = [float(x * x % 97) for x in range(1, 250)]
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    for p in (5, 25, 50, 75, 95, 99):
        assert percentile(values, p) == pytest.approx(cuts[p - 1])


def test_percentile_edge_cases() -> None:
    assert math.isnan(percentile([], 50))
    assert percentile([7.0], 95) == 7.0
    with pytest.raises(ValueError):
        percentile([1.0], 101)


# --- tables --------------------------------------------------------------------------


def test_text_table_aligns_numbers_right_and_text_left() -> None:
    table = Table(
        "Title",
        ["endpoint", "rps"],
        [["/healthz", 1234.5], ["/", 9.876], ["/x", None]],
        ["a note"],
    )
    lines = format_table(table).splitlines()
    assert lines[:2] == ["Title", "====="]
    assert lines[2].split() == ["endpoint", "rps"]
    assert lines[4] == "/healthz  1,234"  # large floats: no decimals, thousands separated
    assert lines[5] == "/          9.88"
    assert lines[6] == "/x            –"  # a missing value, still right-aligned
    assert lines[-1] == "  a note"


def test_markdown_table() -> None:
    table = Table("T", ["name", "n"], [["a|b", 3], ["c", 12]], ["note"])
    assert format_markdown(table).splitlines() == [
        "**T**",
        "",
        "| name | n |",
        "| --- | ---: |",
        "| a\\|b | 3 |",
        "| c | 12 |",
        "",
        "- note",
    ]


# --- registry and runner ---------------------------------------------------------------


def test_registry_lists_http_as_a_callable() -> None:
    assert "http" in runner.BENCHMARKS
    assert all(callable(benchmark) for benchmark in runner.BENCHMARKS.values())


def test_select_keeps_registry_order_and_rejects_unknown_names() -> None:
    registry = {"a": fake_benchmark, "b": fake_benchmark, "c": fake_benchmark}
    assert list(runner.select(None, registry)) == ["a", "b", "c"]
    assert list(runner.select(["c", "a"], registry)) == ["a", "c"]
    with pytest.raises(KeyError, match="nope"):
        runner.select(["nope"], registry)


def test_lazy_imports_only_when_run() -> None:
    benchmark = runner.lazy("tests.benchmarks.test_harness:fake_benchmark")
    CALLS.clear()
    result = benchmark(Options(quick=True))
    assert len(CALLS) == 1
    assert CALLS[0].quick is True
    assert result.data == {"quick": True}


def test_main_prints_tables_and_writes_json(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(runner, "BENCHMARKS", {"fake": fake_benchmark})
    monkeypatch.setattr(runner.signal, "signal", lambda *args: None)
    output = tmp_path / "out.json"
    assert runner.main(["--quick", "--only", "fake", "--output", str(output)]) == 0
    printed = capsys.readouterr().out
    assert "Machine: " in printed and "Fake" in printed
    report = json.loads(output.read_text())
    assert report["quick"] is True
    assert {"cores", "ram_gib", "cpu", "os", "python", "sqlite", "postgresql"} <= set(
        report["machine"]
    )
    assert report["benchmarks"]["fake"]["tables"][0]["rows"] == [["a", 1.5], ["b", None]]
    assert runner.main(["--only", "missing", "--output", str(output)]) == 2


def test_machine_summary_names_the_versions() -> None:
    machine = describe(None)
    text = summary(machine)
    assert f"SQLite {machine['sqlite']}" in text
    assert "no --postgres" in text


# --- the HTTP benchmark's arithmetic ------------------------------------------------------


def cell(endpoint: str, clients: int, latencies: list[float], seconds: float) -> http_bench.Cell:
    return http_bench.Cell(
        endpoint=endpoint,
        clients=clients,
        latencies=latencies,
        errors=0,
        seconds=seconds,
        client_cpu_seconds=seconds / 4,
        worker_cpu_seconds=[seconds / 2, seconds / 4],
    )


def test_cell_figures_and_ratio_against_healthz() -> None:
    healthz = cell("/healthz", 8, [0.001] * 400, 2.0)  # 200 rps
    page = cell("/", 8, [0.010] * 50 + [0.030] * 50, 2.0)  # 50 rps
    assert healthz.rps == 200
    assert page.ms(50) == pytest.approx(20.0)
    assert page.ms(95) == pytest.approx(30.0)
    assert page.server_cpu_ms_per_request == pytest.approx(15.0)
    table = http_bench.table("SQLite", [healthz, page], duration=3, max_requests=100)
    ratio = table.columns.index("rps / healthz")
    assert [row[ratio] for row in table.rows] == [1.0, 0.25]
    assert page.busiest_worker_percent == pytest.approx(200 / 3)
    assert page.as_dict()["p95_ms"] == 30.0


def test_cookies_are_read_whatever_their_secure_flag() -> None:
    message = Message()
    message["Set-Cookie"] = "csrftoken=abc; Path=/; SameSite=Lax; Secure"
    message["Set-Cookie"] = 'sessionid="xyz"; HttpOnly; Secure'
    reply = http_bench.Reply(302, cast(Any, message), b"")
    jar = http_bench.cookies_from(reply, {})
    assert jar == {"csrftoken": "abc", "sessionid": "xyz"}
    assert http_bench.cookie_header(jar) == "csrftoken=abc; sessionid=xyz"
