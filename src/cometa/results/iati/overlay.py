"""The record of an imported activity with the tables' current content laid over it
(plain data): see ``export`` for what changes and what stays as imported."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from cometa.interchange.iati import model
from cometa.results.iati.export import (
    LiveCell,
    LiveIndicator,
    LiveOutcome,
    add_cells,
    fresh_indicator,
    fresh_result,
    retitle,
    value_text,
)

Links = Mapping[str, Any]


def _laid(item: Any, live: LiveCell | None, measure: int) -> Any:
    if live is None:
        return item
    return dataclasses.replace(item, value=value_text(item.value, live, measure))


def overlay_indicator(
    indicator: model.Indicator, cells: Mapping[str, str], live: LiveIndicator
) -> model.Indicator:
    """The imported indicator with each mapped cell's current value, and cells added."""
    by_id = {cell.id: cell for cell in live.cells}

    def at(ref: str) -> LiveCell | None:
        return by_id.get(cells.get(ref, ""))

    measure = live.measure
    baselines = [_laid(b, at(f"b{n}"), measure) for n, b in enumerate(indicator.baselines)]
    spans = []
    for p, span in enumerate(indicator.periods):
        targets = tuple(_laid(t, at(f"p{p}t{n}"), measure) for n, t in enumerate(span.targets))
        actuals = tuple(_laid(a, at(f"p{p}a{n}"), measure) for n, a in enumerate(span.actuals))
        spans.append(dataclasses.replace(span, targets=targets, actuals=actuals))
    mapped = set(cells.values())
    add_cells(baselines, spans, (c for c in live.cells if c.id not in mapped), measure)
    return dataclasses.replace(indicator, baselines=tuple(baselines), periods=tuple(spans))


def _result(
    r: int, result: model.Result, links: Links, live: LiveOutcome, default: str | None
) -> tuple[model.Text, list[model.Indicator], tuple[LiveIndicator, ...]]:
    """One imported result's title and indicators laid over, and the attachments of the
    outcome or output it stands for."""
    every = {i.id: i for i in live.indicators} | {
        i.id: i for out in live.outputs for i in out.indicators
    }
    title: model.Text = result.title
    own: tuple[LiveIndicator, ...] = ()
    if r == links.get("statement_result"):
        title = retitle(title, links.get("statement", {}), live.statement, default)
        own = live.indicators
    output = links.get("outputs", {}).get(str(r))
    found = next((o for o in live.outputs if output and o.id == output["id"]), None)
    if found is not None:
        title = retitle(title, output.get("statement", {}), found.statement, default)
        own = found.indicators
    indicators: list[model.Indicator] = []
    for i, indicator in enumerate(result.indicators):
        link = links.get("indicators", {}).get(f"{r}.{i}")
        if link is None:
            indicators.append(indicator)
            continue
        if (now := every.get(link["id"])) is not None:  # else detached in Cometa: left out
            indicators.append(overlay_indicator(indicator, link.get("cells", {}), now))
    return title, indicators, own


def laid_over(kept: model.Activity, links: Links, live: LiveOutcome) -> model.Activity:
    """The imported activity with the current content of the tables."""
    default = kept.lang
    linked = {link["id"] for link in links.get("indicators", {}).values()}
    results: list[model.Result] = []
    for r, result in enumerate(kept.results):
        heading, indicators, own = _result(r, result, links, live, default)
        added = [fresh_indicator(i) for i in own if i.id not in linked]
        if result.references:  # rule 8.11.1: references on the result or its indicators
            added = [dataclasses.replace(i, references=()) for i in added]
        indicators += added
        if indicators:  # a result without indicators is not valid IATI
            results.append(dataclasses.replace(result, title=heading, indicators=tuple(indicators)))
    results.extend(_new_results(links, live, linked))
    title = kept.title
    if links.get("statement_result") is None:
        title = retitle(title, links.get("statement", {}), live.statement, default)
    return dataclasses.replace(kept, title=title, results=tuple(results))


def _new_results(links: Links, live: LiveOutcome, linked: set[int]) -> list[model.Result]:
    new: list[model.Result | None] = []
    if links.get("statement_result") is None:
        fresh = [i for i in live.indicators if i.id not in linked]
        new.append(fresh_result("2", live.statement, fresh))
    kept_outputs = {o["id"] for o in links.get("outputs", {}).values()}
    for output in live.outputs:
        if output.id not in kept_outputs:
            new.append(fresh_result("1", output.statement, output.indicators))
    return [r for r in new if r is not None]
