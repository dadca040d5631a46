"""From results figures to what a UNCT-SWAP scorecard can take: pure functions, no database.

Each function takes plain records (built by :mod:`cometa.links.suggestions` from the
results selectors) and returns the figures and the answers or inputs they support, or
``None`` when there is nothing to go on. They never decide a rating: the scorecards rate
the answers with the framework's own rules (its bands and criteria), so a threshold
changed in the framework's data changes the suggestion too.

- **PI 1.3** (Cooperation Framework indicators measure changes in gender equality): of the
  distinct Cooperation Framework indicators the country's results indicators refer to
  (floor references of vocabulary ``cf``), the share whose floor definition is
  gender-sensitive, as the input ``pct_indicators`` in percent, unrounded.
- **PI 6.1** (resources allocated and tracked): a budget with the gender equality marker on
  it for the year means the marker is applied and allocations tracked (criterion
  ``meets.b``); the share marked 2 or 3 is the figure shown.
- **PI 7.1** (GEWE results): of the development outcomes assessed for the year, some on track
  meets ``approaches.a``, all on track meets ``meets.b``; none on track answers both no.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from cometa.results.budgets import share_of
from cometa.results.scales import Progress, on_track_share

FRAMEWORK = "unct-swap"
PI_INDICATORS, PI_BUDGET, PI_RESULTS = "1.3", "6.1", "7.1"
PCT_INPUT = "pct_indicators"
MARKER_APPLIED = "meets.b"
SOME_ON_TRACK, ALL_ON_TRACK = "approaches.a", "meets.b"
MET, NOT_MET = "met", "not_met"
CF_VOCABULARY = "cf"


@dataclass(frozen=True)
class AttachedIndicator:
    """A results indicator as PI 1.3 reads it: whose, which floor definition, which
    Cooperation Framework indicators it stands for, and whether it is gender-sensitive."""

    office_id: int
    office: str
    code: str  # the floor's code with its version: "KAZ-01 v2"
    cf_codes: tuple[str, ...]
    gender_sensitive: bool


@dataclass(frozen=True)
class CfShare:
    counted: int  # distinct Cooperation Framework indicators
    sensitive: int  # of them, gender-sensitive
    percent: float  # sensitive / counted x 100, unrounded
    by_cf: dict[str, bool]  # cf code -> gender-sensitive
    offices: tuple[int, ...]

    def inputs(self) -> dict[str, float]:
        return {PCT_INPUT: self.percent}


def cf_share(indicators: Iterable[AttachedIndicator]) -> CfShare | None:
    """The share of Cooperation Framework indicators that are gender-sensitive. A CF
    indicator referred to by several results indicators counts once, as gender-sensitive
    when any of them is. ``None`` when no indicator refers to the Cooperation Framework."""
    by_cf: dict[str, bool] = {}
    offices: set[int] = set()
    for item in indicators:
        for code in item.cf_codes:
            by_cf[code] = by_cf.get(code, False) or item.gender_sensitive
            offices.add(item.office_id)
    if not by_cf:
        return None
    sensitive = sum(1 for flag in by_cf.values() if flag)
    percent = float(Fraction(sensitive * 100, len(by_cf)))
    return CfShare(
        len(by_cf), sensitive, percent, dict(sorted(by_cf.items())), tuple(sorted(offices))
    )


@dataclass(frozen=True)
class OfficeBudget:
    office_id: int
    office: str
    currency: str
    total: Decimal
    marked: Decimal  # marker 2 or 3


@dataclass(frozen=True)
class BudgetFigures:
    totals: dict[str, tuple[Decimal, Decimal, Decimal | None]]  # currency -> total, marked, share
    offices: tuple[int, ...]

    def answers(self) -> dict[str, str]:
        return {MARKER_APPLIED: MET}


def budget_figures(budgets: Iterable[OfficeBudget]) -> BudgetFigures | None:
    """Totals and marked parts per currency across offices (never adding currencies);
    ``None`` when no office has a budget above zero for the year."""
    sums: dict[str, tuple[Decimal, Decimal]] = {}
    offices: set[int] = set()
    for line in budgets:
        if line.total <= 0:
            continue
        total, marked = sums.get(line.currency, (Decimal(0), Decimal(0)))
        sums[line.currency] = (total + line.total, marked + line.marked)
        offices.add(line.office_id)
    if not sums:
        return None
    totals = {
        currency: (total, marked, share_of(marked, total))
        for currency, (total, marked) in sorted(sums.items())
    }
    return BudgetFigures(totals, tuple(sorted(offices)))


@dataclass(frozen=True)
class OutcomeProgress:
    office_id: int
    office: str
    outcome: str  # the outcome's code: "D_1.1"
    progress: str  # results.scales.Progress code


@dataclass(frozen=True)
class OnTrackFigures:
    on_track: int
    assessed: int
    offices: tuple[int, ...]

    def answers(self) -> dict[str, str]:
        some = self.on_track > 0
        return {
            SOME_ON_TRACK: MET if some else NOT_MET,
            ALL_ON_TRACK: MET if self.on_track == self.assessed else NOT_MET,
        }


def on_track(outcomes: Iterable[OutcomeProgress]) -> OnTrackFigures | None:
    """Development outcomes on track among those assessed (``not_assessed`` left out);
    ``None`` when none was assessed."""
    assessed = [item for item in outcomes if item.progress != Progress.NOT_ASSESSED]
    counted = on_track_share(item.progress for item in assessed)
    if not counted.assessed:
        return None
    offices = tuple(sorted({item.office_id for item in assessed}))
    return OnTrackFigures(counted.on_track, counted.assessed, offices)
