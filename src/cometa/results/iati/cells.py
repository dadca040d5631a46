"""Baselines, targets and actuals of an IATI indicator as cells of the floor's value
store: kind, period, disaggregation key, number or text, comment (plain data)."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from decimal import Decimal

from cometa.indicators import periods
from cometa.indicators.definitions import Measure
from cometa.indicators.disaggregation import format_key
from cometa.interchange.iati import model
from cometa.results.iati.mapping import Cell, Lookup, Note, first_text


def _norm(text: str | None) -> str:
    return (text or "").strip().casefold()


def key_of(dimensions: tuple[model.Dimension, ...], lookup: Lookup) -> tuple[str | None, str]:
    """The disaggregation key of a cell's dimensions, or None and why not."""
    pairs: dict[str, str] = {}
    for dimension in dimensions:
        found = lookup.get(_norm(dimension.name))
        code = found[1].get(_norm(dimension.value)) if found else None
        if found is None or code is None:
            return None, (
                f"the dimension {dimension.name!r}={dimension.value!r} is not on Cometa's "
                "code lists"
            )
        if found[0] in pairs:
            return None, f"the dimension {dimension.name!r} is given twice"
        pairs[found[0]] = code
    return format_key(pairs), ""


def _places(indicator: model.Indicator, path: str) -> Iterator[tuple[str, str, str, object]]:
    """Every value element: (ref, path, kind, element) with its period."""
    for b, baseline in enumerate(indicator.baselines):
        yield f"b{b}", f"{path}/baseline[{b + 1}]", "baseline", baseline
    for p, period in enumerate(indicator.periods):
        for t, target in enumerate(period.targets):
            yield f"p{p}t{t}", f"{path}/period[{p + 1}]/target[{t + 1}]", "target", (period, target)
        for a, actual in enumerate(period.actuals):
            yield f"p{p}a{a}", f"{path}/period[{p + 1}]/actual[{a + 1}]", "actual", (period, actual)


def _period_and_value(
    kind: str, element: object
) -> tuple[periods.Period, model.Value | model.Baseline]:
    if isinstance(element, model.Baseline):
        return periods.year(element.year), element
    span, value = typing.cast(tuple[model.Period, model.Value], element)
    return periods.Period(span.start, span.end), value


def indicator_cells(
    indicator: model.Indicator, path: str, lookup: Lookup, default: str | None
) -> tuple[tuple[Cell, ...], list[Note]]:
    """The cells of an indicator, and what does not become one."""
    measure = Measure(int(indicator.measure))
    cells: list[Cell] = []
    notes: list[Note] = []
    seen: set[str] = set()
    for ref, where, kind, element in _places(indicator, path):
        period, item = _period_and_value(kind, element)
        key, why = key_of(item.dimensions, lookup)
        amount, text = _value(measure, item)
        if key is None:
            notes.append(Note(where, f"{why}: kept for the IATI export, not as a Cometa value"))
            continue
        if amount is None and not text:
            notes.append(Note(where, "no value: kept for the IATI export, not as a Cometa value"))
            continue
        cell = Cell(ref, where, kind, period, key, amount, text, first_text(item.comment, default))
        if cell.id in seen:
            notes.append(
                Note(where, "a second value for the same cell: kept for the IATI export only")
            )
            continue
        seen.add(cell.id)
        cells.append(cell)
    return tuple(cells), notes


def _value(measure: Measure, item: model.Value | model.Baseline) -> tuple[Decimal | None, str]:
    if measure.is_numeric:
        amount = item.amount
        return (amount, "") if amount is not None and amount.is_finite() else (None, "")
    return None, (item.value or "").strip()
