"""Checks of a parsed framework file: the published JSON Schema, then what a schema cannot say.

Both work on the plain data of :func:`cometa.scorecards.frameworks.source.parse_yaml` and return
:class:`FrameworkError` values that name the file and the line.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from cometa.scorecards.frameworks.model import Band, number
from cometa.scorecards.frameworks.source import DataPath, FrameworkError, SourceLines

SCHEMA_RESOURCE = ("cometa.scorecards.frameworks", "data/schema.json")


@cache
def framework_schema() -> dict[str, Any]:
    """The JSON Schema of the framework file format, as shipped with the package."""
    package, name = SCHEMA_RESOURCE
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(framework_schema())


# --- Schema --------------------------------------------------------------------------------


def schema_problems(data: Any, src: SourceLines) -> list[FrameworkError]:
    """Every place where ``data`` breaks the schema, first line first."""
    problems = []
    for error in _validator().iter_errors(data):
        deepest = best_match([error])
        path = tuple(deepest.absolute_path)
        problems.append(src.error(path, f"{dotted(path)}: {_schema_message(deepest)}"))
    return sorted(problems, key=lambda problem: problem.line)


# What to say when a value matches none of the shapes allowed (oneOf / anyOf), by $defs path.
_SHAPE_HINTS: dict[tuple[str, ...], str] = {
    ("rule",): "a rule has exactly one of: all_of, any_of, at_least, level_below_and, band, all",
    ("provenance",): (
        "a provenance is either {source, where} (with an optional note)"
        " or {status: to-verify, note}"
    ),
    ("bandRule", "properties", "band"): "a band needs a lower edge, an upper edge or both",
}


def _schema_message(error: ValidationError) -> str:
    if error.validator in ("oneOf", "anyOf"):
        definitions = framework_schema()["$defs"]
        for where, hint in _SHAPE_HINTS.items():
            if error.schema == _dig(definitions, where):
                return f"{hint}; found {_shape(error.instance)}"
    return str(error.message)


def _dig(data: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def _shape(instance: Any) -> str:
    return repr(sorted(instance)) if isinstance(instance, Mapping) else repr(instance)


def dotted(path: DataPath) -> str:
    """``("indicators", 2, "levels", "meets")`` as ``indicators[2].levels.meets``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(top)"


# --- Semantics -----------------------------------------------------------------------------


@dataclass
class _Scope:
    """What the rules of one indicator may refer to, and what they used."""

    code: str
    level: str = ""
    rung: int = 0  # position of ``level`` among the framework's levels (0 = lowest)
    criteria: set[str] = field(default_factory=set)
    inputs: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    bands: list[tuple[str, Band, DataPath]] = field(default_factory=list)


class _Checker:
    def __init__(self, data: Mapping[str, Any], src: SourceLines) -> None:
        self.src = src
        self.problems: list[FrameworkError] = []
        self.levels = [level["key"] for level in data["levels"]]
        self.sources = set(data["sources"])

    def report(self, path: DataPath, message: str) -> None:
        self.problems.append(self.src.error(path, message))


def semantic_problems(data: Mapping[str, Any], src: SourceLines) -> list[FrameworkError]:
    """Problems the schema cannot express, in line order. ``data`` must pass the schema."""
    checker = _Checker(data, src)
    _unique(checker, data["levels"], "key", ("levels",), "level")
    dimensions = _unique(checker, data["dimensions"], "code", ("dimensions",), "dimension")
    _unique(checker, data["indicators"], "code", ("indicators",), "indicator")
    for index, indicator in enumerate(data["indicators"]):
        _check_indicator(checker, indicator, ("indicators", index), set(dimensions))
    _check_dimensions_used(checker, data)
    return sorted(checker.problems, key=lambda problem: problem.line)


def _unique(
    checker: _Checker, items: list[Mapping[str, Any]], key: str, path: DataPath, what: str
) -> list[str]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item[key] in seen:
            checker.report((*path, index, key), f"duplicate {what} {key} {item[key]!r}")
        seen.add(item[key])
    return [item[key] for item in items]


def _check_dimensions_used(checker: _Checker, data: Mapping[str, Any]) -> None:
    used = {indicator["dimension"] for indicator in data["indicators"]}
    for index, dimension in enumerate(data["dimensions"]):
        if dimension["code"] not in used:
            checker.report(
                ("dimensions", index), f"dimension {dimension['code']!r} has no indicators"
            )


def _check_indicator(
    checker: _Checker, indicator: Mapping[str, Any], path: DataPath, dimensions: set[str]
) -> None:
    code = indicator["code"]
    if indicator["dimension"] not in dimensions:
        checker.report(
            (*path, "dimension"),
            f"indicator {code}: unknown dimension {indicator['dimension']!r}"
            f" (declared: {', '.join(sorted(dimensions))})",
        )
    scope = _Scope(code=code, inputs=_check_inputs(checker, indicator, path))
    levels = _check_level_keys(checker, indicator, path)
    scope.criteria = {
        f"{key}.{letter}" for key in levels for letter in levels[key].get("criteria", {})
    }
    for key, entry in levels.items():
        _check_level(checker, entry, (*path, "levels", key), scope, key)
    _check_unused(checker, levels, path, scope)
    _check_overlaps(checker, scope)


def _check_inputs(
    checker: _Checker, indicator: Mapping[str, Any], path: DataPath
) -> dict[str, Mapping[str, Any]]:
    inputs: dict[str, Mapping[str, Any]] = {}
    for index, item in enumerate(indicator.get("inputs", [])):
        where = (*path, "inputs", index)
        if item["key"] in inputs:
            checker.report(
                (*where, "key"),
                f"indicator {indicator['code']}: duplicate input key {item['key']!r}",
            )
        if item["min"] >= item["max"]:
            checker.report(
                (*where, "max"),
                f"input {item['key']!r}: max {number(item['max'])}"
                f" must be above min {number(item['min'])}",
            )
        inputs[item["key"]] = item
    return inputs


def _check_level_keys(
    checker: _Checker, indicator: Mapping[str, Any], path: DataPath
) -> dict[str, Mapping[str, Any]]:
    """The indicator's level entries that name a level above the lowest, in framework order."""
    code, given = indicator["code"], indicator["levels"]
    lowest, above = checker.levels[0], checker.levels[1:]
    for key in given:
        if key == lowest:
            checker.report(
                (*path, "levels", key),
                f"indicator {code}: the lowest level {lowest!r} takes no criteria and no rule;"
                " it is reached when no other level's rule holds",
            )
        elif key not in above:
            checker.report(
                (*path, "levels", key),
                f"indicator {code}: unknown level {key!r} (levels: {', '.join(checker.levels)})",
            )
    for key in above:
        if key not in given:
            checker.report((*path, "levels"), f"indicator {code}: no rule for level {key!r}")
    return {key: given[key] for key in above if key in given}


def _check_level(
    checker: _Checker, entry: Mapping[str, Any], path: DataPath, scope: _Scope, key: str
) -> None:
    scope.level, scope.rung = key, checker.levels.index(key)
    _check_provenance(checker, entry["provenance"], (*path, "provenance"))
    for letter, criterion in entry.get("criteria", {}).items():
        _check_provenance(
            checker, criterion["provenance"], (*path, "criteria", letter, "provenance")
        )
    _check_rule(checker, entry["rule"], (*path, "rule"), scope)


def _check_provenance(checker: _Checker, provenance: Mapping[str, Any], path: DataPath) -> None:
    source = provenance.get("source")
    if source is not None and source not in checker.sources:
        known = ", ".join(sorted(checker.sources)) or "none"
        checker.report(
            (*path, "source"), f"provenance cites unknown source {source!r} (sources: {known})"
        )


def _check_rule(checker: _Checker, rule: Mapping[str, Any], path: DataPath, scope: _Scope) -> None:
    ((kind, body),) = rule.items()
    where = (*path, kind)
    if kind == "all":
        for index, sub in enumerate(body):
            _check_rule(checker, sub, (*where, index), scope)
    elif kind == "band":
        _check_band(checker, body, where, scope)
    elif kind == "at_least":
        _check_refs(checker, body["of"], (*where, "of"), scope)
        if body["n"] > len(body["of"]):
            checker.report(
                (*where, "n"),
                f"indicator {scope.code}, level {scope.level!r}: at_least n={body['n']}"
                f" is larger than the {len(body['of'])} criteria listed",
            )
    else:
        _check_refs(checker, body, where, scope)
        if kind == "level_below_and" and scope.rung == 1:
            checker.report(
                where,
                f"indicator {scope.code}, level {scope.level!r}: level_below_and cannot be used"
                f" here: the level below ({checker.levels[0]!r}) is the lowest and has no rule",
            )


def _check_refs(checker: _Checker, refs: Iterable[str], path: DataPath, scope: _Scope) -> None:
    counts = Counter(qualify(ref, scope.level) for ref in refs)
    for index, ref in enumerate(refs):
        full = qualify(ref, scope.level)
        scope.used.add(full)
        if full not in scope.criteria:
            checker.report(
                (*path, index),
                f"indicator {scope.code}, level {scope.level!r}: rule refers to unknown"
                f" criterion {full!r}",
            )
        elif counts[full] > 1:
            checker.report(
                (*path, index), f"indicator {scope.code}: criterion {full!r} listed twice"
            )
            counts[full] = 1


def qualify(ref: str, level: str) -> str:
    """A rule's reference as a criterion id: ``"b"`` in level meets is ``"meets.b"``."""
    return ref if "." in ref else f"{level}.{ref}"


def band_of(body: Mapping[str, Any]) -> Band:
    lower, upper = body.get("lower"), body.get("upper")
    return Band(
        input=body["input"],
        lower=None if lower is None else float(lower),
        lower_inclusive=body.get("lower_inclusive", True),
        upper=None if upper is None else float(upper),
        upper_inclusive=body.get("upper_inclusive", True),
    )


def _check_band(checker: _Checker, body: Mapping[str, Any], path: DataPath, scope: _Scope) -> None:
    band = band_of(body)
    item = scope.inputs.get(band.input)
    if item is None:
        known = ", ".join(sorted(scope.inputs)) or "none"
        checker.report(
            (*path, "input"),
            f"indicator {scope.code}, level {scope.level!r}: band on unknown input"
            f" {band.input!r} (inputs: {known})",
        )
        return
    for edge in ("lower", "upper"):
        _check_edge(checker, body.get(edge), (*path, edge), edge, item)
    if band.lower is not None and band.upper is not None and not _ordered(band):
        checker.report(
            path, f"indicator {scope.code}: band {band.interval()} on {band.input!r} is empty"
        )
    scope.bands.append((scope.level, band, path))


def _check_edge(
    checker: _Checker, value: float | None, path: DataPath, edge: str, item: Mapping[str, Any]
) -> None:
    if value is None:
        return
    if value < item["min"]:
        checker.report(
            path,
            f"band {edge} edge {number(value)} is below the minimum"
            f" {number(item['min'])} of input {item['key']!r}",
        )
    elif value > item["max"]:
        checker.report(
            path,
            f"band {edge} edge {number(value)} is above the maximum"
            f" {number(item['max'])} of input {item['key']!r}",
        )


def _ordered(band: Band) -> bool:
    assert band.lower is not None and band.upper is not None
    both = band.lower_inclusive and band.upper_inclusive
    return band.lower < band.upper or (band.lower == band.upper and both)


def _check_unused(
    checker: _Checker, levels: Mapping[str, Mapping[str, Any]], path: DataPath, scope: _Scope
) -> None:
    for key, entry in levels.items():
        for letter in entry.get("criteria", {}):
            if f"{key}.{letter}" not in scope.used:
                checker.report(
                    (*path, "levels", key, "criteria", letter),
                    f"indicator {scope.code}: criterion '{key}.{letter}' is not used by any rule",
                )


# --- Band overlaps -------------------------------------------------------------------------


def _check_overlaps(checker: _Checker, scope: _Scope) -> None:
    bands = scope.bands
    for i, (level_a, band_a, _) in enumerate(bands):
        for level_b, band_b, path_b in bands[i + 1 :]:
            if level_a != level_b and band_a.input == band_b.input:
                low, high = sorted([(level_a, band_a), (level_b, band_b)], key=_lower_key)
                if _overlap(low[1], high[1]):
                    checker.report(path_b, _overlap_message(scope.code, low, high))


def _lower_key(item: tuple[str, Band]) -> tuple[float, bool]:
    band = item[1]
    return (-float("inf") if band.lower is None else band.lower, not band.lower_inclusive)


def _overlap(low: Band, high: Band) -> bool:
    """Whether ``high`` (which starts no lower than ``low``) starts before ``low`` ends."""
    if low.upper is None or high.lower is None:
        return True
    both = low.upper_inclusive and high.lower_inclusive
    return high.lower < low.upper or (high.lower == low.upper and both)


def _edge(value: float | None, inclusive: bool) -> str:
    if value is None:
        return "unbounded"
    return f"{number(value)}, {'inclusive' if inclusive else 'exclusive'}"


def _overlap_message(code: str, low: tuple[str, Band], high: tuple[str, Band]) -> str:
    (low_level, a), (high_level, b) = low, high
    return (
        f"indicator {code}: bands on input {a.input!r} overlap between level {low_level!r}"
        f" {a.interval()} and level {high_level!r} {b.interval()}: upper edge of"
        f" {low_level!r} ({_edge(a.upper, a.upper_inclusive)}) vs lower edge of"
        f" {high_level!r} ({_edge(b.lower, b.lower_inclusive)})"
    )
