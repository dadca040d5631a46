"""A level's rule, and what the next level still needs, in words in the reader's language:
one wording for every page, report and API answer.

Criteria of the level itself are named by their letter, ``(a)``; criteria of another
level by that level's name and letter, ``Meets minimum requirements (b)`` (the same
names the rating trace uses); numeric inputs by their label.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cometa.scorecards.frameworks.model import (
    AllOf,
    AllRules,
    AnyOf,
    AtLeast,
    Band,
    LevelBelowAnd,
    Rule,
    number,
)
from cometa.scorecards.frameworks.outcome import Missing, MissingKind


def describe_rule(
    rule: Rule | None,
    *,
    level: str,
    level_labels: Mapping[str, str],
    inputs: Mapping[str, str],
) -> str:
    """``rule`` of the level ``level`` as a short phrase; ``None`` is the lowest level's."""
    if rule is None:
        return _("reached when no other level's rule holds")
    if isinstance(rule, Band):
        name = inputs.get(rule.input, rule.input)
        return _("“%(input)s” in %(interval)s") % {"input": name, "interval": rule.interval()}
    if isinstance(rule, AllRules):
        return _("; and ").join(
            describe_rule(item, level=level, level_labels=level_labels, inputs=inputs)
            for item in rule.rules
        )
    refs = criteria_named(rule.criteria, level=level, level_labels=level_labels)
    if isinstance(rule, AllOf):
        return _("all of: %(refs)s") % {"refs": refs}
    if isinstance(rule, AnyOf):
        return _("any one of: %(refs)s") % {"refs": refs}
    if isinstance(rule, AtLeast):
        return _("at least %(n)s of: %(refs)s") % {"n": rule.n, "refs": refs}
    assert isinstance(rule, LevelBelowAnd)
    return _("the level below, and: %(refs)s") % {"refs": refs}


def criteria_named(ids: tuple[str, ...], *, level: str, level_labels: Mapping[str, str]) -> str:
    """``("approaches.a", "meets.b")`` seen from ``meets``: ``Approaches … (a), (b)``."""
    names = []
    for criterion_id in ids:
        owner, _dot, letter = criterion_id.partition(".")
        if owner == level:
            names.append(f"({letter})")
        else:
            names.append(f"{level_labels.get(owner, owner)} ({letter})")
    return ", ".join(names)


def describe_missing(
    item: Missing, *, criteria: Mapping[str, str], inputs: Mapping[str, str]
) -> str:
    """What the next level still needs (an engine record) as a phrase in the reader's
    language; ``criteria`` and ``inputs`` give the names to use for criterion ids and input
    keys (an id or key without a name is said as it is)."""
    listed = ", ".join(criteria.get(ref, ref) for ref in item.criteria)
    name = inputs.get(item.input, item.input)
    if item.kind == MissingKind.CRITERION:
        return listed
    if item.kind == MissingKind.ONE_OF:
        return _("one of: %(items)s") % {"items": listed}
    if item.kind == MissingKind.MORE_OF:
        return ngettext(
            "%(count)d more of: %(items)s", "%(count)d more of: %(items)s", item.count
        ) % {"count": item.count, "items": listed}
    if item.kind == MissingKind.INPUT_GIVEN:
        return _("“%(input)s” must be given and lie in %(interval)s") % {
            "input": name,
            "interval": item.interval,
        }
    bound = "" if item.bound is None else number(item.bound)
    return _("“%(input)s” must be %(sign)s %(value)s") % {
        "input": name,
        "sign": item.sign,
        "value": bound,
    }
