"""The peers' distribution: hidden peers counted apart, nothing below five shown values,
quartiles in order between the extremes, and the quarter a centre falls in read in the
indicator's direction."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from cometa.network.comparison.distribution import (
    MIN_PEERS,
    Standing,
    distribution,
    quantile,
    standing,
)

rates = st.decimals(min_value=0, max_value=100, places=1, allow_nan=False)
values = st.lists(st.one_of(st.none(), rates), max_size=30)


@given(values)
def test_hidden_peers_are_counted_not_shown_and_small_groups_get_no_quartiles(found):
    peers = distribution(found)
    assert peers.not_shown == found.count(None)
    assert len(peers.shown) == len(found) - found.count(None)
    assert peers.peers == len(found)
    if len(peers.shown) < MIN_PEERS:
        assert not peers.enough
        assert peers.median is None and peers.minimum is None and peers.maximum is None
    else:
        assert peers.enough
        quartiles = [peers.minimum, peers.lower_quartile, peers.median, peers.upper_quartile,
                     peers.maximum]  # fmt: skip
        assert quartiles == sorted(quartiles)  # type: ignore[type-var]
        assert peers.minimum == min(peers.shown) and peers.maximum == max(peers.shown)


def test_quantiles_interpolate_between_ordered_values():
    ordered = [Decimal(v) for v in (10, 20, 30, 40, 50)]
    assert quantile(ordered, Decimal("0.5")) == Decimal(30)
    assert quantile(ordered, Decimal("0.25")) == Decimal(20)
    assert quantile(ordered, Decimal("0.1")) == Decimal(14)


@given(st.lists(rates, min_size=MIN_PEERS, max_size=20), rates)
def test_the_best_value_is_on_top_and_the_worst_at_the_bottom(found, value):
    peers = distribution(found)
    best = max(found) + 1
    assert standing(best, peers, lower_is_better=False) == Standing.TOP
    assert standing(min(found) - 1, peers, lower_is_better=False) in (
        Standing.BOTTOM,
        Standing.LOWER,
    )
    assert standing(best, peers, lower_is_better=True) != Standing.TOP
    if len(set(found)) > 1:
        assert standing(min(found) - 1, peers, lower_is_better=True) == Standing.TOP
        assert standing(best, peers, lower_is_better=False) != standing(
            best, peers, lower_is_better=True
        )


def test_no_standing_without_a_value_or_enough_peers():
    few = distribution([Decimal(50)] * (MIN_PEERS - 1) + [None] * 5)
    assert standing(Decimal(90), few, lower_is_better=False) == Standing.UNKNOWN
    enough = distribution([Decimal(v) for v in (10, 20, 30, 40, 50)])
    assert standing(None, enough, lower_is_better=False) == Standing.UNKNOWN
    assert standing(Decimal(35), enough, lower_is_better=False) == Standing.UPPER
    assert standing(Decimal(45), enough, lower_is_better=False) == Standing.TOP
    assert standing(Decimal(25), enough, lower_is_better=False) == Standing.LOWER
    assert standing(Decimal(15), enough, lower_is_better=False) == Standing.BOTTOM
