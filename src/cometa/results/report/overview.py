"""The view across offices for headquarters, without the database: outcomes by progress
assessment per office and year, then per region and year, with the share on track.

An outcome of a plan covering a year but without a narrative for that year counts as
"not assessed": the view shows how much is still to be assessed, and the share on track
(``scales.on_track_share``) leaves such outcomes out of its denominator.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cometa.results.scales import OnTrack, Progress, on_track_share

#: (office id, name, region, region of the organisation holding it, first year, last year,
#: outcomes of that plan)
Planned = tuple[int, str, str, str | None, int, int, int]
#: (office id, year, progress code, narratives)
Assessed = tuple[int, int, str, int]


def _share(counts: dict[str, int]) -> OnTrack:
    return on_track_share(code for code, n in counts.items() for _ in range(n))


@dataclass(frozen=True)
class OfficeYear:
    office_id: int
    office: str
    region: str
    year: int
    counts: dict[str, int]  # progress code -> outcomes

    @property
    def on_track(self) -> OnTrack:
        return _share(self.counts)


@dataclass(frozen=True)
class RegionYear:
    region: str
    year: int
    offices: int
    counts: dict[str, int]

    @property
    def outcomes(self) -> int:
        return sum(self.counts.values())

    @property
    def on_track(self) -> OnTrack:
        return _share(self.counts)


def office_years(
    years: Sequence[int], planned: Iterable[Planned], assessed: Iterable[Assessed]
) -> list[OfficeYear]:
    """Per office and year of ``years`` that a plan of the office covers: its outcomes by
    assessment, those without a narrative as not assessed; by year, then office name."""
    outcomes: dict[tuple[int, int], int] = defaultdict(int)
    names: dict[int, tuple[str, str]] = {}
    for office, name, region, parent_region, start, end, count in planned:
        names[office] = (name, region or parent_region or "")
        for year in years:
            if start <= year <= end:
                outcomes[(office, year)] += count
    counts: dict[tuple[int, int], dict[str, int]] = {
        cell: dict.fromkeys(Progress.values, 0) for cell in outcomes
    }
    for office, year, progress, count in assessed:
        if (office, year) in counts:
            counts[(office, year)][progress] += count
    found = []
    for (office, year), total in outcomes.items():
        cell = counts[(office, year)]
        cell[Progress.NOT_ASSESSED] += max(total - sum(cell.values()), 0)
        found.append(OfficeYear(office, names[office][0], names[office][1], year, cell))
    return sorted(found, key=lambda row: (row.year, row.office.casefold(), row.office_id))


def by_region(rows: Iterable[OfficeYear]) -> list[RegionYear]:
    """The offices' counts added up per region and year; by year, then region."""
    counts: dict[tuple[str, int], dict[str, int]] = {}
    offices: dict[tuple[str, int], int] = defaultdict(int)
    for row in rows:
        cell = counts.setdefault((row.region, row.year), dict.fromkeys(Progress.values, 0))
        for code, n in row.counts.items():
            cell[code] += n
        offices[(row.region, row.year)] += 1
    return [
        RegionYear(region, year, offices[(region, year)], cell)
        for (region, year), cell in sorted(
            counts.items(), key=lambda item: (item[0][1], item[0][0] == "", item[0][0])
        )
    ]


#: Colour-blind-safe (Okabe & Ito), dark to light from on track to not assessed, so the
#: bars also read in greyscale; every segment carries its count as text too.
PROGRESS_COLOURS = {
    Progress.ON_TRACK: "#0072B2",
    Progress.PARTLY: "#56B4E9",
    Progress.OFF_TRACK: "#D55E00",
    Progress.NOT_ASSESSED: "#BBBBBB",
}


def percent(share: OnTrack) -> str:
    """``"67 %"``; a dash when no outcome was assessed."""
    return "—" if share.share is None else f"{round(share.share * 100)} %"


def share_by_year(
    regions: Iterable[RegionYear], years: Sequence[int]
) -> list[tuple[str, list[str]]]:
    """Per region, the share of assessed outcomes on track in each year (a dash for none)."""
    found: dict[str, dict[int, str]] = defaultdict(dict)
    for row in regions:
        found[row.region][row.year] = percent(row.on_track)
    return [
        (region, [cells.get(year, "—") for year in years])
        for region, cells in sorted(found.items(), key=lambda item: (item[0] == "", item[0]))
    ]
