"""The IATI standard ruleset (``data/standard.json``, IATI-Rulesets 2.03), applied as data.

A small interpreter of the rule types that the rules about results use, following the
ruleset's SPEC.rst: each context is an XPath that selects elements, each case of a rule type
is tested on every element selected, and a failing case reports the rule's id, severity and
message with the element's path. No rule is written out here by hand: a new or changed
rule in the JSON is applied as it stands, and a rule of a type the interpreter does not
know stops the loading (``UnknownRuleType``) instead of being skipped.

Which rules: those whose context reaches into ``result``, the generic ones that apply to
any element (contexts starting with ``//``: titles and descriptions need a narrative), and
the activity's language rule (``one_or_all`` with ``all: lang``, 4.1.1), which decides
whether a result's narratives have a language.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from lxml import etree

from cometa.interchange.iati.report import Code, Report
from cometa.interchange.iati.walk import Element

XML_NS = {"xml": "http://www.w3.org/XML/1998/namespace"}


class UnknownRuleType(Exception):
    """A selected rule uses a type that the interpreter does not implement."""


@dataclass(frozen=True)
class Rule:
    context: str
    kind: str  # the rule type, snake_case as in the JSON
    case: dict[str, Any]
    id: str
    severity: str  # error or warning
    message: str


@cache
def xpath(expression: str) -> etree.XPath:
    return etree.XPath(expression, namespaces=XML_NS)


def truth(result: Any) -> bool:
    """XPath 1.0's boolean(): a node set is true when not empty, a number when not 0 or
    NaN, a string when not empty."""
    if isinstance(result, list):
        return bool(result)
    if isinstance(result, float):
        return result == result and result != 0
    return bool(result)


def texts(node: Element, paths: Iterable[str]) -> list[str]:
    found = []
    for path in paths:
        for item in xpath(path)(node):
            found.append(item if isinstance(item, str) else (item.text or ""))
    return found


def _date(node: Element, expression: str) -> datetime.date | None:
    values = texts(node, [expression])
    try:
        return datetime.date.fromisoformat(values[0].strip()[:10]) if values else None
    except ValueError:
        return None


def _atleast_one(node: Element, case: dict[str, Any]) -> bool:
    return any(truth(xpath(path)(node)) for path in case["paths"])


def _no_more_than_one(node: Element, case: dict[str, Any]) -> bool:
    return sum(len(xpath(path)(node)) for path in case["paths"]) <= 1


def _date_order(node: Element, case: dict[str, Any]) -> bool:
    less, more = _date(node, case["less"]), _date(node, case["more"])
    return less is None or more is None or less <= more  # equal dates pass (SPEC.rst)


def _if_then(node: Element, case: dict[str, Any]) -> bool:
    return not truth(xpath(case["if"])(node)) or truth(xpath(case["then"])(node))


def _one_or_all(node: Element, case: dict[str, Any]) -> bool:
    if truth(xpath(case["one"])(node)):
        return True
    if case["all"] == "lang":  # SPEC: every narrative must carry its own language
        return not xpath(".//narrative[not(@xml:lang)]")(node)
    raise UnknownRuleType(f"one_or_all with all={case['all']!r}")


def _regex_matches(node: Element, case: dict[str, Any]) -> bool:
    pattern = re.compile(case["regex"])
    return all(pattern.search(text) for text in texts(node, case["paths"]))


def _regex_no_matches(node: Element, case: dict[str, Any]) -> bool:
    pattern = re.compile(case["regex"])
    return not any(pattern.search(text) for text in texts(node, case["paths"]))


def _no_spaces(node: Element, case: dict[str, Any]) -> bool:
    return all(text == text.strip() for text in texts(node, case["paths"]))


CHECKS: dict[str, Callable[[Element, dict[str, Any]], bool]] = {
    "atleast_one": _atleast_one,
    "no_more_than_one": _no_more_than_one,
    "date_order": _date_order,
    "if_then": _if_then,
    "one_or_all": _one_or_all,
    "regex_matches": _regex_matches,
    "regex_no_matches": _regex_no_matches,
    "no_spaces": _no_spaces,
}
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def snake(kind: str) -> str:
    """The JSON may name a type in camelCase (``atLeastOne``) or snake_case."""
    name = _CAMEL.sub("_", kind).lower()
    return "atleast_one" if name == "at_least_one" else name


def applies(context: str, kind: str, case: dict[str, Any]) -> bool:
    """Whether a rule concerns results (see the module's docstring)."""
    if "/result" in context or context.startswith("//"):
        return True
    return kind == "one_or_all" and case.get("all") == "lang" and "iati-activity" in context


def select(ruleset: dict[str, Any]) -> list[Rule]:
    rules = []
    for context, kinds in ruleset.items():
        for given_kind, body in kinds.items():
            kind = snake(given_kind)
            for case in body["cases"]:
                if not applies(context, kind, case):
                    continue
                unsupported = kind == "one_or_all" and case.get("all") != "lang"
                if kind not in CHECKS or "idCondition" in case or unsupported:
                    raise UnknownRuleType(f"{given_kind} in {context}")
                info = case["ruleInfo"]
                rule_case = {k: v for k, v in case.items() if k != "ruleInfo"}
                rules.append(
                    Rule(context, kind, rule_case, info["id"], info["severity"], info["message"])
                )
    return rules


@cache
def standard() -> tuple[Rule, ...]:
    text = (files("cometa.interchange.iati") / "data" / "standard.json").read_text("utf-8")
    return tuple(select(json.loads(text)))


def apply(
    root: Element, report: Report, index: int = 1, rules: Iterable[Rule] | None = None
) -> None:
    """Applies the rules to a document whose root is ``iati-activities`` holding one
    activity, the ``index``-th of its file (failures name it in their paths)."""
    tree = root.getroottree()
    for rule in standard() if rules is None else rules:
        condition = rule.case.get("condition")
        for node in xpath(rule.context)(root):
            if condition and not truth(xpath(condition)(node)):
                continue
            if CHECKS[rule.kind](node, rule.case):
                continue
            path = numbered(tree.getpath(node), index)
            add = report.error if rule.severity == "error" else report.warning
            add(Code.RULE, rule.message, path, None, rule.id)


def numbered(path: str, index: int) -> str:
    prefix = "/iati-activities/iati-activity"
    if path.startswith(prefix):
        rest = path[len(prefix) :]
        rest = rest[3:] if rest.startswith("[1]") else rest
        return f"{prefix}[{index}]{rest}"
    return path
