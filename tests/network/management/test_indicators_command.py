"""``cometa network indicators`` writes the latest stored run of a period as a long table
(CSV or XLSX, formula-safe), computes and stores one as the system when the period has
none (and says so on stderr), refuses a bad network or period; ``recompute --period``
stores a run after rebuilding the facts."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from cometa.network.indicators.definitions import COMMON
from cometa.network.indicators.selectors import controlled_tables
from cometa.network.indicators.store import shown_table
from cometa.network.management.indicators import HEADERS
from cometa.network.models import IndicatorRun, Site, StoredTable
from tests.network.indicators.people import EVERYTHING, stored_network

pytestmark = pytest.mark.django_db


@pytest.fixture
def net():
    return stored_network()


def _run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("network", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _lines(path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def test_the_csv_is_the_stored_run_entry_by_entry(net, tmp_path):
    path = tmp_path / "ind.csv"
    network = str(net.network.pk)
    out, err = _run("indicators", "--network", network, "--period", net.run.period,
                    "--by", "site", "--format", "csv", "--output", str(path))  # fmt: skip
    assert f"run {net.run.pk}" in out and err == ""
    lines = _lines(path)
    assert tuple(lines[0]) == HEADERS
    table = StoredTable.objects.get(run=net.run, by="site", dimension="age", code="CI-05")
    shown = shown_table(code=table.code, version=table.version, by="site", dimension="age",
                        k=table.k, rows=table.rows, columns=table.columns,
                        cells=table.cells)  # fmt: skip
    mine = [line for line in lines if line["code"] == "CI-05" and line["dimension"] == "age"]
    expected = [
        (label or "Total", column or "_T", "" if c.n is None else str(c.n),
         "yes" if c.hidden else "no")
        for (_, label), line in zip(shown.rows, shown.cells, strict=True)
        for column, c in zip(shown.columns, line, strict=True)
    ]  # fmt: skip
    assert [(x["row"], x["column"], x["n"], x["hidden"]) for x in mine] == expected
    assert {x["version"] for x in mine} == {str(table.version)}
    assert {x["by"] for x in lines} == {"site"}
    assert len({x["code"] for x in lines}) == len(COMMON) and any(
        x["hidden"] == "yes" for x in lines
    )


def test_the_xlsx_reads_back_with_a_formula_safe_site_name(net, tmp_path):
    site = Site.objects.filter(member=net.partner).first()
    for table in StoredTable.objects.filter(run=net.run, by="site"):
        table.rows = [[pk, "=HYPERLINK(1)" if pk == site.pk else label] for pk, label in table.rows]
        table.save(update_fields=["rows"])
    path = tmp_path / "ind.xlsx"
    _run("indicators", "--network", str(net.network.pk), "--by", "site", "--dimension", "sex",
         "--format", "xlsx", "--output", str(path))  # fmt: skip
    book = load_workbook(path)
    sheet = book["indicators"]
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[0] == HEADERS
    assert {line[4] for line in lines[1:]} == {"sex"}
    assert "'=HYPERLINK(1)" in {line[3] for line in lines[1:]}
    about = dict(book["run"].iter_rows(min_row=2, values_only=True))
    assert (about["run"], about["k"]) == (net.run.pk, net.run.k)


def test_by_a_dimension_means_that_dimension_by_network(net, tmp_path):
    path = tmp_path / "age.csv"
    _run("indicators", "--network", str(net.network.pk), "--by", "age", "--format", "csv",
         "--output", str(path))  # fmt: skip
    lines = _lines(path)
    assert {(x["by"], x["dimension"]) for x in lines} == {("network", "age")}
    with pytest.raises(CommandError, match="--by age is a dimension"):
        _run("indicators", "--network", str(net.network.pk), "--by", "age", "--dimension",
             "sex", "--format", "csv", "--output", str(path))  # fmt: skip


def test_a_period_without_a_run_is_computed_and_said(net, tmp_path):
    path = tmp_path / "y.csv"
    _, err = _run("indicators", "--network", str(net.network.pk), "--period", "2024",
                  "--format", "csv", "--output", str(path))  # fmt: skip
    assert "No stored run of 2024" in err and "as the system" in err
    run = IndicatorRun.objects.get(network=net.network, period="2024")
    assert run.computed_by is None and _lines(path)


def test_a_bad_network_or_period_is_refused(net, tmp_path):
    path = str(tmp_path / "x.csv")
    with pytest.raises(CommandError, match="--network: there is no network 999999"):
        _run("indicators", "--network", "999999", "--format", "csv", "--output", path)
    with pytest.raises(CommandError, match="--period"):
        _run("indicators", "--network", str(net.network.pk), "--period", "2024-13",
             "--format", "csv", "--output", path)  # fmt: skip
    IndicatorRun.objects.all().delete()
    with pytest.raises(CommandError, match="no stored run: give --period"):
        _run("indicators", "--network", str(net.network.pk), "--format", "csv", "--output", path)


def test_recompute_with_a_period_stores_a_run(net):
    out, err = _run("recompute", "--network", str(net.network.pk), "--period", "2024")
    run = IndicatorRun.objects.get(network=net.network, period="2024")
    assert f"Run {run.pk} of 2024 stored." in out
    assert "Counting by site" in err and f"run {run.pk}" in err
    assert run.tables.count() == len(COMMON) * 6 * 4
    with pytest.raises(CommandError, match="--period"):
        _run("recompute", "--network", str(net.network.pk), "--period", "soon")


def test_published_is_computed_afresh_at_the_strict_threshold_and_stores_nothing(net, tmp_path):
    path = tmp_path / "pub.csv"
    runs = IndicatorRun.objects.count()
    out, _ = _run("indicators", "--network", str(net.network.pk), "--period", net.run.period,
                  "--by", "site", "--dimension", "age", "--published", "--format", "csv",
                  "--output", str(path))  # fmt: skip
    assert f"strict threshold {net.network.cell_threshold_strict}" in out
    assert IndicatorRun.objects.count() == runs
    [strict] = controlled_tables(net.network, EVERYTHING, by="site", dimensions=["age"],
                                 codes=["CI-05"], leaves_network=True)  # fmt: skip
    assert strict.k == net.network.cell_threshold_strict > net.run.k
    mine = [x for x in _lines(path) if x["code"] == "CI-05"]
    expected = [("" if c["n"] is None else str(c["n"])) for c in strict.cells()]
    assert [x["n"] for x in mine] == expected
    stored = [x["n"] for x in _lines_of_run(net, tmp_path) if x["code"] == "CI-05"]
    assert mine and stored != [x["n"] for x in mine]  # more is hidden at the strict k
    with pytest.raises(CommandError, match="--published: give --period"):
        _run("indicators", "--network", str(net.network.pk), "--published", "--format", "csv",
             "--output", str(path))  # fmt: skip


def _lines_of_run(net, tmp_path):
    path = tmp_path / "run.csv"
    _run("indicators", "--network", str(net.network.pk), "--period", net.run.period, "--by",
         "site", "--dimension", "age", "--format", "csv", "--output", str(path))  # fmt: skip
    return _lines(path)
