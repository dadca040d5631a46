"""One ``Activity`` as an lxml element, children in the order the 2.03 schema requires
(which differs between levels: a baseline's comment comes after its document links, a
target's before them)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from lxml import etree

from cometa.interchange.iati.model import (
    XML_LANG,
    Activity,
    Baseline,
    DocumentLink,
    Extensions,
    Indicator,
    Narrative,
    Organisation,
    Period,
    Reference,
    Result,
    Text,
    Value,
)
from cometa.interchange.iati.source import safe_parser
from cometa.interchange.iati.walk import Element

Attributes = dict[str, str]
sub = etree.SubElement


def _flag(value: bool | None) -> str | None:
    return None if value is None else ("1" if value else "0")


def _attributes(**values: str | None) -> Attributes:
    return {name.replace("_", "-"): value for name, value in values.items() if value is not None}


def _element(parent: Element, tag: str, attributes: Attributes, ext: Extensions) -> Element:
    for name, value in ext.attributes:
        attributes[name] = value
    return sub(parent, tag, attributes)


def _close(element: Element, ext: Extensions) -> Element:
    """Appends the extension elements, which the schema puts after the element's own."""
    for raw in ext.elements:
        element.append(etree.fromstring(raw, safe_parser()))
    return element


def _narratives(parent: Element, narratives: Iterable[Narrative]) -> None:
    for narrative in narratives:
        attributes = {XML_LANG: narrative.lang} if narrative.lang is not None else {}
        _element(parent, "narrative", attributes, narrative.ext).text = narrative.text


def _text(parent: Element, tag: str, text: Text | None) -> None:
    if text is not None:
        element = _element(parent, tag, {}, text.ext)
        _narratives(element, text.narratives)
        _close(element, text.ext)


def _date(value: datetime.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _document_links(parent: Element, links: Iterable[DocumentLink]) -> None:
    for link in links:
        element = _element(
            parent, "document-link", _attributes(url=link.url, format=link.format), link.ext
        )
        _text(element, "title", link.title)
        _text(element, "description", link.description)
        for tag, items in (("category", link.categories), ("language", link.languages)):
            for item in items:
                _close(_element(element, tag, {"code": item.code}, item.ext), item.ext)
        if link.document_date is not None:
            date = {"iso-date": link.document_date.isoformat()}
            _close(
                _element(element, "document-date", date, link.document_date_ext),
                link.document_date_ext,
            )
        _close(element, link.ext)


def _references(parent: Element, references: Iterable[Reference], uri: str) -> None:
    for reference in references:
        attributes = {"vocabulary": reference.vocabulary, "code": reference.code}
        if reference.uri is not None:
            attributes[uri] = reference.uri
        _close(_element(parent, "reference", attributes, reference.ext), reference.ext)


def _where(parent: Element, value: Value | Baseline) -> None:
    for location in value.locations:
        attributes = _attributes(ref=location.ref)
        _close(_element(parent, "location", attributes, location.ext), location.ext)
    for dimension in value.dimensions:
        attributes = _attributes(name=dimension.name, value=dimension.value)
        _close(_element(parent, "dimension", attributes, dimension.ext), dimension.ext)


def _baseline(parent: Element, baseline: Baseline) -> None:
    attributes = _attributes(
        year=str(baseline.year), iso_date=_date(baseline.iso_date), value=baseline.value
    )
    element = _element(parent, "baseline", attributes, baseline.ext)
    _where(element, baseline)
    _document_links(element, baseline.document_links)
    _text(element, "comment", baseline.comment)
    _close(element, baseline.ext)


def _value(parent: Element, tag: str, value: Value) -> None:
    element = sub(parent, tag, _attributes(value=value.value))
    _where(element, value)
    _text(element, "comment", value.comment)
    _document_links(element, value.document_links)
    _close(element, value.ext)


def _period(parent: Element, period: Period) -> None:
    element = _element(parent, "period", {}, period.ext)
    for tag, day, ext in (
        ("period-start", period.start, period.start_ext),
        ("period-end", period.end, period.end_ext),
    ):
        _close(_element(element, tag, {"iso-date": day.isoformat()}, ext), ext)
    for target in period.targets:
        _value(element, "target", target)
    for actual in period.actuals:
        _value(element, "actual", actual)
    _close(element, period.ext)


def _indicator(parent: Element, indicator: Indicator) -> None:
    attributes = _attributes(
        measure=indicator.measure,
        ascending=_flag(indicator.ascending),
        aggregation_status=_flag(indicator.aggregation_status),
    )
    element = _element(parent, "indicator", attributes, indicator.ext)
    _text(element, "title", indicator.title)
    _text(element, "description", indicator.description)
    _document_links(element, indicator.document_links)
    _references(element, indicator.references, "indicator-uri")
    for baseline in indicator.baselines:
        _baseline(element, baseline)
    for period in indicator.periods:
        _period(element, period)
    _close(element, indicator.ext)


def _result(parent: Element, result: Result) -> None:
    attributes = _attributes(type=result.type, aggregation_status=_flag(result.aggregation_status))
    element = _element(parent, "result", attributes, result.ext)
    _text(element, "title", result.title)
    _text(element, "description", result.description)
    _document_links(element, result.document_links)
    _references(element, result.references, "vocabulary-uri")
    for indicator in result.indicators:
        _indicator(element, indicator)
    _close(element, result.ext)


def _organisation(parent: Element, tag: str, org: Organisation) -> None:
    attributes = _attributes(
        ref=org.ref,
        type=org.type,
        role=org.role,
        activity_id=org.activity_id,
        crs_channel_code=org.crs_channel_code,
        secondary_reporter=_flag(org.secondary_reporter),
    )
    element = _element(parent, tag, attributes, org.ext)
    _narratives(element, org.name)
    _close(element, org.ext)


def _header(root: Element, activity: Activity) -> None:
    sub(root, "iati-identifier").text = activity.identifier
    _organisation(root, "reporting-org", activity.reporting_org)
    _text(root, "title", activity.title)
    for description in activity.descriptions:
        element = _element(
            root, "description", _attributes(type=description.type), description.text.ext
        )
        _narratives(element, description.text.narratives)
        _close(element, description.text.ext)
    for org in activity.participating_orgs:
        _organisation(root, "participating-org", org)
    if activity.status is not None:
        sub(root, "activity-status", code=activity.status)
    for date in activity.dates:
        attributes = {"type": date.type, "iso-date": date.iso_date.isoformat()}
        element = _element(root, "activity-date", attributes, date.ext)
        _narratives(element, date.narratives)
        _close(element, date.ext)


def activity_element(activity: Activity) -> Element:
    attributes = _attributes(
        last_updated_datetime=activity.last_updated,
        default_currency=activity.default_currency,
        humanitarian=_flag(activity.humanitarian),
        hierarchy=None if activity.hierarchy is None else str(activity.hierarchy),
    )
    if activity.lang is not None:
        attributes[XML_LANG] = activity.lang
    for name, value in activity.ext.attributes:
        attributes[name] = value
    root = etree.Element("iati-activity", attributes, nsmap=dict(activity.namespaces))
    _header(root, activity)
    for result in activity.results:
        _result(root, result)
    return _close(root, activity.ext)
