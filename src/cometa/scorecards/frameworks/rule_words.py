"""A level's rule, and what the next level still needs, in words in the reader's language:
one wording for every page, report and API answer.

Criteria of the level itself are named by their letter, ``(a)`` (the page lists them with
it just below); criteria of another level by their own text when the caller gives it
(``criteria``), else by that level's name and letter. Numeric inputs are named by their
label, and ranges said in words with the unit: "at least 33 %", never ``[33, 50)``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cometa.scorecards.frameworks.model import (
    AllOf,
    AllRules,
    AnyOf,
    AtLeast,
    Band,
    Indicator,
    LevelBelowAnd,
    Rule,
    number,
)
from cometa.scorecards.frameworks.outcome import Missing, MissingKind
from cometa.scorecards.frameworks.shown import plain


@dataclass(frozen=True)
class InputName:
    """How an input is said: its label, its unit ("percent" or "count") and its own range
    (an edge of a band that is the input's own edge goes without saying)."""

    label: str
    kind: str = "count"
    low: float | None = None
    high: float | None = None


InputNames = Mapping[str, "str | InputName"]


def input_names(indicator: Indicator, language: str) -> dict[str, InputName]:
    """The inputs of ``indicator`` as :func:`describe_rule` and :func:`describe_missing` say
    them in ``language``."""
    return {
        item.key: InputName(plain(item.label, language), item.kind, item.min, item.max)
        for item in indicator.inputs
    }


def _named(inputs: InputNames, key: str) -> InputName:
    found = inputs.get(key, key)
    return found if isinstance(found, InputName) else InputName(found)


def amount(value: float, kind: str) -> str:
    """``33`` as the input's kind says it: "33 %" for a percentage, "33" for a count."""
    if kind == "percent":  # the space does not break: "33" and "%" stay on one line
        return (_("%(number)s %%") % {"number": number(value)}).replace(" ", "\u00a0")
    return number(value)


def bound_words(sign: str, value: float, kind: str) -> str:
    """One edge in words: ``≥ 33`` is "at least 33 %", ``> 50`` "more than 50 %"."""
    said = amount(value, kind)
    if sign == "≥":
        return _("at least %(value)s") % {"value": said}
    if sign == ">":
        return _("more than %(value)s") % {"value": said}
    if sign == "≤":
        return _("at most %(value)s") % {"value": said}
    return _("less than %(value)s") % {"value": said}


def range_words(band: Band, name: InputName) -> str:
    """The band's range in words; an edge that is the input's own edge is left out
    ("more than 50 %" rather than "more than 50 % and at most 100 %")."""
    parts = []
    if band.lower is not None and not (band.lower_inclusive and band.lower == name.low):
        parts.append(bound_words("≥" if band.lower_inclusive else ">", band.lower, name.kind))
    if band.upper is not None and not (band.upper_inclusive and band.upper == name.high):
        parts.append(bound_words("≤" if band.upper_inclusive else "<", band.upper, name.kind))
    if not parts:
        return _("any value")
    if len(parts) == 1:
        return parts[0]
    return _("%(low)s and %(high)s") % {"low": parts[0], "high": parts[1]}


_INTERVAL = re.compile(r"^\s*([\[(])\s*(-∞|[-+0-9.eE]+)\s*,\s*(∞|[-+0-9.eE]+)\s*([\])])\s*$")


def band_of(interval: str, key: str = "") -> Band | None:
    """The band a stored interval (``"[33, 50)"``, as traces keep it) stands for, or None
    when the text is not one."""
    found = _INTERVAL.match(interval)
    if found is None:
        return None
    opening, low, high, closing = found.groups()
    try:
        lower = None if low == "-∞" else float(low)
        upper = None if high == "∞" else float(high)
    except ValueError:
        return None
    return Band(key, lower, opening == "[", upper, closing == "]")


def describe_rule(
    rule: Rule | None,
    *,
    level: str,
    level_labels: Mapping[str, str],
    inputs: InputNames,
    criteria: Mapping[str, str] | None = None,
) -> str:
    """``rule`` of the level ``level`` as a short phrase; ``None`` is the lowest level's.
    ``criteria`` gives the text of criteria by id (those of other levels are then quoted)."""
    if rule is None:
        return _("reached when no other level's rule holds")
    if isinstance(rule, Band):
        name = _named(inputs, rule.input)
        return _("“%(input)s” is %(range)s") % {
            "input": name.label,
            "range": range_words(rule, name),
        }
    if isinstance(rule, AllRules):
        return _("; and ").join(
            describe_rule(
                item, level=level, level_labels=level_labels, inputs=inputs, criteria=criteria
            )
            for item in rule.rules
        )
    refs = criteria_named(rule.criteria, level=level, level_labels=level_labels, texts=criteria)
    if isinstance(rule, AllOf):
        return _("all of: %(refs)s") % {"refs": refs}
    if isinstance(rule, AnyOf):
        return _("any one of: %(refs)s") % {"refs": refs}
    if isinstance(rule, AtLeast):
        return _("at least %(n)s of: %(refs)s") % {"n": rule.n, "refs": refs}
    assert isinstance(rule, LevelBelowAnd)
    return _("the level below, and: %(refs)s") % {"refs": refs}


def criteria_named(
    ids: tuple[str, ...],
    *,
    level: str,
    level_labels: Mapping[str, str],
    texts: Mapping[str, str] | None = None,
) -> str:
    """``("approaches.a", "meets.b")`` seen from ``meets``: the text of approaches (a) in
    quotes (or ``Approaches … (a)`` without ``texts``), then ``(b)``."""
    names = []
    for criterion_id in ids:
        owner, _dot, letter = criterion_id.partition(".")
        if owner == level:
            names.append(f"({letter})")
        elif texts and criterion_id in texts:
            names.append(f"“{texts[criterion_id]}”")
        else:
            names.append(f"{level_labels.get(owner, owner)} ({letter})")
    return ", ".join(names)


def missing_lead(item: Missing, *, inputs: InputNames) -> str:
    """What a record asks for, before the criteria it lists (if any): "" for one criterion
    that must be met, "one of these:", "2 more of these:", or the whole sentence about a
    number."""
    if item.kind == MissingKind.CRITERION:
        return ""
    if item.kind == MissingKind.ONE_OF:
        return _("one of these:")
    if item.kind == MissingKind.MORE_OF:
        return ngettext("%(count)d more of these:", "%(count)d more of these:", item.count) % {
            "count": item.count
        }
    name = _named(inputs, item.input)
    if item.kind == MissingKind.INPUT_GIVEN:
        band = band_of(item.interval, item.input)
        said = item.interval if band is None else range_words(band, name)
        return _("give “%(input)s”: it must be %(range)s") % {"input": name.label, "range": said}
    bound = "" if item.bound is None else bound_words(item.sign, item.bound, name.kind)
    return _("“%(input)s” must be %(bound)s") % {"input": name.label, "bound": bound}


def describe_missing(item: Missing, *, criteria: Mapping[str, str], inputs: InputNames) -> str:
    """What the next level still needs (an engine record) as a phrase in the reader's
    language; ``criteria`` and ``inputs`` give the names to use for criterion ids and input
    keys (an id or key without a name is said as it is)."""
    listed = ", ".join(criteria.get(ref, ref) for ref in item.criteria)
    lead = missing_lead(item, inputs=inputs)
    if not item.criteria:
        return lead
    return f"{lead} {listed}" if lead else listed
