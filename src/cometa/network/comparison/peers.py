"""A centre against its peers, indicator by indicator, and its *successes to share*: the
indicators where it is in the best quarter of comparable peers (the seed asks for a
systematic way to report the successes of community centres so they can be replicated).

Comparable peers are the other centres in the same third of the profile score
(``context``); when fewer than ``MIN_PEERS`` of them show a value, the centre is compared
with all peers instead, and the page says so. Peers are never named.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cometa.indicators.definitions import Direction
from cometa.network.comparison.context import BASELINE, ENROLLED, PROFILE, Context, context, third
from cometa.network.comparison.context import profile_score as score_of
from cometa.network.comparison.distribution import Distribution, Standing, distribution, standing
from cometa.network.indicators.definitions import COMMON
from cometa.network.indicators.store import Cell

__all__ = ["COMPARED", "Comparison", "Row", "compare", "lower_is_better"]

#: what a centre is compared on: every rate but its intake (that is its context)
COMPARED = tuple(
    c.code for c in COMMON if c.is_rate and c.code not in (*PROFILE, BASELINE, ENROLLED)
)
_NOTHING = Cell(None, None)
_WORSE_WHEN_HIGHER = ("CI-04", "CI-21-")


def lower_is_better(code: str) -> bool:
    """Drop-out and "in the same situation as on arrival" are better low."""
    common = next((c for c in COMMON if c.code == code), None)
    if common is not None and common.definition.direction == Direction.DESCENDING:
        return True
    return code.startswith(_WORSE_WHEN_HIGHER)


@dataclass(frozen=True)
class Row:
    code: str
    cell: Cell  # the centre's value with its n
    peers: Distribution  # all other centres
    similar: Distribution  # the other centres of the same profile third
    against_similar: bool  # whether the standing is among similar peers
    standing: Standing
    lower_is_better: bool

    @property
    def success(self) -> bool:
        return self.standing == Standing.TOP

    @property
    def compared_with(self) -> Distribution:
        return self.similar if self.against_similar else self.peers


@dataclass(frozen=True)
class Comparison:
    site_id: int
    context: Context
    similar_peers: int  # other centres in the same third
    rows: tuple[Row, ...]

    @property
    def successes(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.success)


def _row(code: str, cell: Cell, peers: list[Cell], similar: list[Cell]) -> Row:
    everyone = distribution([p.rate for p in peers])
    alike = distribution([p.rate for p in similar])
    against_similar = alike.enough
    better_low = lower_is_better(code)
    found = standing(cell.rate, alike if against_similar else everyone, lower_is_better=better_low)
    return Row(code, cell, everyone, alike, against_similar, found, better_low)


def compare(
    site_id: int,
    sites: Mapping[int, Mapping[str, Cell]],
    network: Mapping[str, Cell],
    codes: Sequence[str] = COMPARED,
) -> Comparison:
    """The centre ``site_id`` against every other centre of ``sites`` (site id -> code ->
    the site's total cell, as stored), with its context against ``network``'s totals."""
    own = sites.get(site_id, {})
    scores = {pk: score_of(values) for pk, values in sites.items()}
    known = [s for s in scores.values() if s is not None]
    found = context(own, network, known)
    others = [pk for pk in sites if pk != site_id]
    alike = [
        pk for pk in others if found.third is not None and third(scores[pk], known) == found.third
    ]
    rows = tuple(
        _row(
            code,
            own.get(code, _NOTHING),
            [sites[pk].get(code, _NOTHING) for pk in others],
            [sites[pk].get(code, _NOTHING) for pk in alike],
        )
        for code in codes
    )
    return Comparison(site_id=site_id, context=found, similar_peers=len(alike), rows=rows)
