"""Every output of the stored indicators is searched for counts of 1 to k−1 people (issue
11, section 2: "a test searches every output for cells between 1 and k−1").

An *output* is what a reader receives: the API's JSON of every table and of the trends,
the CLI's CSV and its XLSX read back with openpyxl. Each is turned into rows of counts
(``n``, ``numerator``, and ``without`` = n − numerator, which a rate with its n gives
away) tagged with the indicator ``code``, and searched with
``cometa.indicators.disclosure.small_counts`` at the k of that indicator's tables (the
strict k for a sensitive one).

**Adding an output** (a dashboard page, the PDF or Word of a report, a chart's table):
write a function ``(Context) -> list[Output]`` that produces it from ``context.net`` (a
generated network with a stored run; ``context.tmp`` for files) and turns what a reader
sees into rows with ``code`` and the count columns, and decorate it with
``@producer("name")`` (``from_run=False`` for one computed afresh rather than read from the
run). The three tests then cover it: nothing small with disclosure control on, a planted
small cell found (an output of the run passes the stored values through and the search is
not blind), and small cells found when disclosure control is turned off.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from cometa.indicators.disclosure import Controlled, small_counts, small_counts_in_csv
from cometa.network.indicators import tables as controlled
from cometa.network.indicators.compute import BY
from cometa.network.indicators.definitions import COMMON
from cometa.network.models import StoredTable
from tests.conftest import signed_in
from tests.network.indicators.people import Stored, stored_network

pytestmark = pytest.mark.django_db

Row = dict[str, object]


@dataclass(frozen=True)
class Output:
    name: str
    rows: list[Row]  # each with "code" and count columns
    csv: str = ""  # a CSV file as written: also searched as text at the run's k
    k: int | None = None  # one threshold for every table (a published file: the strict k)


@dataclass(frozen=True)
class Context:
    net: Stored
    tmp: Path


PRODUCERS: dict[str, Callable[[Context], list[Output]]] = {}
FROM_RUN: set[str] = set()  # producers that show the stored run's values (not recounted)


def producer(name: str, *, from_run: bool = True) -> Callable[..., Any]:
    def register(function: Callable[[Context], list[Output]]) -> Any:
        PRODUCERS[name] = function
        if from_run:
            FROM_RUN.add(name)
        return function

    return register


def _counts(code: str, n: object, numerator: object) -> Row:
    row: Row = {"code": code, "n": n, "numerator": numerator}
    if isinstance(n, int) and isinstance(numerator, int):
        row["without"] = n - numerator
    return row


@producer("api tables")
def api_tables(context: Context) -> list[Output]:
    net, found = context.net, []
    for person in (net.coordinator, net.partner_viewer):
        for by in BY:
            url = f"/api/v1/network/networks/{net.network.pk}/indicators/runs/{net.run.pk}/tables/"
            answer = signed_in(person).get(url, {"by": by})
            assert answer.status_code == 200
            rows = [_counts(t["code"], c["n"], c["numerator"]) for t in answer.json()
                    for r in t["rows"] for c in r["cells"]]  # fmt: skip
            found.append(Output(f"api tables by {by} for {person}", rows))
    return found


@producer("api trends")
def api_trends(context: Context) -> list[Output]:
    net, rows = context.net, []
    for common in COMMON:
        url = f"/api/v1/network/networks/{net.network.pk}/indicators/trend/{common.code}/"
        answer = signed_in(net.partner_viewer).get(url)
        assert answer.status_code == 200
        rows += [_counts(common.code, p["n"], p["numerator"]) for p in answer.json()]
    return [Output("api trends", rows)]


def _cli(context: Context, by: str, fmt: str) -> Path:
    path = context.tmp / f"indicators-{by}.{fmt}"
    call_command("network", "indicators", "--network", str(context.net.network.pk),
                 "--period", context.net.run.period, "--by", by, "--format", fmt,
                 "--output", str(path), stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
    return path


def _whole(value: object) -> object:
    return int(value) if isinstance(value, str) and value.isdigit() else value


def _long(rows: Iterable[Mapping[str, object]]) -> list[Row]:
    return [_counts(str(r["code"]), _whole(r["n"]), _whole(r["numerator"])) for r in rows]


@producer("cli csv")
def cli_csv(context: Context) -> list[Output]:
    found = []
    for by in BY:
        text = _cli(context, by, "csv").read_bytes().decode("utf-8-sig")
        found.append(Output(f"cli csv by {by}", _long(csv.DictReader(io.StringIO(text))), text))
    return found


@producer("cli csv published", from_run=False)
def cli_csv_published(context: Context) -> list[Output]:
    net, found = context.net, []
    for by in BY:
        path = context.tmp / f"published-{by}.csv"
        call_command("network", "indicators", "--network", str(net.network.pk), "--period",
                     net.run.period, "--by", by, "--published", "--format", "csv", "--output",
                     str(path), stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
        text = path.read_bytes().decode("utf-8-sig")
        rows = _long(csv.DictReader(io.StringIO(text)))
        found.append(
            Output(f"published csv by {by}", rows, text, net.network.cell_threshold_strict)
        )
    return found


@producer("cli xlsx")
def cli_xlsx(context: Context) -> list[Output]:
    found = []
    for by in BY:
        sheet = load_workbook(_cli(context, by, "xlsx"))["indicators"]
        header, *lines = list(sheet.iter_rows(values_only=True))
        rows = [dict(zip(map(str, header), line, strict=True)) for line in lines]
        found.append(Output(f"cli xlsx by {by}", _long(rows)))
    return found


_TD = re.compile(r"<td>(.*?)</td>", re.S)
_ROW = re.compile(r"<tr><th scope=\"row\">.*?</tr>", re.S)
_RATE = re.compile(r"([0-9.]+)&nbsp;%")
_N = re.compile(r"n&nbsp;=&nbsp;(\d+)")


def _page_cell(code: str, html: str) -> Row | None:
    """A drill-down cell as a reader sees it: a count, or a rate with its n (the
    numerator follows from the two); None where hidden or empty."""
    text = html.strip()
    n = _N.search(text)
    if n is None:
        return _counts(code, int(text), None) if text.isdigit() else None
    rate = _RATE.search(text)
    numerator = round(float(rate.group(1)) * int(n.group(1)) / 100) if rate else 0
    return _counts(code, int(n.group(1)), numerator)


@producer("drill-down pages")
def drill_down_pages(context: Context) -> list[Output]:
    """Each indicator's page by centre and by member, columns by age: the cells of every
    row and of the totals (the round's response rate column left out: it is CI-12's)."""
    net, found = context.net, []
    width = {code: len(columns) + 1 for code, columns in StoredTable.objects.filter(
        run=net.run, by="site", dimension="age").values_list("code", "columns")}  # fmt: skip
    for person in (net.coordinator, net.partner_viewer):
        rows: list[Row] = []
        for common in COMMON:
            for by in ("site", "member"):
                url = f"/network/{net.network.pk}/indicators/{common.code}/"
                answer = signed_in(person).get(url, {"by": by, "dimension": "age"})
                assert answer.status_code == 200
                for line in _ROW.findall(answer.content.decode()):
                    cells = _TD.findall(line)[: width[common.code]]
                    rows += [c for c in (_page_cell(common.code, td) for td in cells) if c]
        found.append(Output(f"drill-down pages for {person}", rows))
    return found


def _thresholds(net: Stored) -> dict[str, int]:
    """The k each indicator's tables were controlled at (the strictest if several)."""
    found: dict[str, int] = {}
    for code, k in StoredTable.objects.filter(run=net.run).values_list("code", "k"):
        found[code] = max(k, found.get(code, 0))
    return found


def leaks(output: Output, thresholds: Mapping[str, int], k: int) -> list[tuple[str, Any]]:
    """Every count of 1 to k−1 in the output, each at its indicator's k."""
    by_code: dict[str, list[Row]] = {}
    for row in output.rows:
        by_code.setdefault(str(row["code"]), []).append(row)
    found = [(code, small) for code, rows in by_code.items()
             for small in small_counts(rows, output.k or thresholds.get(code, k))]  # fmt: skip
    if output.csv:
        found += [("csv", small) for small in small_counts_in_csv(output.csv, output.k or k)]
    return found


def _outputs(name: str, net: Stored, tmp: Path) -> list[Output]:
    outputs = PRODUCERS[name](Context(net, tmp))
    assert outputs and all(any(r["n"] is not None for r in o.rows) for o in outputs), name
    return outputs


@pytest.mark.parametrize("name", sorted(PRODUCERS))
def test_no_output_shows_a_count_from_1_to_k_minus_1(name, tmp_path):
    net = stored_network()
    thresholds = _thresholds(net)
    for output in _outputs(name, net, tmp_path):
        assert leaks(output, thresholds, net.run.k) == [], output.name


def _plant(net: Stored) -> None:
    """What a broken control would let through, in every table's released totals: 3 women
    enrolled (CI-01), and a completion rate of 38 of 40 (2 without: CI-05)."""
    for code, entry in (("CI-01", [3, None]), ("CI-05", [40, 38])):
        for table in StoredTable.objects.filter(run=net.run, code=code):
            table.cells[-1][-1] = entry
            table.save(update_fields=["cells"])


@pytest.mark.parametrize("name", sorted(FROM_RUN))
def test_a_planted_small_count_is_found_in_every_output(name, tmp_path):
    net = stored_network()
    _plant(net)
    thresholds = _thresholds(net)
    for output in _outputs(name, net, tmp_path):
        found = leaks(output, thresholds, net.run.k)
        assert ("CI-01", 3) in {(code, small.value) for code, small in found}, output.name
        assert ("CI-05", 2) in {(code, small.value) for code, small in found}, output.name
        if output.csv:
            assert any(code == "csv" and small.value == 3 for code, small in found)


def _open_counts(counts: Any, k: int, *, extra: Any = None) -> Any:
    return controlled.extend(counts), Controlled(frozenset(), {})


def _open_rates(numerators: Any, denominators: Any, k: int, **options: Any) -> Any:
    nothing = Controlled(frozenset(), {})
    return controlled.extend(numerators), controlled.extend(denominators), nothing


@pytest.mark.parametrize("name", sorted(PRODUCERS))
def test_with_disclosure_control_turned_off_small_counts_are_found(name, tmp_path, monkeypatch):
    monkeypatch.setattr(controlled, "protect_counts", _open_counts)
    monkeypatch.setattr(controlled, "protect_rates", _open_rates)
    net = stored_network(women=30)  # small enough that even the network's totals are small
    thresholds = _thresholds(net)
    found = [leak for output in _outputs(name, net, tmp_path)
             for leak in leaks(output, thresholds, net.run.k)]  # fmt: skip
    assert found, name
