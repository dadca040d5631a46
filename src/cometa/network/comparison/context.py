"""A centre's context, read beside its comparison so that a centre serving harder-to-reach
women is not penalised: how many women it enrolled, how many answered its follow-ups,
and who arrived (shares of the priority groups and of women already working) against
the network.

The *profile score* is the mean of the centre's shown shares of the priority groups
(``CI-02-*``): the higher, the more of its women belong to groups the network finds hard
to reach. Centres are cut into thirds by that score; a centre is compared first with the
peers in its own third ("similar peers").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from cometa.network.comparison.distribution import quantile
from cometa.network.indicators.definitions import COMMON
from cometa.network.indicators.store import Cell

__all__ = [
    "BASELINE",
    "ENROLLED",
    "PROFILE",
    "RESPONSE",
    "Context",
    "Line",
    "context",
    "profile_score",
    "third",
]

ENROLLED = "CI-01"
PROFILE = tuple(c.code for c in COMMON if c.code.startswith("CI-02-"))
BASELINE = "CI-07-BL"
RESPONSE = tuple(c.code for c in COMMON if c.code.startswith("CI-12-"))
#: the shares a profile score needs at least (of the six priority groups)
MIN_SHARES = 3
_NOTHING = Cell(None, None)
_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Line:
    """One context indicator for the centre and for the whole network."""

    code: str
    site: Cell
    network: Cell


@dataclass(frozen=True)
class Context:
    enrolled: Cell
    response: tuple[Line, ...]
    profile: tuple[Line, ...]  # priority groups, then works at baseline
    score: Decimal | None
    network_score: Decimal | None
    third: int | None  # 0 (fewest women of priority groups), 1 or 2; None: no score


def profile_score(values: Mapping[str, Cell]) -> Decimal | None:
    """The mean of the shown priority-group shares; None below :data:`MIN_SHARES`."""
    rates = [r for r in (values.get(code, _NOTHING).rate for code in PROFILE) if r is not None]
    if len(rates) < MIN_SHARES:
        return None
    return (sum(rates, Decimal(0)) / len(rates)).quantize(_TENTH, ROUND_HALF_UP)


def third(score: Decimal | None, scores: Sequence[Decimal]) -> int | None:
    """Which third of ``scores`` (every centre's, this one included) ``score`` is in."""
    if score is None or not scores:
        return None
    ordered = sorted(scores)
    cuts = (quantile(ordered, Decimal(1) / 3), quantile(ordered, Decimal(2) / 3))
    return 0 if score <= cuts[0] else 1 if score <= cuts[1] else 2


def _lines(
    codes: Sequence[str], site: Mapping[str, Cell], network: Mapping[str, Cell]
) -> tuple[Line, ...]:
    return tuple(Line(c, site.get(c, _NOTHING), network.get(c, _NOTHING)) for c in codes)


def context(
    site: Mapping[str, Cell], network: Mapping[str, Cell], scores: Sequence[Decimal]
) -> Context:
    """The centre's context from its values and the network's (code -> total cell)."""
    score = profile_score(site)
    return Context(
        enrolled=site.get(ENROLLED, _NOTHING),
        response=_lines(RESPONSE, site, network),
        profile=_lines((*PROFILE, BASELINE), site, network),
        score=score,
        network_score=profile_score(network),
        third=third(score, scores),
    )
