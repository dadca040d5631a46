"""Disclosure control: what of a table of counts or rates may be shown without giving
away anyone in it. Pure functions, no database; see docs/indicators.md."""

from cometa.indicators.disclosure.complements import complementary
from cometa.indicators.disclosure.differencing import Release, held_back
from cometa.indicators.disclosure.grid import extend, recoverable
from cometa.indicators.disclosure.scan import SmallCount, small_counts, small_counts_in_csv
from cometa.indicators.disclosure.tables import (
    Controlled,
    protect_counts,
    protect_line,
    protect_rate_line,
    protect_rates,
    rate_problem,
    small,
)
from cometa.indicators.disclosure.thresholds import FLOOR, Thresholds, threshold

__all__ = [
    "FLOOR",
    "Controlled",
    "Release",
    "SmallCount",
    "Thresholds",
    "complementary",
    "extend",
    "held_back",
    "protect_counts",
    "protect_line",
    "protect_rate_line",
    "protect_rates",
    "rate_problem",
    "recoverable",
    "small",
    "small_counts",
    "small_counts_in_csv",
    "threshold",
]
