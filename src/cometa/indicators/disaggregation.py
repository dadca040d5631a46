"""Disaggregation keys: which cell of a cross-tabulation a value belongs to.

A key is a set of ``dimension=code`` pairs written in one canonical form: pairs sorted by
dimension and joined by ``;``, e.g. ``age=Y15T24;sex=F``. The empty key is the total. Two
spellings of the same cell (``sex=F;age=Y15T24``) give the same canonical key, so a stored
key can be compared as a string. Several pairs name the intersection (women aged 15 to 24);
a dimension left out is totalled over.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence

from django.utils.translation import gettext as _

from cometa.indicators.dimensions import DIMENSION_CODE, TOTAL_CODES, VALUE_CODE

__all__ = [
    "DisaggregationKeyError",
    "Pairs",
    "canonical_key",
    "cells",
    "format_key",
    "key_problems",
    "parse_key",
    "without",
]

#: The pairs of a key, sorted by dimension.
Pairs = tuple[tuple[str, str], ...]


class DisaggregationKeyError(ValueError):
    """A disaggregation key that cannot be read; the message says where and why."""


def parse_key(text: str) -> Pairs:
    """The sorted pairs of a key written in any order; ``""`` is the total."""
    cleaned = text.strip()
    if not cleaned:
        return ()
    pairs: dict[str, str] = {}
    for part in cleaned.split(";"):
        name, sep, code = (piece.strip() for piece in part.partition("="))
        if not sep or not DIMENSION_CODE.fullmatch(name) or not VALUE_CODE.fullmatch(code):
            raise DisaggregationKeyError(
                _("%(part)s in the key %(key)s is not written dimension=code (like sex=F).")
                % {"part": repr(part), "key": repr(text)}
            )
        if name in pairs:
            raise DisaggregationKeyError(
                _("The key %(key)s names the dimension %(name)s twice.")
                % {"key": repr(text), "name": name}
            )
        pairs[name] = code
    return tuple(sorted(pairs.items()))


def format_key(pairs: Mapping[str, str] | Iterable[tuple[str, str]]) -> str:
    """The canonical text of a key; pairs may come in any order."""
    items = pairs.items() if isinstance(pairs, Mapping) else pairs
    return ";".join(f"{name}={code}" for name, code in sorted(items))


def canonical_key(text: str) -> str:
    """The canonical spelling of a key written in any order."""
    return format_key(parse_key(text))


def without(pairs: Pairs, dimension: str) -> Pairs:
    """The key one level up: the same cell totalled over ``dimension``."""
    return tuple(pair for pair in pairs if pair[0] != dimension)


def key_problems(pairs: Pairs, allowed: Mapping[str, Sequence[str]]) -> list[str]:
    """What is wrong with a key for an indicator that supports the dimensions of ``allowed``
    (dimension code to its codes); empty when the key is right."""
    problems = []
    for name, code in pairs:
        if name not in allowed:
            problems.append(
                _("The indicator is not disaggregated by %(name)s (it supports: %(allowed)s).")
                % {"name": name, "allowed": ", ".join(sorted(allowed)) or _("none")}
            )
        elif code in TOTAL_CODES:
            problems.append(
                _("%(code)s is a total: leave %(name)s out of the key for the total.")
                % {"code": code, "name": name}
            )
        elif code not in allowed[name]:
            problems.append(
                _("%(code)s is not a code of %(name)s (its codes: %(codes)s).")
                % {"code": code, "name": name, "codes": ", ".join(allowed[name])}
            )
    return problems


def cells(dimensions: Mapping[str, Sequence[str]], *, depth: int | None = None) -> list[str]:
    """Every key over the given dimensions, from the total down to the full cross-tabulation
    (or down to ``depth`` dimensions at once), in a stable order: the grid of an entry form."""
    names = sorted(dimensions)
    deepest = len(names) if depth is None else min(depth, len(names))
    keys = []
    for size in range(deepest + 1):
        for chosen in itertools.combinations(names, size):
            for codes in itertools.product(*(dimensions[name] for name in chosen)):
                keys.append(format_key(zip(chosen, codes, strict=True)))
    return keys
