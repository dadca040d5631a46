"""The benchmark harness's pure parts: percentiles, tables, the registry and the runner.

No timing is asserted anywhere: the benchmarks themselves run with scripts/bench.
"""

from __future__ import annotations

import gc
import inspect
import json
import math
import statistics
import typing
from email.message import Message
from typing import Any, cast

import pytest

from benchmarks import (
    GcTimer,
    Options,
    Result,
    Table,
    format_markdown,
    format_table,
    http_server,
    percentile,
    scorecard_reports,
)
from benchmarks import http as http_bench
from benchmarks import run as runner
from benchmarks.machine import OtherWork, describe, summary
from benchmarks.postgres import scratch_url

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


def test_registry_lists_the_benchmarks() -> None:
    assert list(runner.BENCHMARKS) == [
        "http",
        "scorecard_engine",
        "scorecard_reports",
        "scorecard_global",
        "network_generate",
        "iati",
        "network_import",
        "results_report",
        "network_pages",
        "network_indicators",
        "network_dashboard",
        "disclosure_choice",
    ]
    assert all(callable(benchmark) for benchmark in runner.BENCHMARKS.values())


@pytest.mark.parametrize("name", list(runner.BENCHMARKS))
def test_each_lazy_target_resolves_to_an_entry_point(name: str) -> None:
    """Imports the benchmark's module (nothing runs): the function exists and takes the
    harness's Options and returns a Result, as benchmarks/run.py calls it."""
    benchmark = runner.BENCHMARKS[name]
    assert isinstance(benchmark, runner.Lazy)
    function = benchmark.resolve()
    assert callable(function)
    assert len(inspect.signature(function).parameters) == 1
    hints = typing.get_type_hints(function)
    assert hints.pop("return") is Result
    assert list(hints.values()) == [Options]


def test_resolve_defaults_to_run_and_reports_a_missing_function() -> None:
    assert runner.resolve("benchmarks.http") is http_bench.run
    with pytest.raises(AttributeError):
        runner.resolve("benchmarks.http:no_such_function")


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


def test_other_work_is_a_number_of_cores_or_unknown() -> None:
    other = OtherWork()
    sum(range(10_000))
    cores = other.cores()
    assert cores is None or cores >= 0


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
    reply = http_server.Reply(302, cast(Any, message), b"")
    jar = http_server.cookies_from(reply, {})
    assert jar == {"csrftoken": "abc", "sessionid": "xyz"}
    assert http_server.cookie_header(jar) == "csrftoken=abc; sessionid=xyz"


def test_server_environment_drops_the_developers_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    monkeypatch.setenv("COMETA_DEBUG", "1")
    monkeypatch.setenv("DATABASE_URL", "postgres://elsewhere/db")
    env = http_server.base_environment(tmp_path, None)
    assert "COMETA_DEBUG" not in env and "DATABASE_URL" not in env
    assert env["COMETA_ALLOWED_HOSTS"] == http_server.HOST == "127.0.0.1"
    assert env["COMETA_DATA_DIR"] == str(tmp_path)
    assert http_server.base_environment(tmp_path, "postgres://x/y")["DATABASE_URL"] == (
        "postgres://x/y"
    )


# --- PostgreSQL scratch databases ---------------------------------------------------------


def test_scratch_url_replaces_only_the_database() -> None:
    url = "postgres://postgres:secret@127.0.0.1:5432/test?sslmode=disable"
    assert scratch_url(url, "cometa_bench_1") == (
        "postgres://postgres:secret@127.0.0.1:5432/cometa_bench_1?sslmode=disable"
    )


def test_gc_timer_counts_the_collections_it_sees() -> None:
    with GcTimer() as timer:
        gc.collect()
    assert timer.collections >= 1
    assert timer.full >= 1
    assert timer.seconds >= 0
    assert timer._callback not in gc.callbacks  # removed on exit


# --- the scorecard reports' table -------------------------------------------------------------


def report_row(case: str, fmt: str, median: float, size: int | None) -> dict[str, Any]:
    return {
        "case": case,
        "format": fmt,
        "source": "seed import",
        "median_s": median,
        "min_s": median,
        "max_s": median,
        "cpu_s": median,
        "gc_s_per_run": 0.0,
        "peak_mib": 1.0,
        "bytes": size,
    }


def test_report_ratios_are_against_the_reference_of_the_same_format() -> None:
    rows = [
        report_row("reference", "pdf", 0.02, 1024),
        report_row("build", "-", 0.3, None),
        report_row("report", "pdf", 0.5, 2048),
        report_row("ratings", "csv", 0.002, 512),
    ]
    table = scorecard_reports.table(rows, quick=True)
    ratio = table.columns.index("× reference")
    assert [row[ratio] for row in table.rows] == [1.0, None, pytest.approx(25.0), None]
    assert table.rows[2][table.columns.index("median ms")] == pytest.approx(500.0)
    assert table.rows[1][table.columns.index("output KiB")] is None
