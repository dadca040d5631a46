"""The check that the parts of a total add up to it.

For each dimension that is *exhaustive* (its codes part the whole, so every person counts
under exactly one), the values of a cell split by that dimension must add up to the value
of the cell itself: women plus men plus other plus unknown = everyone; women aged 15 to
24 with and without disability = women aged 15 to 24. Only counts add up: the check applies
to indicators measured in units (IATI measure 1), never to percentages, scales or texts.

A cell with no stored total, or with no stored part, is not compared. A finding names the
total's key, the dimension summed over, the total (expected), the sum of the parts found,
their difference (found minus expected), the parts summed and the codes with no value.
People may know why a total does not add up (a participant counted in two age groups
over the year, say); the store keeps that reason beside the finding, see
``store.mismatch_reason_record``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from cometa.indicators.disaggregation import Pairs, format_key, parse_key, without

__all__ = ["Finding", "parts_add_up"]


@dataclass(frozen=True)
class Finding:
    key: str  # the total's key ("" for the grand total)
    dimension: str  # the dimension whose parts were summed
    expected: Decimal  # the stored total
    found: Decimal  # the sum of the stored parts
    parts: tuple[str, ...]  # the keys of the parts summed, in order
    missing: tuple[str, ...]  # codes of the dimension with no stored part

    @property
    def difference(self) -> Decimal:
        return self.found - self.expected


def parts_add_up(
    values: Mapping[str, Decimal],
    exhaustive: Mapping[str, Sequence[str]],
    *,
    tolerance: Decimal = Decimal(0),
) -> list[Finding]:
    """The totals whose parts do not add up, by total key then dimension.

    ``values`` maps canonical keys to stored numbers; ``exhaustive`` maps each exhaustive
    dimension to its codes. A difference up to ``tolerance`` (absolute) is accepted.
    """
    groups: dict[tuple[Pairs, str], dict[str, str]] = defaultdict(dict)
    for key in values:
        pairs = parse_key(key)
        for name, code in pairs:
            if name in exhaustive:
                groups[(without(pairs, name), name)][code] = key
    findings = []
    for (total_pairs, name), parts in sorted(groups.items()):
        total_key = format_key(total_pairs)
        if total_key not in values:
            continue
        part_keys = tuple(sorted(parts.values()))
        found = sum((values[key] for key in part_keys), Decimal(0))
        expected = values[total_key]
        if abs(found - expected) > tolerance:
            missing = tuple(code for code in exhaustive[name] if code not in parts)
            findings.append(Finding(total_key, name, expected, found, part_keys, missing))
    return findings
