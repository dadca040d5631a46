"""The dataclasses of a rating framework (plain, immutable, no Django).

A framework is data: ordered levels, dimensions, indicators; for each indicator and each level
above the lowest, lettered criteria and a rule combining them. Criterion ids are
``"<level>.<letter>"`` (``"meets.b"``). Build these with
:mod:`cometa.scorecards.frameworks.loading`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

LANGUAGES: tuple[str, ...] = ("en", "es", "ru")

InputKind = Literal["percent", "count"]


@dataclass(frozen=True)
class Text:
    """A text in English (always) and, where written, Spanish and Russian.

    ``official`` names the languages whose text is an official translation (by the framework's
    owner); any other translation is ours and awaits checking.
    """

    en: str
    es: str | None = None
    ru: str | None = None
    official: frozenset[str] = frozenset()

    def get(self, language: str) -> str:
        """The text in ``language`` ("en", "es" or "ru"), falling back to English."""
        found: str | None = getattr(self, language, None) if language in LANGUAGES else None
        return found or self.en

    def has(self, language: str) -> bool:
        """Whether the text is written in ``language`` (English always is)."""
        return language in LANGUAGES and bool(getattr(self, language))

    def is_ours(self, language: str) -> bool:
        """Whether the text in ``language`` is our translation, not yet checked."""
        return language != "en" and self.has(language) and language not in self.official


@dataclass(frozen=True)
class Provenance:
    """Where a criterion or a rule comes from.

    ``status`` is ``"sourced"`` when its content was read in ``source`` at ``where``, or
    ``"to-verify"`` when it still has to be checked against the official guidance (``note`` says
    what to check).
    """

    status: Literal["sourced", "to-verify"]
    source: str | None = None
    where: str | None = None
    note: str | None = None

    @property
    def to_verify(self) -> bool:
        return self.status == "to-verify"


@dataclass(frozen=True)
class Source:
    """A document that provenance entries may cite."""

    id: str
    title: str
    location: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Level:
    key: str
    label: Text


@dataclass(frozen=True)
class Dimension:
    code: str
    title: Text


@dataclass(frozen=True)
class Input:
    """A number entered for an indicator (a share in percent, or a count) and its range."""

    key: str
    label: Text
    kind: InputKind
    min: float
    max: float


@dataclass(frozen=True)
class Criterion:
    id: str  # "<level>.<letter>", e.g. "meets.b"
    level: str
    letter: str
    text: Text
    provenance: Provenance


# --- Rules ---------------------------------------------------------------------------------
# Criterion references in rules are always qualified ids ("meets.b"), resolved by the loader.


@dataclass(frozen=True)
class AllOf:
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class AnyOf:
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class AtLeast:
    n: int
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class LevelBelowAnd:
    """The rule of the level just below holds and these criteria are met."""

    criteria: tuple[str, ...]


@dataclass(frozen=True)
class Band:
    """A numeric input lies in a range; an absent edge is unbounded."""

    input: str
    lower: float | None = None
    lower_inclusive: bool = True
    upper: float | None = None
    upper_inclusive: bool = True

    def below(self, value: float) -> bool:
        """Whether ``value`` lies under the lower edge."""
        if self.lower is None:
            return False
        return value < self.lower or (value == self.lower and not self.lower_inclusive)

    def above(self, value: float) -> bool:
        """Whether ``value`` lies over the upper edge."""
        if self.upper is None:
            return False
        return value > self.upper or (value == self.upper and not self.upper_inclusive)

    def contains(self, value: float) -> bool:
        return not self.below(value) and not self.above(value)

    def interval(self) -> str:
        """The range in interval notation: ``[33, 50]``, ``(50, ∞)``."""
        low = (
            "(-∞"
            if self.lower is None
            else ("[" if self.lower_inclusive else "(") + number(self.lower)
        )
        high = (
            "∞)"
            if self.upper is None
            else number(self.upper) + ("]" if self.upper_inclusive else ")")
        )
        return f"{low}, {high}"


@dataclass(frozen=True)
class AllRules:
    """Every one of these rules holds (for example a band and some criteria)."""

    rules: tuple[Rule, ...]


Rule = AllOf | AnyOf | AtLeast | LevelBelowAnd | Band | AllRules


def number(value: float) -> str:
    """A number as people write it: 33 rather than 33.0."""
    if math.isfinite(value) and value == int(value):
        return str(int(value))
    return f"{value:g}"


# --- Indicators and frameworks -------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorLevel:
    """One level of one indicator. The lowest level has no criteria and no rule."""

    level: str
    criteria: tuple[Criterion, ...] = ()
    rule: Rule | None = None
    provenance: Provenance | None = None


@dataclass(frozen=True)
class Indicator:
    code: str
    title: Text
    dimension: str
    levels: tuple[IndicatorLevel, ...]  # every framework level, lowest first
    inputs: tuple[Input, ...] = ()
    statement: Text | None = None

    @property
    def level_keys(self) -> tuple[str, ...]:
        return tuple(item.level for item in self.levels)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for item in self.levels for c in item.criteria)

    def criterion(self, criterion_id: str) -> Criterion:
        for item in self.criteria:
            if item.id == criterion_id:
                return item
        raise KeyError(f"indicator {self.code} has no criterion {criterion_id!r}")

    def input(self, key: str) -> Input:
        for item in self.inputs:
            if item.key == key:
                return item
        raise KeyError(f"indicator {self.code} has no input {key!r}")


@dataclass(frozen=True)
class Framework:
    identifier: str
    version: str
    title: Text
    levels: tuple[Level, ...]  # lowest first
    dimensions: tuple[Dimension, ...]
    indicators: tuple[Indicator, ...]
    sources: tuple[Source, ...] = ()
    description: Text | None = None
    origin: str = field(default="", compare=False)  # the file it was read from

    @property
    def level_keys(self) -> tuple[str, ...]:
        return tuple(level.key for level in self.levels)

    def indicator(self, code: str) -> Indicator:
        for item in self.indicators:
            if item.code == code:
                return item
        raise KeyError(f"framework {self.identifier} {self.version} has no indicator {code!r}")

    def dimension(self, code: str) -> Dimension:
        for item in self.dimensions:
            if item.code == code:
                return item
        raise KeyError(f"framework {self.identifier} {self.version} has no dimension {code!r}")
