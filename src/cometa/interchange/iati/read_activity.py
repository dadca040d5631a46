"""Reading one ``iati-activity``: the fields Cometa holds beside its results; every other
element or attribute of the activity is reported as not held, with its line and path."""

from __future__ import annotations

from typing import Any

from cometa.interchange.iati import codes
from cometa.interchange.iati.model import (
    XML_LANG,
    Activity,
    ActivityDate,
    Description,
    Narrative,
    Organisation,
    Text,
)
from cometa.interchange.iati.read_result import read_result
from cometa.interchange.iati.report import Code as Problem
from cometa.interchange.iati.walk import Element, Walker

_ACTIVITY = frozenset(
    {XML_LANG, "default-currency", "hierarchy", "last-updated-datetime", "humanitarian"}
)
_REPORTING = frozenset({"ref", "type", "secondary-reporter"})
_PARTICIPATING = frozenset({"ref", "type", "role", "activity-id", "crs-channel-code"})
_DESCRIPTION = frozenset({"type"})
_DATE = frozenset({"type", "iso-date"})
_STATUS = frozenset({"code"})


def read_activity(walker: Walker, element: Element) -> Activity:
    parts: dict[str, Any] = {"descriptions": [], "participating": [], "dates": [], "results": []}
    elements: list[str] = []
    for child in element:
        reader = _PARTS.get(child.tag)
        if reader is None:
            walker.other(child, elements)
        else:
            reader(walker, child, parts)
    for tag, what in (("identifier", "iati-identifier"), ("reporting", "reporting-org")):
        if tag not in parts:
            walker.error(Problem.MISSING, f"{what} is required", element)
    if "title" not in parts:
        walker.error(Problem.MISSING, "a title is required", element)
    lang = element.get(XML_LANG)
    if lang is not None:
        walker.check_code(element, XML_LANG, lang.lower(), codes.LANGUAGE)
    return Activity(
        identifier=parts.get("identifier", ""),
        reporting_org=parts.get("reporting", Organisation()),
        title=parts.get("title", Text(())),
        descriptions=tuple(parts["descriptions"]),
        participating_orgs=tuple(parts["participating"]),
        status=parts.get("status"),
        dates=tuple(parts["dates"]),
        results=tuple(parts["results"]),
        lang=lang,
        default_currency=element.get("default-currency"),
        hierarchy=_hierarchy(walker, element),
        last_updated=element.get("last-updated-datetime"),
        humanitarian=walker.boolean(element, "humanitarian"),
        ext=walker.with_elements(walker.extensions(element, _ACTIVITY), elements),
        namespaces=tuple(sorted((p, uri) for p, uri in element.nsmap.items() if p)),
    )


def _hierarchy(walker: Walker, element: Element) -> int | None:
    text = element.get("hierarchy")
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        walker.error(Problem.NOT_INTEGER, f"{text!r} is not a whole number", element, "hierarchy")
        return None


def _narratives(walker: Walker, element: Element, elements: list[str]) -> tuple[Narrative, ...]:
    found = []
    for child in element:
        if child.tag == "narrative":
            found.append(walker.narrative(child))
        else:
            walker.other(child, elements)
    return tuple(found)


def _identifier(walker: Walker, element: Element, parts: dict[str, Any]) -> None:
    walker.extensions(element, frozenset(), attributes=False)
    parts["identifier"] = element.text or ""


def _organisation(walker: Walker, element: Element, role: bool) -> Organisation:
    elements: list[str] = []
    name = _narratives(walker, element, elements)
    known = _PARTICIPATING if role else _REPORTING
    if not role and not name:
        walker.error(Problem.MISSING, "at least one narrative is required", element)
    return Organisation(
        ref=element.get("ref") if role else walker.required(element, "ref"),
        type=walker.coded(element, "type", codes.ORGANISATION_TYPE, required=not role),
        role=walker.coded(element, "role", codes.ORGANISATION_ROLE) if role else None,
        activity_id=element.get("activity-id"),
        crs_channel_code=element.get("crs-channel-code"),
        secondary_reporter=None if role else walker.boolean(element, "secondary-reporter"),
        name=name,
        ext=walker.with_elements(walker.extensions(element, known), elements),
    )


def _reporting(walker: Walker, element: Element, parts: dict[str, Any]) -> None:
    parts["reporting"] = _organisation(walker, element, role=False)


def _participating(walker: Walker, element: Element, parts: dict[str, Any]) -> None:
    parts["participating"].append(_organisation(walker, element, role=True))


def _title(walker: Walker, element: Element, parts: dict[str, Any]) -> None:
    parts["title"] = walker.text(element)


def _description(walker: Walker, element: Element, parts: dict[str, Any]) -> None:
    kind = walker.coded(element, "type", codes.DESCRIPTION_TYPE, required=False)
    parts["descriptions"].append(Description(_typed_text(walker, element), kind))


def _typed_text(walker: Walker, element: Element) -> Text:
    elements: list[str] = []
    narratives = _narratives(walker, element, elements)
    if not narratives:
        walker.error(Problem.MISSING, "at least one narrative is required", element)
    ext = walker.extensions(element, _DESCRIPTION)
    return Text(narratives, walker.with_elements(ext, elements))


def _status(walker: Walker, element: Element, parts: dict[str, Any]) -> None:
    walker.extensions(element, _STATUS, attributes=False)
    for child in element:
        walker.not_held(child)
    parts["status"] = walker.coded(element, "code", codes.ACTIVITY_STATUS)


def _date(walker: Walker, element: Element, parts: dict[str, Any]) -> None:
    elements: list[str] = []
    narratives = _narratives(walker, element, elements)
    parts["dates"].append(
        ActivityDate(
            type=walker.coded(element, "type", codes.ACTIVITY_DATE_TYPE),
            iso_date=walker.date(element, "iso-date", required=True),
            narratives=narratives,
            ext=walker.with_elements(walker.extensions(element, _DATE), elements),
        )
    )


def _result(walker: Walker, element: Element, parts: dict[str, Any]) -> None:
    parts["results"].append(read_result(walker, element))


_PARTS = {
    "iati-identifier": _identifier,
    "reporting-org": _reporting,
    "title": _title,
    "description": _description,
    "participating-org": _participating,
    "activity-status": _status,
    "activity-date": _date,
    "result": _result,
}
