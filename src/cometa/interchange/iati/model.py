"""IATI 2.03 activities as plain frozen data: what Cometa holds of an ``iati-activity``.

Complete for ``result``: every element and attribute the 2.03 schema allows under it is a
field here, extension content from other namespaces included (``Extensions``). Of the rest
of an activity only what an export needs to be valid is held (identifier, reporting
organisation, title, descriptions, participating organisations, status, dates and a few
attributes); the reader reports everything else it meets, with line and path.

Values keep the text of the file (``value="120.50"`` stays ``"120.50"``); ``Value.amount``
reads it as a decimal. Dates are ``datetime.date``, booleans ``bool`` and ``None`` means
the attribute was absent. Sequences are tuples, in file order.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class Extensions:
    """Content from other namespaces, which the schema allows nearly everywhere.

    ``attributes``: (``{namespace}name``, value) pairs; ``elements``: each element as
    exclusive canonical XML (its own namespace declarations only), so it writes back as is.
    """

    attributes: tuple[tuple[str, str], ...] = ()
    elements: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.attributes or self.elements)


NONE = Extensions()


@dataclass(frozen=True, slots=True)
class Narrative:
    text: str
    lang: str | None = None  # its own xml:lang; None: the activity's default language
    ext: Extensions = NONE


@dataclass(frozen=True, slots=True)
class Text:
    """A ``title``, ``description`` or ``comment``: narratives in one or more languages."""

    narratives: tuple[Narrative, ...]
    ext: Extensions = NONE

    def in_language(self, lang: str, default: str | None = None) -> str | None:
        for narrative in self.narratives:
            if (narrative.lang or default) == lang:
                return narrative.text
        return None


@dataclass(frozen=True, slots=True)
class Code:
    """A ``category`` or ``language`` of a document link."""

    code: str
    ext: Extensions = NONE


@dataclass(frozen=True, slots=True)
class DocumentLink:
    url: str
    format: str
    title: Text
    categories: tuple[Code, ...]
    description: Text | None = None
    languages: tuple[Code, ...] = ()
    document_date: datetime.date | None = None
    document_date_ext: Extensions = NONE
    ext: Extensions = NONE


@dataclass(frozen=True, slots=True)
class Reference:
    """A ``result/reference`` (``uri`` is ``@vocabulary-uri``) or an
    ``indicator/reference`` (``uri`` is ``@indicator-uri``)."""

    vocabulary: str
    code: str
    uri: str | None = None
    ext: Extensions = NONE


@dataclass(frozen=True, slots=True)
class Location:
    ref: str | None = None
    ext: Extensions = NONE


@dataclass(frozen=True, slots=True)
class Dimension:
    name: str | None = None
    value: str | None = None
    ext: Extensions = NONE


def _amount(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(value.strip())
    except InvalidOperation:
        return None


@dataclass(frozen=True, slots=True)
class Value:
    """A ``target`` or an ``actual``: one cell, its dimensions say which (none: the total)."""

    value: str | None = None
    locations: tuple[Location, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    comment: Text | None = None
    document_links: tuple[DocumentLink, ...] = ()
    ext: Extensions = NONE  # elements only: the schema allows no other attribute here

    @property
    def amount(self) -> Decimal | None:
        return _amount(self.value)


@dataclass(frozen=True, slots=True)
class Baseline:
    year: int
    iso_date: datetime.date | None = None
    value: str | None = None
    locations: tuple[Location, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    document_links: tuple[DocumentLink, ...] = ()
    comment: Text | None = None
    ext: Extensions = NONE

    @property
    def amount(self) -> Decimal | None:
        return _amount(self.value)


@dataclass(frozen=True, slots=True)
class Period:
    start: datetime.date
    end: datetime.date
    targets: tuple[Value, ...] = ()
    actuals: tuple[Value, ...] = ()
    start_ext: Extensions = NONE
    end_ext: Extensions = NONE
    ext: Extensions = NONE


@dataclass(frozen=True, slots=True)
class Indicator:
    measure: str  # IndicatorMeasure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative
    title: Text
    ascending: bool | None = None
    aggregation_status: bool | None = None
    description: Text | None = None
    document_links: tuple[DocumentLink, ...] = ()
    references: tuple[Reference, ...] = ()
    baselines: tuple[Baseline, ...] = ()
    periods: tuple[Period, ...] = ()
    ext: Extensions = NONE


@dataclass(frozen=True, slots=True)
class Result:
    type: str  # ResultType: 1 output, 2 outcome, 3 impact, 9 other
    title: Text
    indicators: tuple[Indicator, ...]
    aggregation_status: bool | None = None
    description: Text | None = None
    document_links: tuple[DocumentLink, ...] = ()
    references: tuple[Reference, ...] = ()
    ext: Extensions = NONE


@dataclass(frozen=True, slots=True)
class Organisation:
    """``reporting-org`` (ref and type required) or ``participating-org`` (role required)."""

    ref: str | None = None
    type: str | None = None
    role: str | None = None
    activity_id: str | None = None
    crs_channel_code: str | None = None
    secondary_reporter: bool | None = None
    name: tuple[Narrative, ...] = ()
    ext: Extensions = NONE


@dataclass(frozen=True, slots=True)
class Description:
    text: Text
    type: str | None = None


@dataclass(frozen=True, slots=True)
class ActivityDate:
    type: str
    iso_date: datetime.date
    narratives: tuple[Narrative, ...] = ()
    ext: Extensions = NONE


@dataclass(frozen=True, slots=True)
class Activity:
    identifier: str
    reporting_org: Organisation
    title: Text
    descriptions: tuple[Description, ...] = ()
    participating_orgs: tuple[Organisation, ...] = ()
    status: str | None = None
    dates: tuple[ActivityDate, ...] = ()
    results: tuple[Result, ...] = ()
    lang: str | None = None  # the activity's xml:lang, the default for its narratives
    default_currency: str | None = None
    hierarchy: int | None = None
    last_updated: str | None = None  # @last-updated-datetime as written
    humanitarian: bool | None = None
    ext: Extensions = field(default=NONE)
    # The namespace prefixes in scope, so extension content is written back with its own.
    namespaces: tuple[tuple[str, str], ...] = ()
