"""Reading the demo's data files (``cometa/demo/data``): YAML checked against ``schema.json``,
then turned into the typed records the builders take.

A file that breaks the schema stops the demo with the file, the line and the problem: the
demo's data is shipped with the code, so a problem there is a bug, not a user's mistake.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from cometa.scorecards.frameworks.source import FrameworkError, parse_yaml

PACKAGE, FOLDER = "cometa.demo", "data"
INDEX, ACCOUNTS, COMMON = "demo.yaml", "accounts.yaml", "common.yaml"


class DemoDataError(RuntimeError):
    """The demo's own data is wrong or does not fit the framework (a bug in the demo)."""


# --- Records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rated:
    """One reassessed indicator. ``answers`` None: the builder picks answers that give
    ``level``. ``editor`` empty: the team's coordinator rates it."""

    level: str
    answers: dict[str, str] | None = None
    inputs: dict[str, float] = field(default_factory=dict)
    findings: dict[str, str] = field(default_factory=dict)
    justification: str = ""
    agreed_level: str = ""
    difference_reason: str = ""
    editor: str = ""


@dataclass(frozen=True)
class Document:
    indicator: str
    category: str
    title: str
    url: str = ""
    shared: bool = False
    good_practice: bool = False


@dataclass(frozen=True)
class Action:
    indicator: str
    text: str
    status: str
    responsible: str = ""
    progress: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Member:
    name: str
    entity: str
    title: str


@dataclass(frozen=True)
class Year:
    source: str  # the file it was read from, for error messages
    year: int
    kind: str
    status: str
    ratings: dict[str, Rated]
    cycle: str = ""
    process: str = ""
    team: tuple[Member, ...] | None = None  # None: the team file's
    notes: dict[str, str] = field(default_factory=dict)
    documents: tuple[Document, ...] = ()
    actions: tuple[Action, ...] = ()
    good_practice: dict[str, str] = field(default_factory=dict)
    return_comment: str = ""


@dataclass(frozen=True)
class Coordinator:
    account: str = ""  # a demo account; or else a person known by name only:
    name: str = ""
    email: str = ""
    title: str = ""


@dataclass(frozen=True)
class Team:
    source: str
    key: str
    organisation: dict[str, str]  # name, and country and region when it may be created
    framework: str
    coordinator: Coordinator
    years: tuple[Year, ...]
    reviewer: str = ""
    cycles: tuple[tuple[str, int, int], ...] = ()
    team: tuple[Member, ...] = ()
    verification_links: str = ""
    weakest_actions: tuple[int, str] | None = None  # how many, below which level


@dataclass(frozen=True)
class Part:
    note: str
    teams: tuple[Team, ...]


@dataclass(frozen=True)
class Common:
    finding_sentences: tuple[str, ...]
    action_texts: dict[str, str]


@dataclass(frozen=True)
class DemoData:
    parts: tuple[Part, ...]
    common: Common


# --- Reading and checking ------------------------------------------------------------------


@cache
def schema() -> dict[str, Any]:
    text = resources.files(PACKAGE).joinpath(FOLDER, "schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"#/$defs/{kind}", "$defs": schema()["$defs"]})


def read(name: str, kind: str) -> Any:
    """The plain data of ``data/<name>``, checked against the schema's ``$defs/<kind>``."""
    where = resources.files(PACKAGE).joinpath(FOLDER, *name.split("/"))
    try:
        data, lines = parse_yaml(where.read_text(encoding="utf-8"), name)
    except FileNotFoundError:
        raise DemoDataError(f"{name}: no such demo data file") from None
    except FrameworkError as error:
        raise DemoDataError(str(error)) from error
    worst = best_match(_validator(kind).iter_errors(data))
    if worst is not None:
        path = tuple(worst.absolute_path)
        place = ".".join(str(part) for part in path) or "the file"
        raise DemoDataError(f"{name}:{lines.line(path)}: {place}: {worst.message}")
    return data


def load() -> DemoData:
    """Every scorecard file the index names, with the common texts."""
    index = read(INDEX, "index")
    common = read(COMMON, "common")
    parts = tuple(
        Part(part["note"], tuple(_team(name, read(name, "team")) for name in part["teams"]))
        for part in index["parts"]
    )
    return DemoData(parts, Common(tuple(common["finding_sentences"]), dict(common["action_texts"])))


# --- Plain data to records -------------------------------------------------------------------


def _team(source: str, data: dict[str, Any]) -> Team:
    coordinator = data["coordinator"]
    return Team(
        source=source,
        key=data["key"],
        organisation=dict(data["organisation"]),
        framework=data["framework"],
        coordinator=Coordinator(account=coordinator)
        if isinstance(coordinator, str)
        else Coordinator(**coordinator),
        years=tuple(
            _year(item, read(item, "year")) if isinstance(item, str) else _year(source, item)
            for item in data["years"]
        ),
        reviewer=data.get("reviewer", ""),
        cycles=tuple((c["name"], c["first"], c["last"]) for c in data.get("cycles", [])),
        team=_members(data.get("team", [])),
        verification_links=data.get("verification_links", ""),
        weakest_actions=(weakest["count"], weakest["below"])
        if (weakest := data.get("weakest_actions"))
        else None,
    )


def _year(source: str, data: dict[str, Any]) -> Year:
    return Year(
        source=source,
        year=data["year"],
        kind=data["kind"],
        status=data["status"],
        ratings={code: _rated(value) for code, value in data["ratings"].items()},
        cycle=data.get("cycle", ""),
        process=data.get("process", ""),
        team=_members(data["team"]) if "team" in data else None,
        notes=dict(data.get("notes", {})),
        documents=tuple(Document(**item) for item in data.get("documents", [])),
        actions=tuple(Action(**item) for item in data.get("actions", [])),
        good_practice=dict(data.get("good_practice", {})),
        return_comment=data.get("return_comment", ""),
    )


def _rated(value: str | dict[str, Any]) -> Rated:
    if isinstance(value, str):
        return Rated(value)
    fields = dict(value)
    fields["inputs"] = {key: float(number) for key, number in fields.get("inputs", {}).items()}
    return Rated(**fields)


def _members(items: list[dict[str, str]]) -> tuple[Member, ...]:
    return tuple(Member(**item) for item in items)
