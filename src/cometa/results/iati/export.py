"""An outcome of the results tables as an IATI activity (plain data, no database).

An outcome imported from IATI is given back from the record of its import, with the
current content of the tables laid over it: statements (the languages changed since the
import), the value of every cell, cells, indicators and outputs added in Cometa, and
without indicators detached since. An outcome made in Cometa is built from the tables
alone: the activity's identifier is the outcome's, its title the statement.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from cometa.indicators.definitions import Measure, Reference
from cometa.indicators.disaggregation import parse_key
from cometa.indicators.periods import Period
from cometa.indicators.texts import LANGUAGES, Text
from cometa.interchange.iati import model
from cometa.results.iati.mapping import cell_id

#: IATI's IndicatorVocabulary: the floor's own vocabularies (sdg-target, cf) are not on it.
IATI_VOCABULARIES = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "99"}


@dataclass(frozen=True)
class LiveCell:
    kind: str
    period: Period
    key: str
    value: Decimal | None
    text: str
    comment: str

    @property
    def id(self) -> str:
        return cell_id(self.kind, self.period, self.key)


@dataclass(frozen=True)
class LiveIndicator:
    id: int
    code: str  # the floor's: written as a reference of vocabulary 99 to find it again
    measure: int
    direction: str
    title: Text
    definition: Text
    references: tuple[Reference, ...]
    cells: tuple[LiveCell, ...]


@dataclass(frozen=True)
class LiveOutput:
    id: int
    code: str
    statement: Text
    indicators: tuple[LiveIndicator, ...]


@dataclass(frozen=True)
class LiveOutcome:
    identifier: str
    statement: Text
    indicators: tuple[LiveIndicator, ...]
    outputs: tuple[LiveOutput, ...]
    publisher: str
    office_name: str
    years: tuple[int, int]


# --- texts and values --------------------------------------------------------------------


def narratives(text: Text) -> model.Text:
    """English as the activity's language, Spanish and Russian where written."""
    items = [model.Narrative(text.en)]
    items += [
        model.Narrative(getattr(text, lang), lang) for lang in LANGUAGES[1:] if getattr(text, lang)
    ]
    return model.Text(tuple(items))


def retitle(
    text: model.Text, before: Mapping[str, str], now: Text, default: str | None
) -> model.Text:
    """``text`` with the languages whose statement changed since the import rewritten."""
    items = list(text.narratives)
    for lang in LANGUAGES:
        new = getattr(now, lang)
        if not new or new == before.get(lang, ""):
            continue
        at = next((n for n, item in enumerate(items) if (item.lang or default) == lang), None)
        if at is None:
            items.append(model.Narrative(new, None if lang == default else lang))
        else:
            items[at] = dataclasses.replace(items[at], text=new)
    return dataclasses.replace(text, narratives=tuple(items))


def number(value: Decimal) -> str:
    return format(value.normalize(), "f")


def value_text(written: str | None, live: LiveCell, measure: int) -> str | None:
    if not Measure(measure).is_numeric:
        return live.text
    if live.value is None:
        return written
    try:
        if written is not None and Decimal(written.strip()) == live.value:
            return written
    except ArithmeticError:
        pass
    return number(live.value)


def _dimensions(key: str) -> tuple[model.Dimension, ...]:
    return tuple(model.Dimension(name, code) for name, code in parse_key(key))


def _comment(live: LiveCell) -> model.Text | None:
    return model.Text((model.Narrative(live.comment),)) if live.comment else None


# --- building from the tables --------------------------------------------------------------


def _new_value(live: LiveCell, measure: int) -> model.Value:
    return model.Value(
        value=value_text(None, live, measure),
        dimensions=_dimensions(live.key),
        comment=_comment(live),
    )


def add_cells(
    baselines: list[model.Baseline],
    spans: list[model.Period],
    cells: Iterable[LiveCell],
    measure: int,
) -> None:
    """Appends cells the IATI shape does not have yet: baselines, and targets and actuals
    to the period of the same days (a new one if there is none)."""
    for live in sorted(
        cells, key=lambda c: (c.kind != "baseline", c.period.start, c.period.end, c.kind, c.key)
    ):
        if live.kind == "baseline":
            baselines.append(
                model.Baseline(
                    year=live.period.start.year,
                    value=value_text(None, live, measure),
                    dimensions=_dimensions(live.key),
                    comment=_comment(live),
                )
            )
            continue
        at = next(
            (
                n
                for n, p in enumerate(spans)
                if (p.start, p.end) == (live.period.start, live.period.end)
            ),
            None,
        )
        if at is None:
            spans.append(model.Period(live.period.start, live.period.end))
            at = len(spans) - 1
        span, value = spans[at], _new_value(live, measure)
        if live.kind == "target":
            spans[at] = dataclasses.replace(span, targets=(*span.targets, value))
        else:
            spans[at] = dataclasses.replace(span, actuals=(*span.actuals, value))


def fresh_indicator(live: LiveIndicator) -> model.Indicator:
    baselines: list[model.Baseline] = []
    spans: list[model.Period] = []
    add_cells(baselines, spans, live.cells, live.measure)
    ascending = {"ascending": True, "descending": False}.get(live.direction)
    references = tuple(
        model.Reference(item.vocabulary, item.code, item.uri or None)
        for item in live.references
        if item.vocabulary in IATI_VOCABULARIES
    )
    if not any(item.vocabulary == "99" for item in references):
        references = (*references, model.Reference("99", live.code))
    return model.Indicator(
        measure=str(live.measure),
        title=narratives(live.title),
        ascending=ascending,
        description=narratives(live.definition),
        references=references,
        baselines=tuple(baselines),
        periods=tuple(spans),
    )


def fresh_result(
    kind: str, statement: Text, indicators: Iterable[LiveIndicator]
) -> model.Result | None:
    """A result of ``kind`` (2 outcome, 1 output); None without indicators (IATI needs one)."""
    built = tuple(fresh_indicator(item) for item in indicators)
    return model.Result(type=kind, title=narratives(statement), indicators=built) if built else None


def fresh_header(live: LiveOutcome) -> model.Activity:
    org = (model.Narrative(live.office_name),)
    return model.Activity(
        identifier=live.identifier,
        reporting_org=model.Organisation(ref=live.publisher, type="40", name=org),
        title=narratives(live.statement),
        descriptions=(model.Description(narratives(live.statement), "1"),),
        participating_orgs=(model.Organisation(ref=live.publisher, type="40", role="4", name=org),),
        status="2",
        dates=(
            model.ActivityDate("1", datetime.date(live.years[0], 1, 1)),
            model.ActivityDate("3", datetime.date(live.years[1], 12, 31)),
        ),
        lang="en",
    )


def fresh_activity(live: LiveOutcome) -> model.Activity:
    results = [fresh_result("2", live.statement, live.indicators)]
    results += [fresh_result("1", out.statement, out.indicators) for out in live.outputs]
    header = fresh_header(live)
    return dataclasses.replace(header, results=tuple(r for r in results if r is not None))


def only_year(activity: model.Activity, year: int) -> model.Activity:
    """The activity with only the periods that reach into ``year`` (baselines stay)."""

    def narrowed(indicator: model.Indicator) -> model.Indicator:
        kept = tuple(p for p in indicator.periods if p.start.year <= year <= p.end.year)
        return dataclasses.replace(indicator, periods=kept)

    results = tuple(
        dataclasses.replace(r, indicators=tuple(narrowed(i) for i in r.indicators))
        for r in activity.results
    )
    return dataclasses.replace(activity, results=results)
