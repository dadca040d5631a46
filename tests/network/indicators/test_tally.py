"""Every family counted in one scan (``tally``) gives the counts of one GROUP BY per
family and dimension, whatever the rows, scope and period; a packed integer holds at most
62 bits, so a family with more conditions spreads over several."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from cometa.accounts.acting import SYSTEM
from cometa.indicators.periods import custom, parse_period
from cometa.network.generator.run import generate
from cometa.network.indicators import tally
from cometa.network.indicators.compute import Scope, count, count_all
from cometa.network.indicators.definitions import COMMON, DIMENSIONS, FAMILIES
from cometa.network.services.indicators import recompute

pytestmark = pytest.mark.django_db
GROUPS = [[c for c in COMMON if c.family == family] for family in FAMILIES]


@pytest.fixture
def network():
    made = generate(women=120, seed=3, name="Tallied")
    recompute(actor=SYSTEM, network=made.network)
    return made.network


def _by_dimension(scope, period, by, dimensions=DIMENSIONS):
    return [
        count(group, scope, period, by=by, dimensions=dimensions, grouping_sets=False)
        for group in GROUPS
    ]


@pytest.mark.parametrize("by", ["site", "member", "cohort", "network"])
@pytest.mark.parametrize("period", ["2024", "2023-Q2", "2019"])
def test_one_scan_gives_the_counts_of_a_group_by_per_dimension(network, by, period):
    scope = Scope(network.pk)
    found = count_all(GROUPS, scope, parse_period(period), by=by, dimensions=DIMENSIONS)
    assert found == _by_dimension(scope, parse_period(period), by)


def test_a_narrowed_scope_and_count_alike(network):
    member = network.members.exclude(organisation=network.backbone).first()
    scope = Scope(network.pk, frozenset({member.pk}))
    everything = custom(date(2020, 1, 1), date(2027, 12, 31))
    found = count_all(GROUPS, scope, everything, dimensions=["age", "sex"])
    assert found == _by_dimension(scope, everything, "site", ["age", "sex"])
    assert any(found[0]["age"].values())  # the member has counted women
    one = count(GROUPS[0], scope, everything, dimensions=["age", "sex"])
    assert one == found[0]
    nobody = Scope(network.pk, frozenset())
    assert count_all(GROUPS, nobody, everything, dimensions=["sex"]) == [{"sex": {}}] * 5


def test_more_conditions_than_a_word_holds_spread_over_words(network, monkeypatch):
    monkeypatch.setattr(tally, "WORD", 4)  # three conditions a word
    everything = custom(date(2020, 1, 1), date(2027, 12, 31))
    group = GROUPS[0]
    assert len(tally._words("enrolled", group)) > 1
    doubled = [*group, *[replace(c, sensitive=not c.sensitive) for c in group]]
    [found] = count_all([doubled], Scope(network.pk), everything, dimensions=["age"])
    [alone] = _by_dimension(Scope(network.pk), everything, "site", ["age"])[:1]
    width = 2 * len(group)
    assert {key: values[:width] for key, values in found["age"].items()} == alone["age"]
    assert {key: values[width:] for key, values in found["age"].items()} == alone["age"]


def test_indicators_of_two_families_in_one_group_are_refused(network):
    with pytest.raises(ValueError, match="one family"):
        count_all([[GROUPS[0][0], GROUPS[1][0]]], Scope(network.pk), parse_period("2024"),
                  dimensions=["sex"])  # fmt: skip
