"""The anonymised distribution of the peers' values of one indicator, and where a
centre stands in it.

Only values that disclosure control let through take part: a peer whose value is hidden
is counted as "not shown", never guessed. Below :data:`MIN_PEERS` shown values the
distribution is not given at all (quartiles of three centres would all but name them).
Quartiles interpolate linearly between the ordered values (the usual "type 7").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

__all__ = ["MIN_PEERS", "Distribution", "Standing", "distribution", "quantile", "standing"]

#: peers with a shown value needed before their distribution is shown
MIN_PEERS = 5
_TENTH = Decimal("0.1")


class Standing(StrEnum):
    """Where a centre's value falls among its peers', "better" read in the indicator's
    direction (a lower drop-out rate is better)."""

    TOP = "top"  # in the best quarter of the peers
    UPPER = "upper"  # better than the median, not in the best quarter
    LOWER = "lower"  # at or below the median, not in the worst quarter
    BOTTOM = "bottom"  # in the worst quarter
    UNKNOWN = "unknown"  # no value for the centre, or too few peers shown


def quantile(ordered: Sequence[Decimal], q: Decimal) -> Decimal:
    """The ``q`` quantile (0 to 1) of values already in order, linearly interpolated."""
    if not ordered:
        raise ValueError("no values")
    place = (len(ordered) - 1) * q
    below = int(place)
    above = min(below + 1, len(ordered) - 1)
    part = place - below
    found = ordered[below] + (ordered[above] - ordered[below]) * part
    return found.quantize(_TENTH, ROUND_HALF_UP)


@dataclass(frozen=True)
class Distribution:
    """The peers' shown values, in order, and how many peers were not shown."""

    shown: tuple[Decimal, ...]
    not_shown: int

    @property
    def enough(self) -> bool:
        return len(self.shown) >= MIN_PEERS

    @property
    def peers(self) -> int:
        return len(self.shown) + self.not_shown

    def _q(self, q: str) -> Decimal | None:
        return quantile(self.shown, Decimal(q)) if self.enough else None

    @property
    def minimum(self) -> Decimal | None:
        return self._q("0")

    @property
    def lower_quartile(self) -> Decimal | None:
        return self._q("0.25")

    @property
    def median(self) -> Decimal | None:
        return self._q("0.5")

    @property
    def upper_quartile(self) -> Decimal | None:
        return self._q("0.75")

    @property
    def maximum(self) -> Decimal | None:
        return self._q("1")


def distribution(values: Sequence[Decimal | None]) -> Distribution:
    """The distribution of the peers' values (None: hidden or empty, not shown)."""
    shown = tuple(sorted(v for v in values if v is not None))
    return Distribution(shown=shown, not_shown=len(values) - len(shown))


def standing(value: Decimal | None, peers: Distribution, *, lower_is_better: bool) -> Standing:
    """The quarter of the peers' distribution the centre's value falls in."""
    if value is None or not peers.enough:
        return Standing.UNKNOWN
    low, mid, high = peers.lower_quartile, peers.median, peers.upper_quartile
    assert low is not None and mid is not None and high is not None  # nosec B101
    if lower_is_better:
        value, low, mid, high = -value, -high, -mid, -low
    if value >= high and value > mid:
        return Standing.TOP
    if value > mid:
        return Standing.UPPER
    if value <= low and value < mid:
        return Standing.BOTTOM
    return Standing.LOWER
