"""Scorecard ratings across country teams and years: pure aggregation, no Django.

The global view reads every counted indicator rating with one query and hands the rows
to :func:`summarise`, which computes everything the page and its export show:

* the distribution of ratings per indicator and per dimension (counts and shares);
* the share of rated indicators at or above the minimum requirements, per year, overall
  and per dimension (the trend);
* the regressions: an indicator rated lower than in the same team's previous assessed
  year (with a gap year, the previous assessed year is the one before the gap).

Shares are percentages of the *rated* indicators: an indicator without a rating (an
annual assessment with nothing to carry yet) is counted apart, as "not rated".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

#: The levels that meet the minimum requirements when a framework has a "meets" level.
MINIMUM_LEVEL = "meets"


class Row(NamedTuple):
    """One indicator of one team's assessment of one year.

    ``level`` is the rating that counts ("" when there is none); ``rank`` decides between
    two assessments of one team in one year (made with two versions of a framework):
    the higher rank wins. (A named tuple: the global view makes thousands of these.)
    """

    team: int
    year: int
    code: str
    level: str
    rank: int = 0


#: A row as the database hands it over: (team, year, code, level, rank). A :class:`Row`
#: is one too; the global view passes the database's tuples as they come.
RowTuple = tuple[int, int, str, str, int]


@dataclass(frozen=True)
class Scale:
    """The ordered levels of a framework (lowest first) and those meeting the minimum."""

    levels: tuple[str, ...]
    meeting: tuple[str, ...]

    @classmethod
    def of(cls, levels: Sequence[str]) -> Scale:
        return cls(tuple(levels), meeting_levels(levels))

    def position(self, level: str) -> int | None:
        return self.levels.index(level) if level in self.levels else None

    def positions(self) -> dict[str, int]:
        return {level: index for index, level in enumerate(self.levels)}


def meeting_levels(levels: Sequence[str]) -> tuple[str, ...]:
    """The levels at or above "meets" (UNCT-SWAP: meets and exceeds); for a framework
    without a "meets" level, the upper half of its levels."""
    levels = tuple(levels)
    if MINIMUM_LEVEL in levels:
        return levels[levels.index(MINIMUM_LEVEL) :]
    return levels[len(levels) // 2 :]


def effective_level(agreed: str, computed: str) -> str:
    """The rating that counts: the agreed one, else the computed one (for an indicator
    that was not reassessed, the agreed level holds the carried rating)."""
    return agreed or computed


def one_per_team_year(rows: Iterable[RowTuple]) -> list[RowTuple]:
    """Keeps, for each team and year, only the rows of the highest-ranked assessment."""
    rows = list(rows)
    if len({row[4] for row in rows}) <= 1:  # one framework version: nothing to choose
        return rows
    best: dict[tuple[int, int], int] = {}
    for team, year, _code, _level, rank in rows:
        best[(team, year)] = max(best.get((team, year), rank), rank)
    return [row for row in rows if row[4] == best[(row[0], row[1])]]


# --- distributions ----------------------------------------------------------------------


@dataclass
class Distribution:
    """How many ratings of a group (an indicator, a dimension, a year) are at each level."""

    key: str
    levels: tuple[str, ...]
    meeting_levels: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)
    unrated: int = 0

    def add(self, level: str) -> None:
        if level in self.levels:
            self.counts[level] = self.counts.get(level, 0) + 1
        else:
            self.unrated += 1

    @property
    def rated(self) -> int:
        return sum(self.counts.values())

    @property
    def total(self) -> int:
        return self.rated + self.unrated

    def count(self, level: str) -> int:
        return self.counts.get(level, 0)

    def share(self, level: str) -> float | None:
        """The percentage of rated indicators at ``level`` (None when none is rated)."""
        return percent(self.count(level), self.rated)

    @property
    def meeting(self) -> int:
        return sum(self.count(level) for level in self.meeting_levels)

    @property
    def meeting_share(self) -> float | None:
        return percent(self.meeting, self.rated)

    def cells(self) -> list[tuple[str, int, float | None]]:
        """(level, count, share) for every level, lowest first."""
        return [(level, self.count(level), self.share(level)) for level in self.levels]


def percent(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


Tally = Counter[tuple[int, str, str]]


def tally(rows: Iterable[RowTuple]) -> Tally:
    """How many rows there are of each (year, indicator, level): the one pass over the
    rows that every distribution and share below is derived from."""
    return Counter((year, code, level) for _team, year, code, level, _rank in rows)


def distribution(
    rows: Iterable[RowTuple], key_of: Mapping[str, str], keys: Sequence[str], scale: Scale
) -> list[Distribution]:
    """One distribution per key, in the order of ``keys``; ``key_of`` maps an indicator
    code to its key (itself, its dimension). Rows whose code maps to no key are left out
    of the listed keys but not lost: they form extra distributions after them."""
    return distribution_of(tally(rows), key_of, keys, scale)


def distribution_of(
    counts: Tally, key_of: Mapping[str, str], keys: Sequence[str], scale: Scale
) -> list[Distribution]:
    found: dict[str, Distribution] = {
        key: Distribution(key, scale.levels, scale.meeting) for key in keys
    }
    for (_year, code, level), number in sorted(counts.items()):
        key = key_of.get(code, code)
        if key not in found:
            found[key] = Distribution(key, scale.levels, scale.meeting)
        item = found[key]
        if level in scale.levels:
            item.counts[level] = item.counts.get(level, 0) + number
        else:
            item.unrated += number
    return list(found.values())


# --- by year ----------------------------------------------------------------------------


@dataclass(frozen=True)
class YearShare:
    year: int
    teams: int
    rated: int
    unrated: int
    meeting: int

    @property
    def share(self) -> float | None:
        return percent(self.meeting, self.rated)


def meeting_by_year(rows: Iterable[RowTuple], scale: Scale) -> list[YearShare]:
    """Per year (ascending): the teams assessed and the share of rated indicators at or
    above the minimum."""
    rows = list(rows)
    return meeting_by_year_of(tally(rows), {(row[1], row[0]) for row in rows}, scale)


def meeting_by_year_of(
    counts: Tally, team_years: set[tuple[int, int]], scale: Scale
) -> list[YearShare]:
    teams: Counter[int] = Counter(year for year, _team in team_years)
    rated: Counter[int] = Counter()
    unrated: Counter[int] = Counter()
    meeting: Counter[int] = Counter()
    for (year, _code, level), number in counts.items():
        if level in scale.levels:
            rated[year] += number
            if level in scale.meeting:
                meeting[year] += number
        else:
            unrated[year] += number
    return [
        YearShare(year, teams[year], rated[year], unrated[year], meeting[year])
        for year in sorted(teams)
    ]


def meeting_share_series(
    rows: Iterable[RowTuple],
    key_of: Mapping[str, str],
    keys: Sequence[str],
    years: Sequence[int],
    scale: Scale,
) -> dict[str, list[float | None]]:
    """For each key (a dimension), the share meeting the minimum in each of ``years``
    (None for a year without a rated indicator): the lines of the trend chart."""
    return meeting_share_series_of(tally(rows), key_of, keys, years, scale)


def meeting_share_series_of(
    counts: Tally,
    key_of: Mapping[str, str],
    keys: Sequence[str],
    years: Sequence[int],
    scale: Scale,
) -> dict[str, list[float | None]]:
    rated: Counter[tuple[str, int]] = Counter()
    meeting: Counter[tuple[str, int]] = Counter()
    for (year, code, level), number in counts.items():
        if level not in scale.levels:
            continue
        cell = (key_of.get(code, code), year)
        rated[cell] += number
        if level in scale.meeting:
            meeting[cell] += number
    return {
        key: [percent(meeting[(key, year)], rated[(key, year)]) for year in years] for key in keys
    }


# --- regressions ------------------------------------------------------------------------


@dataclass(frozen=True)
class Regression:
    """An indicator a team rated lower than in its previous assessed year."""

    team: int
    code: str
    from_level: str
    to_level: str
    from_year: int
    to_year: int

    @property
    def gap(self) -> bool:
        """Whether years without an assessment lie between the two."""
        return self.to_year - self.from_year > 1


def regressions(
    rows: Iterable[RowTuple],
    scale: Scale,
    *,
    since: int | None = None,
    until: int | None = None,
) -> list[Regression]:
    """Each drop of an indicator's rating from a team's previous rated year to the next,
    whose later year lies in [since, until]. Unrated years are skipped: the comparison is
    with the latest earlier rating. Sorted by year (newest first), team and indicator."""
    position = scale.positions()
    history: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
    for team, year, code, level, _rank in rows:
        rated = position.get(level)
        if rated is not None:
            history[(team, code)].append((year, rated))
    found = []
    for (team, code), entries in history.items():
        entries.sort()
        for (from_year, before), (to_year, after) in pairwise(entries):
            if after >= before:
                continue
            if (since is not None and to_year < since) or (until is not None and to_year > until):
                continue
            levels = scale.levels
            found.append(Regression(team, code, levels[before], levels[after], from_year, to_year))
    found.sort(key=lambda r: (-r.to_year, r.team, _code_key(r.code)))
    return found


def _code_key(code: str) -> tuple[tuple[int, str], ...]:
    """ "1.10" after "1.9": numbers compare as numbers."""
    return tuple((int(part), "") if part.isdigit() else (0, part) for part in code.split("."))


def sorted_codes(codes: Iterable[str]) -> list[str]:
    return sorted(set(codes), key=_code_key)


# --- everything at once -----------------------------------------------------------------


@dataclass
class Summary:
    """What the global view shows for the chosen years."""

    scale: Scale
    years: list[int]
    teams: list[int]  # the teams with a counted assessment in the chosen years
    team_years: int  # the counted assessments
    by_indicator: list[Distribution]
    by_dimension: list[Distribution]
    by_year: list[YearShare]
    trend: dict[str, list[float | None]]  # dimension → share meeting, per year
    regressions: list[Regression]

    @property
    def regressed_teams(self) -> int:
        return len({item.team for item in self.regressions})

    @property
    def is_empty(self) -> bool:
        return not self.team_years


def summarise(
    rows: Iterable[RowTuple],
    scale: Scale,
    *,
    codes: Sequence[str],
    dimension_of: Mapping[str, str],
    dimensions: Sequence[str],
    since: int | None = None,
    until: int | None = None,
) -> Summary:
    """The whole summary. ``rows`` may hold years before ``since``: they are only used as
    the previous year of a regression into the chosen years."""
    counted = one_per_team_year(rows)
    chosen = (
        counted
        if since is None and until is None
        else [
            row
            for row in counted
            if (since is None or row[1] >= since) and (until is None or row[1] <= until)
        ]
    )
    counts = tally(chosen)
    team_years = {(row[1], row[0]) for row in chosen}
    years = sorted({year for year, _team in team_years})
    return Summary(
        scale=scale,
        years=years,
        teams=sorted({team for _year, team in team_years}),
        team_years=len(team_years),
        by_indicator=distribution_of(counts, {}, codes, scale),
        by_dimension=distribution_of(counts, dimension_of, dimensions, scale),
        by_year=meeting_by_year_of(counts, team_years, scale),
        trend=meeting_share_series_of(counts, dimension_of, dimensions, years, scale),
        regressions=regressions(counted, scale, since=since, until=until),
    )
