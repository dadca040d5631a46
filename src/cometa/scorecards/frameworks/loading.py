"""Rating frameworks as data: load and validate a framework file, and the frameworks we ship.

A framework file is YAML in the format published as ``frameworks/schema.json`` and described in
``docs/frameworks.md``. Loading checks it against that schema, then checks what a schema cannot
say (references, duplicates, overlapping bands, ...). Every problem is a :class:`FrameworkError`
whose text is ``"<file>:<line>: <message>"``.

Run ``python -m cometa.scorecards.frameworks.loading FILE...`` to check files before
publishing them.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from cometa.scorecards.frameworks.checks import (
    band_of,
    framework_schema,
    qualify,
    schema_problems,
    semantic_problems,
)
from cometa.scorecards.frameworks.model import (
    AllOf,
    AllRules,
    AnyOf,
    AtLeast,
    Band,
    Criterion,
    Dimension,
    Framework,
    Indicator,
    IndicatorLevel,
    Input,
    Level,
    LevelBelowAnd,
    Provenance,
    Rule,
    Source,
    Text,
)
from cometa.scorecards.frameworks.source import FrameworkError, parse_yaml

__all__ = [
    "AllOf",
    "AllRules",
    "AnyOf",
    "AtLeast",
    "Band",
    "Criterion",
    "Dimension",
    "Framework",
    "FrameworkError",
    "Indicator",
    "IndicatorLevel",
    "Input",
    "Level",
    "LevelBelowAnd",
    "Provenance",
    "Rule",
    "Source",
    "Text",
    "builtin_frameworks",
    "framework_problems",
    "framework_schema",
    "load_builtin",
    "load_framework",
    "load_framework_text",
]

BUILTIN_PACKAGE = "cometa.scorecards.frameworks"
BUILTIN_FOLDER = "data"


# --- Loading -------------------------------------------------------------------------------


def load_framework(path: str | Path) -> Framework:
    """Read, check and build the framework in the YAML file at ``path``."""
    path = Path(path)
    return load_framework_text(path.read_text(encoding="utf-8"), name=str(path))


def load_framework_text(text: str, *, name: str = "<text>") -> Framework:
    """Check and build a framework from YAML ``text``; ``name`` is used in error messages."""
    data, problems = _parse_and_check(text, name)
    if problems:
        raise problems[0]
    return _framework(data, origin=name)


def framework_problems(text: str, *, name: str = "<text>") -> list[FrameworkError]:
    """Every problem found in YAML ``text`` (empty when it is a valid framework)."""
    try:
        return _parse_and_check(text, name)[1]
    except FrameworkError as error:
        return [error]


def _parse_and_check(text: str, name: str) -> tuple[Any, list[FrameworkError]]:
    data, src = parse_yaml(text, name)
    problems = schema_problems(data, src)
    if not problems:
        problems = semantic_problems(data, src)
    return data, problems


# --- Building the dataclasses (from data that passed every check) --------------------------


def _framework(data: Mapping[str, Any], *, origin: str) -> Framework:
    level_keys = tuple(level["key"] for level in data["levels"])
    return Framework(
        identifier=data["identifier"],
        version=data["version"],
        title=_text(data["title"]),
        description=_text(data["description"]) if "description" in data else None,
        levels=tuple(Level(key=item["key"], label=_text(item["label"])) for item in data["levels"]),
        dimensions=tuple(
            Dimension(code=item["code"], title=_text(item["title"])) for item in data["dimensions"]
        ),
        indicators=tuple(_indicator(item, level_keys) for item in data["indicators"]),
        sources=tuple(_source(key, item) for key, item in data["sources"].items()),
        origin=origin,
    )


def _text(data: Mapping[str, Any]) -> Text:
    return Text(
        en=data["en"],
        es=data.get("es"),
        ru=data.get("ru"),
        official=frozenset(data.get("official", ())),
    )


def _source(key: str, data: Mapping[str, str]) -> Source:
    return Source(id=key, title=data["title"], location=data.get("location"), note=data.get("note"))


def _provenance(data: Mapping[str, str]) -> Provenance:
    if "source" in data:
        return Provenance(
            "sourced", source=data["source"], where=data["where"], note=data.get("note")
        )
    return Provenance("to-verify", note=data["note"])


def _indicator(data: Mapping[str, Any], level_keys: tuple[str, ...]) -> Indicator:
    levels = [IndicatorLevel(level=level_keys[0])]
    levels += [_indicator_level(key, data["levels"][key]) for key in level_keys[1:]]
    return Indicator(
        code=data["code"],
        title=_text(data["title"]),
        dimension=data["dimension"],
        levels=tuple(levels),
        inputs=tuple(_input(item) for item in data.get("inputs", [])),
        statement=_text(data["statement"]) if "statement" in data else None,
    )


def _input(data: Mapping[str, Any]) -> Input:
    return Input(
        key=data["key"],
        label=_text(data["label"]),
        kind=data["kind"],
        min=float(data["min"]),
        max=float(data["max"]),
    )


def _indicator_level(key: str, data: Mapping[str, Any]) -> IndicatorLevel:
    criteria = tuple(
        Criterion(
            id=f"{key}.{letter}",
            level=key,
            letter=letter,
            text=_text(item["text"]),
            provenance=_provenance(item["provenance"]),
        )
        for letter, item in data.get("criteria", {}).items()
    )
    return IndicatorLevel(
        level=key,
        criteria=criteria,
        rule=_rule(data["rule"], key),
        provenance=_provenance(data["provenance"]),
    )


def _rule(data: Mapping[str, Any], level: str) -> Rule:
    ((kind, body),) = data.items()
    if kind == "all":
        return AllRules(tuple(_rule(item, level) for item in body))
    if kind == "band":
        return band_of(body)
    if kind == "at_least":
        return AtLeast(n=body["n"], criteria=_refs(body["of"], level))
    if kind == "any_of":
        return AnyOf(_refs(body, level))
    if kind == "level_below_and":
        return LevelBelowAnd(_refs(body, level))
    return AllOf(_refs(body, level))


def _refs(refs: Sequence[str], level: str) -> tuple[str, ...]:
    return tuple(qualify(ref, level) for ref in refs)


# --- The frameworks shipped with Cometa ----------------------------------------------------


@cache
def _builtins() -> tuple[Framework, ...]:
    folder = resources.files(BUILTIN_PACKAGE).joinpath(BUILTIN_FOLDER)
    files = sorted((item for item in folder.iterdir() if item.name.endswith(".yaml")), key=str)
    return tuple(
        load_framework_text(
            item.read_text(encoding="utf-8"), name=f"frameworks/{BUILTIN_FOLDER}/{item.name}"
        )
        for item in files
    )


def builtin_frameworks() -> list[Framework]:
    """Every framework shipped in ``cometa/scorecards/frameworks/data/``, by identifier and
    version."""
    return sorted(_builtins(), key=lambda item: (item.identifier, _version_key(item.version)))


def load_builtin(identifier: str, version: str | None = None) -> Framework:
    """The shipped framework ``identifier`` at ``version`` (by default its latest version)."""
    found = [item for item in builtin_frameworks() if item.identifier == identifier]
    if version is not None:
        found = [item for item in found if item.version == version]
    if not found:
        known = ", ".join(f"{item.identifier} {item.version}" for item in builtin_frameworks())
        wanted = identifier if version is None else f"{identifier} {version}"
        raise LookupError(f"no shipped framework {wanted} (shipped: {known})")
    return found[-1]


def _version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Order versions naturally: "2018" < "2023" and "1.9" < "1.10"."""
    parts = version.replace("-", ".").split(".")
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts)


def main(argv: Sequence[str] | None = None) -> int:
    """Check framework files; print each problem as ``file:line: message``."""
    paths = list(sys.argv[1:] if argv is None else argv)
    failed = False
    for path in paths:
        problems = framework_problems(Path(path).read_text(encoding="utf-8"), name=path)
        for problem in problems:
            print(problem)
        failed = failed or bool(problems)
        if not problems:
            print(f"{path}: ok")
    return 1 if failed or not paths else 0


if __name__ == "__main__":
    raise SystemExit(main())
