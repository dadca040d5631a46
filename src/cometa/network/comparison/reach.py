"""Reach and "leave no one behind" gaps: the groups the seed finds unreached, their share
among the women enrolled against the reference share the network set, and their
outcomes against the other women's.

A group the platform does not record is listed as not recorded, with why: nothing is
guessed. A group recorded only approximately carries a note that says how. Shares and
outcomes come from stored tables (already through disclosure control); a group's value
pools the shown cells of its codes, and is not shown when any of them is hidden.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cometa.network.indicators.store import Cell

__all__ = ["GROUPS", "OUTCOMES", "Gap", "Group", "Outcome", "Reference", "gaps", "pooled"]

#: outcomes compared between a group and the other women (completion, drop-out, work)
OUTCOMES = ("CI-05", "CI-04", "CI-07-FU6")
_NOTHING = Cell(None, None)
UNKNOWN = "_U"


@dataclass(frozen=True)
class Group:
    key: str
    title: Promise
    reach_code: str = ""  # the CI-02-* indicator of its share, "" if not recorded
    dimension: str = ""  # the dimension its outcomes are disaggregated by, if any
    codes: tuple[str, ...] = ()  # the dimension's codes of the group
    not_recorded: Promise | None = None  # why the platform cannot say
    note: Promise | None = None  # how it is recorded, when only approximately

    @property
    def recorded(self) -> bool:
        return bool(self.reach_code)


GROUPS: tuple[Group, ...] = (
    Group("migrants", _("Migrants"), "CI-02-MIG", "migratory_status", ("MIGPER",),
          note=_("Migratory status does not say where a woman comes from: migrants from "
                 "Latin America and women who came back are counted together.")),
    Group("returning_migrants", _("Returning migrants"),
          not_recorded=_("The migratory status code list tells migrants from non-migrants "
                         "only; a woman who came back from the United States is not told "
                         "apart.")),
    Group("indigenous", _("Indigenous women"), "CI-02-IND", "indigenous",
          ("IND_SELF", "IND_LANG")),
    Group("extremely_poor", _("Extremely poor women"), "CI-02-POOR",
          note=_("Recorded as below the CONEVAL poverty line, not as extreme poverty: the "
                 "share also counts women who are poor but not extremely poor. Poverty is "
                 "not a disaggregation of the outcomes.")),
    Group("isolated", _("Geographically isolated women"),
          not_recorded=_("The platform records whether a woman lives in a rural or an urban "
                         "locality, not how far she lives from a centre: see rural women.")),
    Group("violence", _("Women facing severe domestic violence"),
          not_recorded=_("Violence is not recorded as something to count: psychosocial "
                         "flags are kept by each partner for care only and never "
                         "disaggregated.")),
    Group("illiterate", _("Illiterate women"), "CI-02-EDU",
          note=_("Recorded together with women without lower secondary education: the "
                 "share counts both. Education is not a disaggregation of the outcomes.")),
    Group("disability", _("Women with disabilities"), "CI-02-DIS", "disability", ("PD",)),
    Group("rural", _("Rural women"), "CI-02-RUR", "location", ("R",)),
)  # fmt: skip


def by_key() -> dict[str, Group]:
    return {group.key: group for group in GROUPS}


@dataclass(frozen=True)
class Reference:
    """The share of the group the network expects among its women, and where it is from."""

    share: Decimal
    source: str
    year: int | None


@dataclass(frozen=True)
class Outcome:
    code: str
    group: Cell  # pooled over the group's codes; hidden if any is
    rest: Cell  # the women whose answer is known and not in the group

    @property
    def gap(self) -> Decimal | None:
        """The group's rate less the others', in percentage points."""
        if self.group.rate is None or self.rest.rate is None:
            return None
        return self.group.rate - self.rest.rate


@dataclass(frozen=True)
class Gap:
    group: Group
    share: Cell  # among the women enrolled, whose answer is known
    reference: Reference | None
    outcomes: tuple[Outcome, ...]

    @property
    def gap(self) -> Decimal | None:
        """The share less the reference share, in percentage points (below 0: fewer of the
        group among the women enrolled than the network expects)."""
        if self.reference is None or self.share.rate is None:
            return None
        return self.share.rate - self.reference.share

    @property
    def behind(self) -> bool:
        return self.gap is not None and self.gap < 0


def pooled(cells: Sequence[Cell]) -> Cell:
    """The cells added up; hidden if any is hidden (or there are none)."""
    if not cells or any(cell.hidden for cell in cells):
        return _NOTHING
    numerators = [cell.numerator for cell in cells]
    numerator = None if None in numerators else sum(n or 0 for n in numerators)
    return Cell(sum(cell.n or 0 for cell in cells), numerator)


def _outcomes(
    group: Group, breakdown: Mapping[tuple[str, str], Mapping[str, Cell]]
) -> tuple[Outcome, ...]:
    found = []
    for code in OUTCOMES:
        columns = breakdown.get((code, group.dimension))
        if columns is None:
            continue
        inside = [columns.get(c, _NOTHING) for c in group.codes]
        rest = [
            cell for c, cell in columns.items() if c not in group.codes and c not in ("", UNKNOWN)
        ]
        found.append(Outcome(code, pooled(inside), pooled(rest)))
    return tuple(found)


def gaps(
    totals: Mapping[str, Cell],
    breakdown: Mapping[tuple[str, str], Mapping[str, Cell]],
    references: Mapping[str, Reference],
) -> list[Gap]:
    """Every group's gap: ``totals`` the network's total cells by indicator code,
    ``breakdown`` the network's cells by (indicator, dimension) and code."""
    return [
        Gap(
            group=group,
            share=totals.get(group.reach_code, _NOTHING),
            reference=references.get(group.key),
            outcomes=_outcomes(group, breakdown) if group.dimension else (),
        )
        for group in GROUPS
        if group.recorded
    ]
