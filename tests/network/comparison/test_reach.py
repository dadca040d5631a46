"""Reach gaps: every group the seed names is listed, recorded or not (with why), shares
set against the reference, outcomes of the group against the women known not to be in it,
and nothing pooled over a hidden cell."""

from __future__ import annotations

from decimal import Decimal

from cometa.indicators.dimensions import builtin_dimensions
from cometa.network.comparison.reach import GROUPS, Reference, gaps, pooled
from cometa.network.indicators.definitions import by_code
from cometa.network.indicators.store import Cell

HIDDEN = Cell(None, None)


def test_every_group_of_the_seed_is_listed_and_each_recorded_one_exists():
    assert len(GROUPS) == 9
    dimensions = builtin_dimensions()
    for group in GROUPS:
        if group.recorded:
            assert group.reach_code in by_code()
            if group.dimension:
                assert set(group.codes) <= set(dimensions[group.dimension].code_values)
        else:
            assert group.not_recorded and not group.dimension
    assert {g.key for g in GROUPS if not g.recorded} == {
        "returning_migrants", "isolated", "violence"
    }  # fmt: skip


def test_pooling_adds_up_and_hides_if_any_is_hidden():
    assert pooled([Cell(10, 4), Cell(20, 5)]) == Cell(30, 9)
    assert pooled([Cell(10, 4), HIDDEN]).hidden
    assert pooled([]).hidden
    assert pooled([Cell(10, None), Cell(5, None)]) == Cell(15, None)


def test_shares_against_references_and_outcomes_against_the_rest():
    totals = {"CI-02-IND": Cell(200, 10), "CI-02-RUR": Cell(200, 80)}
    breakdown = {
        ("CI-05", "indigenous"): {"IND_SELF": Cell(6, 3), "IND_LANG": Cell(5, 2),
                                  "AFRO": Cell(9, 9), "NONE": Cell(80, 60), "_U": Cell(30, 0),
                                  "": Cell(130, 74)},
        ("CI-05", "location"): {"R": HIDDEN, "U": Cell(90, 50), "_U": HIDDEN, "": Cell(100, 55)},
    }  # fmt: skip
    references = {"indigenous": Reference(Decimal("12.0"), "INEGI census", 2020),
                  "rural": Reference(Decimal("12.0"), "INEGI census", 2020)}  # fmt: skip
    found = {gap.group.key: gap for gap in gaps(totals, breakdown, references)}
    assert "violence" not in found and "migrants" in found
    indigenous = found["indigenous"]
    assert indigenous.share.rate == Decimal("5.0") and indigenous.gap == Decimal("-7.0")
    assert indigenous.behind
    [completion] = indigenous.outcomes
    assert completion.group == Cell(11, 5) and completion.rest == Cell(89, 69)
    assert completion.gap == Decimal("45.5") - Decimal("77.5")
    rural = found["rural"]
    assert rural.gap == Decimal("28.0") and not rural.behind
    assert rural.outcomes[0].group.hidden and rural.outcomes[0].gap is None
    assert found["migrants"].gap is None and found["migrants"].share.hidden
    assert found["extremely_poor"].outcomes == ()
