"""Answers for a rating that the demo data gives by its level only.

The builder looks for the ways with the fewest met criteria (numeric inputs taken from a
small grid unless the data fixes them) that the engine rates at that level, and picks one by
a checksum of the place, so that every run of the demo writes the same answers. Pure: no
database.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from itertools import combinations, product

from cometa.demo.loading import DemoDataError
from cometa.scorecards.frameworks.engine import Answer, Missing, MissingKind, Rating, rate
from cometa.scorecards.frameworks.model import Framework, Indicator
from cometa.scorecards.frameworks.rule_words import describe_missing

# Values tried for numeric inputs when the builder looks for answers that give a level.
GRIDS = {
    "percent": (10.0, 25.0, 40.0, 49.0, 57.0, 72.0, 85.0, 95.0),
    "count": (0.0, 4.0, 8.0, 12.0, 24.0, 48.0),
}


def pick(key: str, count: int) -> int:
    """A stable choice among ``count`` options (the same on every run)."""
    return zlib.crc32(key.encode()) % count


@dataclass(frozen=True)
class Way:
    met: frozenset[str]
    inputs: dict[str, float]


_ways_cache: dict[tuple[str, str, str, str, tuple[tuple[str, float], ...]], list[Way]] = {}


def ways(
    framework: Framework, indicator: Indicator, level: str, fixed: dict[str, float]
) -> list[Way]:
    """Every way with the fewest met criteria (and inputs from the grid, unless fixed) that
    the engine rates ``level``."""
    cache_key = (
        framework.identifier,
        framework.version,
        indicator.code,
        level,
        tuple(sorted(fixed.items())),
    )
    if cache_key in _ways_cache:
        return _ways_cache[cache_key]
    criteria = [criterion.id for criterion in indicator.criteria]
    free = [item for item in indicator.inputs if item.key not in fixed]
    grids = [[v for v in GRIDS[item.kind] if item.min <= v <= item.max] for item in free]
    found: list[Way] = []
    for size in range(len(criteria) + 1):
        for subset in combinations(criteria, size):
            answers = {c: Answer.MET if c in subset else Answer.NOT_MET for c in criteria}
            for values in product(*grids):
                inputs = dict(fixed) | {item.key: v for item, v in zip(free, values, strict=True)}
                if rate(indicator, answers, inputs).level == level:
                    found.append(Way(frozenset(subset), inputs))
        if found:
            break
    _ways_cache[cache_key] = found
    return found


def answers_for(
    framework: Framework, indicator: Indicator, level: str, fixed: dict[str, float], key: str
) -> tuple[dict[str, str], dict[str, float]]:
    """Answers (every criterion met or not met) and inputs that the engine rates ``level``."""
    found = ways(framework, indicator, level, fixed)
    if not found:
        raise DemoDataError(f"PI {indicator.code}: no answers give {level!r}")
    way = found[pick(key, len(found))]
    answers = {c.id: "met" if c.id in way.met else "not_met" for c in indicator.criteria}
    return answers, way.inputs


def _label(framework: Framework, level: str) -> str:
    return next(item.label.en for item in framework.levels if item.key == level)


def _describe(indicator: Indicator, missing: Missing) -> str:
    if missing.kind == MissingKind.CRITERION:
        return indicator.criterion(missing.criteria[0]).text.en.rstrip(".")
    return describe_missing(missing, criteria={}, inputs={})


def justification(framework: Framework, indicator: Indicator, rating: Rating, year: int) -> str:
    """What the demo writes when its data gives no justification: the level, and what the
    next level still needs."""
    text = f"Rated “{_label(framework, rating.level)}” in {year}."
    trace = rating.trace
    if trace.next_level and trace.missing_for_next:
        needs = "; ".join(_describe(indicator, item) for item in trace.missing_for_next)
        text += f" Still needed for “{_label(framework, trace.next_level)}”: {needs}."
    return text
