"""Counting every family of common indicators in one scan of the facts.

The database evaluates each indicator's conditions (plain SQL, from ``definitions``) once
per fact row and packs them into a few integers: per family, bit 0 says the row falls in
the period by that family's date, the next bits hold each indicator's numerator and
denominator. Only the row id (site, member, ...), the six dimension codes and those
integers come back; numpy then adds the bits up per row id and code of each dimension
(``np.bincount``). That replaces one ``GROUP BY`` per family and dimension, each summing
40 to 80 ``CASE`` expressions over every row, by one scan that evaluates each condition
once: see docs/network-indicators.md for the measurements behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt
from django.db import connection

from cometa.indicators.periods import Period
from cometa.network.indicators.definitions import FAMILIES, Common
from cometa.network.models import EnrolmentFact

__all__ = ["count_families"]

#: {dimension: {(row id, code): [numerator, denominator] per indicator, in order}}
Counts = dict[str, dict[tuple[int, str], list[int]]]
Array = npt.NDArray[np.int64]
Weights = npt.NDArray[np.float64]
#: bits of a packed integer: 62, so that every sum stays within a signed 64-bit integer
WORD = 62


@dataclass(frozen=True)
class _Word:
    """One packed integer: the family it belongs to and, from bit 1 on, which place of
    the family's counts (2·i numerator, 2·i + 1 denominator of indicator i) each bit is."""

    family: str
    places: tuple[int, ...]
    conditions: tuple[str, ...]

    def sql(self) -> str:
        terms = ["1"] + [
            f"CASE WHEN {condition} THEN {1 << bit} ELSE 0 END"
            for bit, condition in enumerate(self.conditions, start=1)
        ]
        column = FAMILIES[self.family]
        return f"CASE WHEN {column} BETWEEN %s AND %s THEN {' + '.join(terms)} ELSE 0 END"


def _words(family: str, indicators: Sequence[Common]) -> list[_Word]:
    pairs = []
    for i, common in enumerate(indicators):
        if common.numerator:  # a count has no numerator: its place stays 0
            pairs.append((2 * i, common.numerator))
        pairs.append((2 * i + 1, common.denominator))
    if not pairs:
        return [_Word(family, (), ())]
    step = WORD - 1
    return [
        _Word(family, tuple(p for p, _ in chunk), tuple(c for _, c in chunk))
        for chunk in (pairs[n : n + step] for n in range(0, len(pairs), step))
    ]


def _encode(values: Sequence[object]) -> tuple[list[object], Array]:
    """Each distinct value numbered in order of appearance, and the numbers."""
    index = {value: n for n, value in enumerate(dict.fromkeys(values))}
    return list(index), np.array(list(map(index.__getitem__, values)), dtype=np.int64)


def _fetch(
    words: Sequence[_Word], where: str, params: list[int | date], by: str,
    dimensions: Sequence[str], period: Period,
) -> list[tuple[object, ...]]:  # fmt: skip
    columns = [FAMILIES[w.family] for w in words]
    within = " OR ".join(f"{column} BETWEEN %s AND %s" for column in dict.fromkeys(columns))
    sql = (
        f"SELECT {by}, {', '.join(dimensions)}, {', '.join(w.sql() for w in words)} "  # noqa: S608  # nosec B608
        f"FROM {EnrolmentFact._meta.db_table} WHERE {where} AND ({within})"
    )
    span = [period.start, period.end]
    arguments = span * len(words) + params + span * len(dict.fromkeys(columns))
    with connection.cursor() as cursor:
        cursor.execute(sql, arguments)
        return cursor.fetchall()


def _bits(words: Sequence[tuple[_Word, Array]]) -> tuple[Array, list[tuple[int, Weights]]]:
    """One family: the rows in the period, and each place's bit of those rows as weights."""
    inside = np.flatnonzero(words[0][1] & 1)
    found = []
    for word, packed in words:
        values = packed[inside]
        for bit, place in enumerate(word.places, start=1):
            found.append((place, ((values >> bit) & 1).astype(np.float64)))
    return inside, found


def _tally(
    rows: Array, codes: tuple[list[object], Array], ids: list[object],
    bits: tuple[Array, list[tuple[int, Weights]]], width: int,
) -> dict[tuple[int, str], list[int]]:  # fmt: skip
    """One family, one dimension: the counts per (row id, code) present in the period."""
    names, numbers = codes
    inside, weights = bits
    groups = len(ids) * len(names)
    key = rows[inside] * len(names) + numbers[inside]
    present = np.flatnonzero(np.bincount(key, minlength=groups))
    table = np.zeros((groups, width), dtype=np.int64)
    for place, weight in weights:
        table[:, place] = np.bincount(key, weights=weight, minlength=groups)
    return {
        (int(ids[g // len(names)]), str(names[g % len(names)])): line  # type: ignore[call-overload]
        for g, line in zip(present.tolist(), table[present].tolist(), strict=True)
    }


def count_families(
    groups: Sequence[Sequence[Common]],
    where: str,
    params: list[int | date],
    period: Period,
    *,
    by: str,
    dimensions: Sequence[str],
) -> list[Counts]:
    """The counts of each group of indicators (each all of one family), as ``count``
    gives them, from one scan of the facts that ``where`` selects."""
    families = [group[0].family for group in groups]
    words = [_words(family, group) for family, group in zip(families, groups, strict=True)]
    fetched = _fetch([w for ws in words for w in ws], where, params, by, dimensions, period)
    if not fetched:
        return [{d: {} for d in dimensions} for _ in groups]
    columns = list(zip(*fetched, strict=True))
    ids, rows = _encode(columns[0])
    codes = [_encode(columns[1 + n]) for n in range(len(dimensions))]
    packed = iter(np.asarray(c, dtype=np.int64) for c in columns[1 + len(dimensions) :])
    found = []
    for group, family_words in zip(groups, words, strict=True):
        bits = _bits([(word, next(packed)) for word in family_words])
        found.append(
            {d: _tally(rows, codes[n], ids, bits, 2 * len(group)) for n, d in enumerate(dimensions)}
        )
    return found
