"""The rating engine: pure functions from answers and numbers to a level and the reasons for it.

An indicator's rating is the highest level whose rule holds; the lowest level is reached when no
other level's rule holds. Answers are keyed by criterion id (``"meets.b"``); an answer that is
missing counts as :attr:`Answer.UNKNOWN`, and UNKNOWN counts as not met, so not knowing never
raises a rating. A band whose input is missing or ``None`` does not hold.

Rules are compiled once per indicator (and once per framework) and kept while the indicator or
framework object lives, so rating many assessments against one framework is cheap.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from decimal import Decimal

from cometa.scorecards.frameworks.identity_cache import ByIdentity as _ByIdentity
from cometa.scorecards.frameworks.model import (
    AllOf,
    AllRules,
    AnyOf,
    AtLeast,
    Band,
    Framework,
    Indicator,
    Input,
    LevelBelowAnd,
    Rule,
    number,
)
from cometa.scorecards.frameworks.outcome import (
    _ANSWER_VALUES,
    Answer,
    EngineError,
    Missing,
    MissingKind,
    Rating,
    Trace,
)

__all__ = [
    "Answer",
    "EngineError",
    "Missing",
    "MissingKind",
    "Rating",
    "Trace",
    "compare_levels",
    "level_index",
    "rate",
    "rate_assessment",
]


Answers = Mapping[str, Answer]
Inputs = Mapping[str, float | None]
_Values = Mapping[str, float | None]


# --- Public functions ----------------------------------------------------------------------


def rate(
    indicator: Indicator, answers: Answers | None = None, inputs: Inputs | None = None
) -> Rating:
    """Rate one indicator from answers by criterion id and numeric inputs by key."""
    return _compiled_indicator(indicator).rate(answers or {}, inputs or {})


def rate_assessment(
    framework: Framework,
    answers_by_indicator: Mapping[str, Answers],
    inputs_by_indicator: Mapping[str, Inputs] | None = None,
) -> dict[str, Rating]:
    """Rate every indicator of ``framework``; indicators without answers get no criteria met."""
    compiled = _compiled_framework(framework)
    inputs_by_indicator = inputs_by_indicator or {}
    for given in (answers_by_indicator, inputs_by_indicator):
        unknown = given.keys() - compiled.keys()
        if unknown:
            raise EngineError(
                f"framework {framework.identifier} {framework.version} has no indicator"
                f" {_listed(unknown)}"
            )
    return {
        code: item.rate(answers_by_indicator.get(code) or {}, inputs_by_indicator.get(code) or {})
        for code, item in compiled.items()
    }


def level_index(framework: Framework, key: str) -> int:
    """Position of level ``key`` in ``framework``, 0 for the lowest."""
    keys = framework.level_keys
    if key not in keys:
        raise EngineError(
            f"framework {framework.identifier} {framework.version} has no level {key!r}"
            f" (levels: {', '.join(keys)})"
        )
    return keys.index(key)


def compare_levels(framework: Framework, first: str, second: str) -> int:
    """-1, 0 or 1 as level ``first`` is below, equal to or above level ``second``."""
    difference = level_index(framework, first) - level_index(framework, second)
    return (difference > 0) - (difference < 0)


def _listed(keys: AbstractSet[str] | list[str]) -> str:
    return ", ".join(repr(key) for key in sorted(keys))


# --- Compiled rules ------------------------------------------------------------------------


class _Node:
    """A compiled rule: whether it holds, which met criteria count, what is missing."""

    __slots__ = ()

    def holds(self, met: AbstractSet[str], values: _Values) -> bool:
        raise NotImplementedError

    def counted(self, met: AbstractSet[str], values: _Values) -> list[str]:
        return []

    def missing(self, met: AbstractSet[str], values: _Values) -> list[Missing]:
        raise NotImplementedError


class _Refs(_Node):
    __slots__ = ("ref_set", "refs")

    def __init__(self, refs: tuple[str, ...]) -> None:
        self.refs = refs
        self.ref_set = frozenset(refs)

    def counted(self, met: AbstractSet[str], values: _Values) -> list[str]:
        return [ref for ref in self.refs if ref in met]

    def unmet(self, met: AbstractSet[str]) -> list[str]:
        return [ref for ref in self.refs if ref not in met]


class _AllOf(_Refs):
    __slots__ = ()

    def holds(self, met: AbstractSet[str], values: _Values) -> bool:
        return self.ref_set <= met

    def missing(self, met: AbstractSet[str], values: _Values) -> list[Missing]:
        return [Missing(MissingKind.CRITERION, (ref,)) for ref in self.unmet(met)]


class _AnyOf(_Refs):
    __slots__ = ()

    def holds(self, met: AbstractSet[str], values: _Values) -> bool:
        return not self.ref_set.isdisjoint(met)

    def missing(self, met: AbstractSet[str], values: _Values) -> list[Missing]:
        return [Missing(MissingKind.ONE_OF, tuple(self.unmet(met)))]


class _AtLeast(_Refs):
    __slots__ = ("n",)

    def __init__(self, n: int, refs: tuple[str, ...]) -> None:
        super().__init__(refs)
        self.n = n

    def holds(self, met: AbstractSet[str], values: _Values) -> bool:
        return len(self.ref_set & met) >= self.n

    def missing(self, met: AbstractSet[str], values: _Values) -> list[Missing]:
        needed = self.n - len(self.ref_set & met)
        return [Missing(MissingKind.MORE_OF, tuple(self.unmet(met)), count=needed)]


class _LevelBelowAnd(_Refs):
    __slots__ = ("below",)

    def __init__(self, below: _Node, refs: tuple[str, ...]) -> None:
        super().__init__(refs)
        self.below = below

    def holds(self, met: AbstractSet[str], values: _Values) -> bool:
        return self.ref_set <= met and self.below.holds(met, values)

    def counted(self, met: AbstractSet[str], values: _Values) -> list[str]:
        return self.below.counted(met, values) + super().counted(met, values)

    def missing(self, met: AbstractSet[str], values: _Values) -> list[Missing]:
        below = [] if self.below.holds(met, values) else self.below.missing(met, values)
        return below + [Missing(MissingKind.CRITERION, (ref,)) for ref in self.unmet(met)]


class _Band(_Node):
    __slots__ = ("band", "key")

    def __init__(self, band: Band) -> None:
        self.band = band
        self.key = band.input

    def holds(self, met: AbstractSet[str], values: _Values) -> bool:
        value = values.get(self.key)
        return value is not None and self.band.contains(value)

    def missing(self, met: AbstractSet[str], values: _Values) -> list[Missing]:
        value, band = values.get(self.key), self.band
        if value is None:
            return [Missing(MissingKind.INPUT_GIVEN, input=self.key, interval=band.interval())]
        if band.lower is not None and band.below(value):
            sign = "≥" if band.lower_inclusive else ">"
            return [Missing(MissingKind.INPUT_BOUND, input=self.key, sign=sign, bound=band.lower)]
        assert band.upper is not None
        sign = "≤" if band.upper_inclusive else "<"
        return [Missing(MissingKind.INPUT_BOUND, input=self.key, sign=sign, bound=band.upper)]


class _All(_Node):
    __slots__ = ("nodes",)

    def __init__(self, nodes: tuple[_Node, ...]) -> None:
        self.nodes = nodes

    def holds(self, met: AbstractSet[str], values: _Values) -> bool:
        return all(node.holds(met, values) for node in self.nodes)

    def counted(self, met: AbstractSet[str], values: _Values) -> list[str]:
        return [ref for node in self.nodes for ref in node.counted(met, values)]

    def missing(self, met: AbstractSet[str], values: _Values) -> list[Missing]:
        failing = (node for node in self.nodes if not node.holds(met, values))
        return [item for node in failing for item in node.missing(met, values)]


def _compile_rule(rule: Rule, below: _Node | None, where: str) -> _Node:
    """``rule`` as a node; ``below`` is the rule of the level below, ``where`` names the level."""
    if isinstance(rule, AllOf):
        return _AllOf(rule.criteria)
    if isinstance(rule, AnyOf):
        return _AnyOf(rule.criteria)
    if isinstance(rule, AtLeast):
        return _AtLeast(rule.n, rule.criteria)
    if isinstance(rule, Band):
        return _Band(rule)
    if isinstance(rule, AllRules):
        return _All(tuple(_compile_rule(item, below, where) for item in rule.rules))
    assert isinstance(rule, LevelBelowAnd)
    if below is None:
        raise EngineError(f"{where}: level_below_and cannot be used just above the lowest level")
    return _LevelBelowAnd(below, rule.criteria)


# --- Compiled indicators -------------------------------------------------------------------


class _CompiledIndicator:
    """One indicator, ready to rate: its rules compiled, its criteria and inputs indexed."""

    def __init__(self, indicator: Indicator) -> None:
        self.code = indicator.code
        self.levels = indicator.level_keys
        self.criteria = tuple(item.id for item in indicator.criteria)
        self.criterion_set = frozenset(self.criteria)
        self.inputs: dict[str, Input] = {item.key: item for item in indicator.inputs}
        self.nodes = self._compile(indicator)
        self.rungs = tuple(  # (index, rule), highest level first, the lowest left out
            (index, node)
            for index, node in reversed(list(enumerate(self.nodes)))
            if node is not None
        )

    def _compile(self, indicator: Indicator) -> tuple[_Node | None, ...]:
        nodes: list[_Node | None] = [None]
        for level in indicator.levels[1:]:
            if level.rule is None:
                raise EngineError(f"indicator {self.code}: level {level.level!r} has no rule")
            where = f"indicator {self.code}, level {level.level!r}"
            nodes.append(_compile_rule(level.rule, nodes[-1], where))
        return tuple(nodes)

    def rate(self, answers: Answers, inputs: Inputs) -> Rating:
        met, unknown = self._read_answers(answers)
        values = self._values(inputs)
        index = next((index for index, node in self.rungs if node.holds(met, values)), 0)
        node = self.nodes[index]
        trace = Trace(
            decided_by=None if node is None else self.levels[index],
            counted=() if node is None else tuple(dict.fromkeys(node.counted(met, values))),
            unknown=unknown,
            unknown_inputs=tuple(key for key in self.inputs if values.get(key) is None),
            next_level=self.levels[index + 1] if index + 1 < len(self.levels) else None,
            missing_for_next=self._missing_above(index, met, values),
        )
        return Rating(indicator=self.code, level=self.levels[index], trace=trace)

    def _missing_above(
        self, index: int, met: AbstractSet[str], values: _Values
    ) -> tuple[Missing, ...]:
        if index + 1 >= len(self.nodes):
            return ()
        node = self.nodes[index + 1]
        assert node is not None
        return tuple(node.missing(met, values))

    def _read_answers(self, answers: Answers) -> tuple[set[str], tuple[str, ...]]:
        """The met criteria, and the criteria not known (answered UNKNOWN or not answered)."""
        extra = answers.keys() - self.criterion_set
        if extra:
            raise EngineError(
                f"indicator {self.code} has no criterion {_listed(extra)}"
                f" (criteria: {', '.join(self.criteria) or 'none'})"
            )
        met: set[str] = set()
        known: set[str] = set()
        for key, given in answers.items():
            answer = given if type(given) is Answer else self._answer(key, given)
            if answer is Answer.MET:
                met.add(key)
                known.add(key)
            elif answer is Answer.NOT_MET:
                known.add(key)
        return met, tuple(item for item in self.criteria if item not in known)

    def _answer(self, key: str, given: object) -> Answer:
        if isinstance(given, str) and given in _ANSWER_VALUES:
            return Answer(given)
        raise EngineError(
            f"indicator {self.code}, criterion {key!r}: {given!r} is not an answer"
            f" ({', '.join(sorted(_ANSWER_VALUES))})"
        )

    def _values(self, inputs: Inputs) -> _Values:
        if not inputs:
            return inputs
        return {key: self._value(key, value) for key, value in inputs.items()}

    def _value(self, key: str, value: object) -> float | None:
        spec = self.inputs.get(key)
        if spec is None:
            known = ", ".join(self.inputs) or "none"
            raise EngineError(f"indicator {self.code} has no input {key!r} (inputs: {known})")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            raise EngineError(f"indicator {self.code}, input {key!r}: {value!r} is not a number")
        number_value = float(value)
        if math.isnan(number_value):
            raise EngineError(f"indicator {self.code}, input {key!r}: NaN is not a value")
        if not spec.min <= number_value <= spec.max:
            raise EngineError(
                f"indicator {self.code}, input {key!r}: {value} is outside"
                f" [{number(spec.min)}, {number(spec.max)}]"
            )
        return number_value


# --- Caches by object identity (frameworks are immutable) ----------------------------------

_indicators: _ByIdentity[Indicator, _CompiledIndicator] = _ByIdentity(_CompiledIndicator)


def _compile_framework(framework: Framework) -> dict[str, _CompiledIndicator]:
    return {item.code: _indicators.get(item) for item in framework.indicators}


_frameworks: _ByIdentity[Framework, dict[str, _CompiledIndicator]] = _ByIdentity(_compile_framework)


def _compiled_indicator(indicator: Indicator) -> _CompiledIndicator:
    return _indicators.get(indicator)


def _compiled_framework(framework: Framework) -> dict[str, _CompiledIndicator]:
    return _frameworks.get(framework)
