"""Reading ``result`` and everything under it: every element and attribute the 2.03 schema
allows is held; the checks are those of the code lists, numbers and dates."""

from __future__ import annotations

from typing import Any

from cometa.interchange.iati import codes
from cometa.interchange.iati.model import (
    NONE,
    Baseline,
    Dimension,
    Extensions,
    Indicator,
    Location,
    Period,
    Reference,
    Result,
    Text,
    Value,
)
from cometa.interchange.iati.report import Code as Problem
from cometa.interchange.iati.walk import NUMBER, Element, Walker

_RESULT = frozenset({"type", "aggregation-status"})
_INDICATOR = frozenset({"measure", "ascending", "aggregation-status"})
_RESULT_REFERENCE = frozenset({"vocabulary", "code", "vocabulary-uri"})
_INDICATOR_REFERENCE = frozenset({"vocabulary", "code", "indicator-uri"})
_BASELINE = frozenset({"year", "iso-date", "value"})
_VALUE = frozenset({"value"})
_ISO_DATE = frozenset({"iso-date"})
_LOCATION = frozenset({"ref"})
_DIMENSION = frozenset({"name", "value"})
_NOTHING: frozenset[str] = frozenset()


def read_result(walker: Walker, element: Element) -> Result:
    parts: dict[str, Any] = {"links": [], "references": [], "indicators": []}
    elements: list[str] = []
    for child in element:
        tag = child.tag
        if tag == "indicator":
            parts["indicators"].append(read_indicator(walker, child))
        elif tag == "title" or tag == "description":
            parts[tag] = walker.text(child)
        elif tag == "document-link":
            parts["links"].append(walker.document_link(child))
        elif tag == "reference":
            parts["references"].append(_reference(walker, child, codes.RESULT_VOCABULARY))
        else:
            walker.other(child, elements)
    _require(walker, element, parts, "title")
    if not parts["indicators"]:
        walker.error(Problem.MISSING, "at least one indicator is required", element)
    return Result(
        type=walker.coded(element, "type", codes.RESULT_TYPE),
        title=parts["title"],
        indicators=tuple(parts["indicators"]),
        aggregation_status=walker.boolean(element, "aggregation-status"),
        description=parts.get("description"),
        document_links=tuple(parts["links"]),
        references=tuple(parts["references"]),
        ext=walker.with_elements(walker.extensions(element, _RESULT), elements),
    )


def read_indicator(walker: Walker, element: Element) -> Indicator:
    measure = walker.coded(element, "measure", codes.INDICATOR_MEASURE)
    parts: dict[str, Any] = {"links": [], "references": [], "baselines": [], "periods": []}
    elements: list[str] = []
    for child in element:
        tag = child.tag
        if tag == "period":
            parts["periods"].append(_period(walker, child, measure))
        elif tag == "baseline":
            parts["baselines"].append(_baseline(walker, child, measure))
        elif tag == "title" or tag == "description":
            parts[tag] = walker.text(child)
        elif tag == "document-link":
            parts["links"].append(walker.document_link(child))
        elif tag == "reference":
            parts["references"].append(_reference(walker, child, codes.INDICATOR_VOCABULARY))
        else:
            walker.other(child, elements)
    _require(walker, element, parts, "title")
    return Indicator(
        measure=measure,
        title=parts["title"],
        ascending=walker.boolean(element, "ascending"),
        aggregation_status=walker.boolean(element, "aggregation-status"),
        description=parts.get("description"),
        document_links=tuple(parts["links"]),
        references=tuple(parts["references"]),
        baselines=tuple(parts["baselines"]),
        periods=tuple(parts["periods"]),
        ext=walker.with_elements(walker.extensions(element, _INDICATOR), elements),
    )


def _require(walker: Walker, element: Element, parts: dict[str, Any], tag: str) -> None:
    if tag not in parts:
        walker.error(Problem.MISSING, f"a {tag} is required", element)
        parts[tag] = Text(())  # empty; the error says why


def _reference(walker: Walker, element: Element, vocabulary_list: str) -> Reference:
    indicator = vocabulary_list == codes.INDICATOR_VOCABULARY
    elements: list[str] = []
    for child in element:
        walker.other(child, elements)
    known = _INDICATOR_REFERENCE if indicator else _RESULT_REFERENCE
    return Reference(
        vocabulary=walker.coded(element, "vocabulary", vocabulary_list),
        code=walker.required(element, "code"),
        uri=element.get("indicator-uri" if indicator else "vocabulary-uri"),
        ext=walker.with_elements(walker.extensions(element, known), elements),
    )


def _check_value(walker: Walker, element: Element, measure: str) -> str | None:
    value = element.get("value")
    if measure in codes.QUANTITATIVE:
        if value is None:
            walker.error(Problem.MISSING, "a quantitative indicator needs @value", element)
        elif not NUMBER.fullmatch(value):
            walker.numeric(element, value)
    return value


def _baseline(walker: Walker, element: Element, measure: str) -> Baseline:
    parts: dict[str, Any] = {"location": [], "dimension": [], "document-link": []}
    elements: list[str] = []
    _children(walker, element, parts, elements)
    return Baseline(
        year=_year(walker, element),
        iso_date=walker.date(element, "iso-date"),
        value=_check_value(walker, element, measure),
        locations=tuple(parts["location"]),
        dimensions=tuple(parts["dimension"]),
        document_links=tuple(parts["document-link"]),
        comment=parts.get("comment"),
        ext=walker.with_elements(walker.extensions(element, _BASELINE), elements),
    )


def _year(walker: Walker, element: Element) -> int:
    text = walker.required(element, "year").strip()
    if text and (not text.isdigit() or int(text) == 0):
        walker.error(Problem.NOT_INTEGER, f"{text!r} is not a year", element, "year")
        return 0
    return int(text) if text else 0


def _value(walker: Walker, element: Element, measure: str) -> Value:
    value = _check_value(walker, element, measure)
    ext = walker.extensions(element, _VALUE, attributes=False)
    if not len(element):  # the common case, a bare cell: no lists to build
        return Value(value, ext=ext)
    parts: dict[str, Any] = {"location": [], "dimension": [], "document-link": []}
    elements: list[str] = []
    _children(walker, element, parts, elements)
    return Value(
        value=value,
        locations=tuple(parts["location"]),
        dimensions=tuple(parts["dimension"]),
        comment=parts.get("comment"),
        document_links=tuple(parts["document-link"]),
        ext=walker.with_elements(ext, elements),
    )


def _children(walker: Walker, element: Element, parts: dict[str, Any], elements: list[str]):
    """The children of a baseline, target or actual (the same, in a different order)."""
    for child in element:
        tag = child.tag
        if tag == "dimension":
            parts["dimension"].append(_dimension(walker, child))
        elif tag == "location":
            parts["location"].append(_location(walker, child))
        elif tag == "comment":
            parts["comment"] = walker.text(child)
        elif tag == "document-link":
            parts["document-link"].append(walker.document_link(child))
        else:
            walker.other(child, elements)


def _dimension(walker: Walker, element: Element) -> Dimension:
    get = element.get
    ext = walker.extensions(element, _DIMENSION)
    if len(element):
        elements: list[str] = []
        for child in element:
            walker.other(child, elements)
        ext = walker.with_elements(ext, elements)
    return Dimension(get("name"), get("value"), ext)


def _location(walker: Walker, element: Element) -> Location:
    elements: list[str] = []
    for child in element:
        walker.other(child, elements)
    ext = walker.with_elements(walker.extensions(element, _LOCATION), elements)
    return Location(element.get("ref"), ext)


def _period(walker: Walker, element: Element, measure: str) -> Period:
    targets: list[Value] = []
    actuals: list[Value] = []
    elements: list[str] = []
    dates: dict[str, tuple[Any, Extensions]] = {}
    for child in element:
        tag = child.tag
        if tag == "actual":
            actuals.append(_value(walker, child, measure))
        elif tag == "target":
            targets.append(_value(walker, child, measure))
        elif tag == "period-start" or tag == "period-end":
            dates[tag] = walker.document_date(child)
        else:
            walker.other(child, elements)
    for tag in ("period-start", "period-end"):
        if tag not in dates:
            walker.error(Problem.MISSING, f"{tag} is required", element)
    start, start_ext = dates.get("period-start", (None, NONE))
    end, end_ext = dates.get("period-end", (None, NONE))
    if start and end and start > end:
        walker.error(
            Problem.DATE_ORDER, f"the period starts ({start}) after it ends ({end})", element
        )
    return Period(
        start=start,
        end=end,
        targets=tuple(targets),
        actuals=tuple(actuals),
        start_ext=start_ext,
        end_ext=end_ext,
        ext=walker.with_elements(walker.extensions(element, _NOTHING), elements),
    )
