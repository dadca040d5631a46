"""The comparison and reach documents and charts: every compared indicator is in the
table beside the chart, the chart carries the centre's values as text, the successes are
listed, the words follow the reader's language, and a stored table without rows reads
back without a phantom row."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from cometa.network.comparison.charts import PeerLine, ReachLine, peers_chart, reach_chart
from cometa.network.comparison.context import PROFILE
from cometa.network.comparison.document import About, comparison_document
from cometa.network.comparison.peers import COMPARED, compare
from cometa.network.comparison.reach import GROUPS, Reference, gaps
from cometa.network.comparison.reach_document import reach_document
from cometa.network.indicators.store import Cell, shown_table
from cometa.network.selectors_compare import _totals
from cometa.reports.document import BulletList, Figure, Table

WHEN = datetime(2026, 3, 1, 12, tzinfo=UTC)


def _sites() -> dict[int, dict[str, Cell]]:
    sites = {}
    for pk in range(8):
        values = {code: Cell(50, 10) for code in PROFILE}
        values.update({code: Cell(50, 20 + pk) for code in COMPARED})
        sites[pk] = values
    return sites


def test_the_comparison_document_has_every_indicator_and_the_successes():
    found = compare(7, _sites(), {})
    assert found.successes  # the best of eight on every ascending indicator
    about = About("Net", "Centre Seven", "2025", WHEN, 8)
    document = comparison_document(found, about, "es", png=False)
    [table] = [b for b in document.blocks if isinstance(b, Table) and len(b.headers) == 7]
    assert [row[0].split(" (")[-1].split(")")[0] for row in table.rows] == list(COMPARED)
    [successes] = [b for b in document.blocks if isinstance(b, BulletList)]
    assert len(successes.items) == len(found.successes)
    assert document.title == "Centre Seven frente a sus pares"
    [figure] = [b for b in document.blocks if isinstance(b, Figure)]
    assert figure.png == b"" and "Centre Seven" in figure.svg


def test_charts_write_their_values_as_text():
    lines = [PeerLine("Completion", 72.3, (40, 55, 61, 70, 90)), PeerLine("Drop-out", None, None)]
    chart = peers_chart(lines, title="T", centre="Centre", peers="Peers", no_value="not shown")
    assert "72.3%" in chart.svg and "not shown" in chart.svg and "<circle" in chart.svg
    bars = reach_chart([ReachLine("Rural", 5.2, 12.0)], title="R", share="share",
                       reference="reference", no_value="-")  # fmt: skip
    assert "5.2% / 12.0%" in bars.svg


def test_the_reach_document_lists_the_groups_not_recorded():
    found = gaps({"CI-02-RUR": Cell(100, 5)}, {}, {"rural": Reference(Decimal(20), "INEGI", 2020)})
    document = reach_document(found, network="Net", period="2025", computed_at=WHEN, lang="en")
    [shares, _outcomes] = [b for b in document.blocks if isinstance(b, Table)]
    rural = next(row for row in shares.rows if row[0] == "Rural women")
    assert rural[2] == "20% (INEGI, 2020)" and rural[3].startswith("-15.0 points")
    [missing] = [b for b in document.blocks if isinstance(b, BulletList)]
    assert len(missing.items) == len([g for g in GROUPS if not g.recorded])


def test_a_table_without_rows_reads_back_with_its_total_only():
    table = shown_table(code="CI-05", version=1, by="site", dimension="sex", k=5, rows=[],
                        columns=["F"], cells=[[None, None], [[0, 0], [0, 0]]])  # fmt: skip
    assert _totals(table) == {None: Cell(0, 0)}
