"""``cometa network indicators``: a stored run of the common indicators as one long
table (code, version, by, row, dimension, column, n, numerator, rate, hidden) in CSV or
XLSX, through the reports floor's formula-safe renderers; and the run ``cometa network
recompute --period`` stores after rebuilding the facts.

The command reads the latest full run of the period as it is stored: already through
disclosure control at the network's inside threshold k (a file an operator takes for the
backbone stays inside the network; see docs/network-indicators.md). If the period has no
run yet, one is computed and stored as the system, and stderr says so. ``--published``
is for a file that leaves the network: its tables are computed afresh from the facts at
the strict threshold (``leaves_network=True``), not read from a run, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO, cast

from django.core.management.base import CommandError, OutputWrapper

from cometa.accounts.acting import SYSTEM
from cometa.core.progress import Progress
from cometa.indicators.periods import Period, PeriodError, parse_period
from cometa.network.indicators.compute import BY
from cometa.network.indicators.definitions import DIMENSIONS
from cometa.network.indicators.selectors import controlled_tables
from cometa.network.indicators.store import ShownTable, shown_table, stored_form
from cometa.network.indicators.stored import read
from cometa.network.models import IndicatorRun, Network, StoredTable
from cometa.network.services.indicator_runs import indicators_run
from cometa.reports.renderers.tabular import Cell, to_csv, to_xlsx

HEADERS = ("code", "version", "by", "row", "dimension", "column", "n", "numerator", "rate",
           "hidden")  # fmt: skip
TOTAL_ROW, TOTAL_COLUMN = "Total", "_T"  # the totals row; the total column (SDMX's code)
FORMATS = ("csv", "xlsx")
BY_HELP = (
    "the rows: network (default), member, site or cohort; or, as the issue writes it, a "
    f"dimension ({', '.join(DIMENSIONS)}), read as --dimension with rows by network"
)


def add_parsers(sub: Any) -> None:
    out = sub.add_parser(
        "indicators", help="write a stored run of the common indicators as CSV or XLSX"
    )
    out.add_argument("--network", required=True, type=int, help="the network's id")
    out.add_argument("--period", help="2024, 2024-Q1, 2024-03 or 2024-01-01/2024-06-30 "
                     "(default: the latest run of any period)")  # fmt: skip
    out.add_argument("--by", default="network", choices=[*BY, *DIMENSIONS], help=BY_HELP)
    out.add_argument("--dimension", choices=DIMENSIONS, help="only this disaggregation")
    out.add_argument("--format", required=True, choices=FORMATS)
    out.add_argument("--output", required=True, type=Path)
    out.add_argument(
        "--published",
        action="store_true",
        help="for a file that leaves the network: computed afresh at the strict threshold "
        "(needs --period)",
    )


def network_of(pk: int) -> Network:
    found = Network.objects.filter(pk=pk).first()
    if found is None:
        raise CommandError(f"--network: there is no network {pk}.")
    return found


def period_of(text: str | None) -> Period | None:
    if not text:
        return None
    try:
        return parse_period(text)
    except PeriodError as error:
        raise CommandError(f"--period: {error}") from None


def rows_and_dimension(by: str, dimension: str | None) -> tuple[str, str | None]:
    """``--by`` names the rows, or (the issue's ``--by DIMENSION``) a dimension."""
    if by in BY:
        return by, dimension
    if dimension is not None and dimension != by:
        raise CommandError(f"--by {by} is a dimension; --dimension {dimension} names another.")
    return "network", by


def store_run(network: Network, period: Period, err: OutputWrapper) -> IndicatorRun:
    """Computes and stores a full run as the system, with progress on ``err``."""
    progress = Progress(
        f"Indicators of {network.name}, {period}", total=len(BY), stream=cast(TextIO, err)
    )
    run = indicators_run(
        actor=SYSTEM, network=network, period=period,
        report=lambda done, _total, message: progress.update(done, message),
    )  # fmt: skip
    progress.done(f"run {run.pk}, {run.tables.count()} tables")
    return run


def latest(network: Network, period: Period | None, err: OutputWrapper) -> IndicatorRun:
    runs = IndicatorRun.objects.filter(network=network, scope=IndicatorRun.Scope.FULL)
    if period is not None:
        runs = runs.filter(period=str(period))
    found = runs.first()
    if found is not None:
        return found
    if period is None:
        raise CommandError(f"{network.name} has no stored run: give --period to compute one.")
    err.write(f"No stored run of {period} for {network.name}: computing one now, as the system.")
    return store_run(network, period, err)


def tables(run: IndicatorRun, by: str, dimension: str | None) -> list[ShownTable]:
    """Every stored table of the run by ``by`` (one dimension, or all): the system reads
    the whole run, as the backbone does."""
    stored = StoredTable.objects.filter(run=run, by=by).order_by("code", "dimension")
    if dimension is not None:
        stored = stored.filter(dimension=dimension)
    return [read(t) for t in stored]


def published_tables(
    network: Network, period: Period, by: str, dimension: str | None
) -> list[ShownTable]:
    """The tables computed afresh from the facts as they stand, each controlled as
    leaving the network (the strict threshold), in the order a run's are read."""
    dimensions = [dimension] if dimension else list(DIMENSIONS)
    computed = controlled_tables(network, period, by=by, dimensions=dimensions, leaves_network=True)
    found = []
    for t in computed:
        rows, cells = stored_form(t)
        found.append(shown_table(
            code=t.code, version=t.version, by=by, dimension=t.dimension, k=t.k,
            rows=rows, columns=t.columns, cells=cells,
        ))  # fmt: skip
    return sorted(found, key=lambda table: (table.code, table.dimension))


def long_rows(found: Sequence[ShownTable]) -> list[list[Cell]]:
    """One line per entry; hidden entries have empty n, numerator and rate."""
    lines: list[list[Cell]] = []
    for table in found:
        for (pk, label), cells in zip(table.rows, table.cells, strict=True):
            for column, cell in zip(table.columns, cells, strict=True):
                lines.append([
                    table.code, table.version, table.by, TOTAL_ROW if pk is None else label,
                    table.dimension, column or TOTAL_COLUMN, cell.n, cell.numerator,
                    None if cell.rate is None else float(cell.rate),
                    "yes" if cell.hidden else "no",
                ])  # fmt: skip
    return lines


def _about(network: Network, run: IndicatorRun) -> list[list[Cell]]:
    return [
        ["network", network.name], ["period", run.period], ["run", run.pk],
        ["computed_at", run.computed_at.isoformat()], ["k", run.k],
        ["k_strict", run.k_strict], ["frozen", "yes" if run.frozen else "no"],
        ["label", run.label],
    ]  # fmt: skip


def _write(options: dict[str, Any], lines: list[list[Cell]], about: list[list[Cell]]) -> None:
    if options["format"] == "csv":
        content = to_csv(HEADERS, lines)
    else:
        content = to_xlsx([("indicators", HEADERS, lines), ("run", ("what", "value"), about)])
    path: Path = options["output"]
    try:
        path.write_bytes(content)
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror}") from None


def _published(network: Network, period: Period | None, by: str, dimension: str | None,
               options: dict[str, Any], out: OutputWrapper) -> None:  # fmt: skip
    if period is None:
        raise CommandError("--published: give --period (the tables are computed afresh).")
    strict = network.cell_threshold_strict
    lines = long_rows(published_tables(network, period, by, dimension))
    about: list[list[Cell]] = [
        ["network", network.name], ["period", str(period)], ["k", strict], ["published", "yes"],
    ]  # fmt: skip
    _write(options, lines, about)
    out.write(
        f"{options['output']}: {len(lines)} entries computed afresh for {period} at the "
        f"strict threshold {strict}, {options['format']}."
    )


def run_indicators(options: dict[str, Any], out: OutputWrapper, err: OutputWrapper) -> None:
    network = network_of(options["network"])
    period = period_of(options["period"])
    by, dimension = rows_and_dimension(options["by"], options["dimension"])
    if options["published"]:
        _published(network, period, by, dimension, options, out)
        return
    run = latest(network, period, err)
    lines = long_rows(tables(run, by, dimension))
    _write(options, lines, _about(network, run))
    out.write(
        f"{options['output']}: {len(lines)} entries of run {run.pk} ({run.period}, computed "
        f"{run.computed_at:%Y-%m-%d %H:%M}) by {by}, {options['format']}."
    )


HANDLERS = {"indicators": run_indicators}
