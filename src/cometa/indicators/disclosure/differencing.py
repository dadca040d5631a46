"""Differencing: two releases over nested populations (a network and the same network
less one centre, all enrolled and completers only, a year and the same year but one
month) that differ by 1 to k−1 people give those people away by subtraction, so not
both are shown.

The caller names each release's population size and the releases it is nested in (its
population is a subset of theirs). Releases are kept from the largest down; a release is
held back when it differs by 1 to k−1 people from a kept release it is nested in, or
from a kept release nested in it. Equal populations (difference 0) are the same people
and give nothing away.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["Release", "held_back"]


@dataclass(frozen=True)
class Release:
    name: str
    size: int
    within: frozenset[str] = field(default_factory=frozenset)


def _ancestors(releases: Mapping[str, Release]) -> dict[str, set[str]]:
    """Every release each one is nested in, directly or through others."""
    found: dict[str, set[str]] = {}

    def walk(name: str, trail: frozenset[str]) -> set[str]:
        if name in found:
            return found[name]
        above: set[str] = set()
        for parent in releases[name].within:
            if parent in releases and parent not in trail:
                above |= {parent, *walk(parent, trail | {name})}
        found[name] = above
        return above

    for name in releases:
        walk(name, frozenset())
    return found


def held_back(releases: Sequence[Release], k: int) -> set[str]:
    """The names of the releases not to show so that no two shown nested releases differ
    by 1 to k−1 people."""
    by_name = {release.name: release for release in releases}
    above = _ancestors(by_name)
    kept: list[Release] = []
    held: set[str] = set()
    for release in sorted(releases, key=lambda r: (-r.size, r.name)):
        related: Iterable[Release] = (
            other
            for other in kept
            if other.name in above[release.name] or release.name in above[other.name]
        )
        if any(0 < abs(other.size - release.size) < k for other in related):
            held.add(release.name)
        else:
            kept.append(release)
    return held
