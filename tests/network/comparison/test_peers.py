"""A centre against its peers: never against itself, with similar peers (same third of the
profile score) first and all peers when too few similar ones show a value; successes are
the indicators in the best quarter; the context lines come from the stored cells."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from cometa.network.comparison.context import PROFILE, profile_score, third
from cometa.network.comparison.distribution import Standing
from cometa.network.comparison.peers import COMPARED, compare, lower_is_better
from cometa.network.indicators.store import Cell


def _site(priority: int, completion: int | None, n: int = 100) -> dict[str, Cell]:
    values = {code: Cell(n, priority) for code in PROFILE}
    values["CI-01"] = Cell(n, None)
    values["CI-05"] = Cell(n, completion) if completion is not None else Cell(None, None)
    values["CI-04"] = (
        Cell(n, 100 - (completion or 0)) if completion is not None else Cell(None, None)
    )
    return values


def test_compared_on_outcomes_not_on_intake():
    assert "CI-05" in COMPARED and "CI-12-FU6" in COMPARED
    assert not set(PROFILE) & set(COMPARED) and "CI-07-BL" not in COMPARED
    assert "CI-01" not in COMPARED
    assert lower_is_better("CI-04") and lower_is_better("CI-21-FU6")
    assert not lower_is_better("CI-05")


def test_profile_score_needs_three_shares():
    assert profile_score({code: Cell(10, 5) for code in PROFILE[:2]}) is None
    assert profile_score({code: Cell(10, 5) for code in PROFILE[:3]}) == Decimal(50)
    scores = [Decimal(v) for v in range(9)]
    assert [third(s, scores) for s in scores] == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert third(None, scores) is None


def test_a_centre_in_the_best_quarter_of_similar_peers_has_a_success():
    # 18 centres: six in each third of the profile; the centre is the best of its third
    sites = {pk: _site(priority=10 * (pk // 6) + 5, completion=40 + pk) for pk in range(18)}
    sites[0] = _site(priority=5, completion=90)
    network = {code: Cell(1800, 300) for code in PROFILE}
    found = compare(0, sites, network, codes=["CI-05", "CI-04"])
    assert found.context.third == 0 and found.similar_peers == 5
    completion, dropout = found.rows
    assert completion.against_similar and completion.similar.peers == 5
    assert completion.peers.peers == 17  # every other centre, never itself
    assert completion.standing == Standing.TOP and completion.success
    assert dropout.lower_is_better and dropout.success  # fewest drop-outs
    assert [row.code for row in found.successes] == ["CI-05", "CI-04"]
    assert found.context.enrolled == Cell(100, None)
    assert [line.code for line in found.context.profile][-1] == "CI-07-BL"
    assert found.context.network_score == Decimal("16.7")


def test_too_few_similar_peers_shown_means_all_peers():
    sites = {pk: _site(priority=10 * (pk // 6) + 5, completion=40 + pk) for pk in range(18)}
    for pk in (1, 2):  # two similar peers hidden: three shown
        sites[pk]["CI-05"] = Cell(None, None)
    found = compare(0, sites, {}, codes=["CI-05"])
    [row] = found.rows
    assert not row.against_similar and row.similar.not_shown == 2
    assert row.compared_with is row.peers
    assert row.peers.not_shown == 2 and len(row.peers.shown) == 15


@given(st.lists(st.one_of(st.none(), st.integers(0, 100)), min_size=1, max_size=12))
def test_the_peers_are_the_other_centres_whatever_is_hidden(completions):
    sites = {pk: _site(priority=20, completion=c) for pk, c in enumerate(completions)}
    found = compare(0, sites, {}, codes=["CI-05"])
    [row] = found.rows
    assert row.peers.peers == len(completions) - 1
    assert row.peers.not_shown == completions[1:].count(None)
    if not row.peers.enough:
        assert row.standing == Standing.UNKNOWN
