"""One IATI activity as an ``ActivityPlan``: the outcome's statement, its outputs, the
definitions of its indicators and their cells (plain data; the import service writes it)."""

from __future__ import annotations

from cometa.indicators.definitions import (
    VOCABULARIES,
    Definition,
    Direction,
    Measure,
    Reference,
)
from cometa.indicators.texts import Text
from cometa.interchange.iati import model
from cometa.results.iati.cells import indicator_cells
from cometa.results.iati.mapping import (
    NOT_STATED,
    OUTPUT,
    ActivityPlan,
    IndicatorPlan,
    Lookup,
    Note,
    activity_path,
    indicator_code,
    outputs_of,
    text_of,
)


def _references(indicator: model.Indicator, path: str, notes: list[Note]) -> tuple[Reference, ...]:
    kept: list[Reference] = []
    for index, reference in enumerate(indicator.references):
        item = Reference(reference.vocabulary, reference.code.strip(), reference.uri or "")
        if item.vocabulary in VOCABULARIES and item not in kept and item.code:
            kept.append(item)
        else:
            notes.append(
                Note(
                    f"{path}/reference[{index + 1}]",
                    "reference kept for the IATI export, not on the indicator's definition",
                )
            )
    return tuple(kept)


def definition_of(
    indicator: model.Indicator, code: str, path: str, default: str | None, notes: list[Note]
) -> Definition:
    """The floor definition of an imported indicator."""
    measure = Measure(int(indicator.measure))
    title = text_of(indicator.title, default) or Text(code)
    direction = None
    if indicator.ascending is not None and measure.is_numeric:
        direction = Direction.ASCENDING if indicator.ascending else Direction.DESCENDING
    rate = measure is Measure.PERCENTAGE
    return Definition(
        code=code,
        title=title,
        definition=text_of(indicator.description, default) or title,
        measure=measure,
        direction=direction,
        numerator=NOT_STATED if rate else None,
        denominator=NOT_STATED if rate else None,
        references=_references(indicator, path, notes),
    )


def plan_activity(
    activity: model.Activity, index: int, *, office_code: str, outcome_code: str, lookup: Lookup
) -> ActivityPlan:
    """What the import writes for the ``index``-th activity (from 1) of the file."""
    path = activity_path(index)
    default = activity.lang
    notes: list[Note] = []
    indicators = []
    for r, result in enumerate(activity.results):
        for i, indicator in enumerate(result.indicators):
            where = f"{path}/result[{r + 1}]/indicator[{i + 1}]"
            code = indicator_code(activity.identifier, office_code, r, i)
            definition = definition_of(indicator, code, where, default, notes)
            cells, cell_notes = indicator_cells(indicator, where, lookup, default)
            notes.extend(cell_notes)
            dimensions = {
                pair.split("=")[0] for cell in cells for pair in cell.key.split(";") if pair
            }
            definition = Definition(
                **{**definition.__dict__, "dimensions": tuple(sorted(dimensions))}
            )
            indicators.append(IndicatorPlan(f"{r}.{i}", r, definition, cells))
    main = next((r for r, res in enumerate(activity.results) if res.type != OUTPUT), None)
    title = activity.results[main].title if main is not None else activity.title
    return ActivityPlan(
        identifier=activity.identifier,
        path=path,
        statement=text_of(title, default) or Text(outcome_code),
        statement_result=main,
        outputs=outputs_of(activity, outcome_code),
        indicators=tuple(indicators),
        notes=tuple(notes),
    )
