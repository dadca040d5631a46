"""Reading one element at a time into the model: typed attribute readers that report what
is wrong (with line and path) and the pieces shared by every level (narratives, texts,
document links, extension content, what is not held).

Paths are worked out only when something is reported, from the element's parents: the
happy path pays nothing for them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from cometa.interchange.iati import codes
from cometa.interchange.iati.model import (
    NONE,
    XML_LANG,
    Code,
    DocumentLink,
    Extensions,
    Narrative,
    Text,
)
from cometa.interchange.iati.report import Code as Problem
from cometa.interchange.iati.report import Report

Element = Any  # lxml's _Element (lxml has no type information)

NUMBER = re.compile(r"\s*-?(\d+(\.\d*)?|\.\d+)\s*")  # what XPath 1.0 number() reads
DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?\s*")
TRUE, FALSE = frozenset({"true", "1"}), frozenset({"false", "0"})


class Walker:
    """Reads one activity; ``index`` is its position in the file (1 for the first)."""

    def __init__(self, report: Report, index: int) -> None:
        self.report = report
        self.index = index
        self.languages = codes.codelist(codes.LANGUAGE).active

    # --- where -------------------------------------------------------------------------

    def path(self, element: Element, attribute: str | None = None) -> str:
        start = element
        steps = []
        while element is not None and element.tag != "iati-activities":
            if element.tag == "iati-activity":
                steps.append(f"iati-activity[{self.index}]")
            else:
                position = 1 + sum(1 for _ in element.itersiblings(element.tag, preceding=True))
                steps.append(f"{_name(element.tag, element)}[{position}]")
            element = element.getparent()
        steps.append("iati-activities")
        tail = f"/@{_name(attribute, start)}" if attribute else ""
        return "/" + "/".join(reversed(steps)) + tail

    def error(self, code: Problem, message: str, element: Element, attribute: str | None = None):
        self.report.error(code, message, self.path(element, attribute), element.sourceline)

    def not_held(self, element: Element, attribute: str | None = None) -> None:
        what = (
            f"attribute @{_name(attribute, element)}"
            if attribute
            else f"element {_name(element.tag, element)}"
        )
        self.report.warning(
            Problem.NOT_HELD,
            f"Cometa does not hold the {what}; it is left out",
            self.path(element, attribute),
            element.sourceline,
        )

    # --- attributes --------------------------------------------------------------------

    def required(self, element: Element, name: str) -> str:
        value = element.get(name)
        if value is None:
            self.error(Problem.MISSING, f"@{name} is required", element, name)
            return ""
        return value

    def coded(self, element: Element, name: str, listname: str, required: bool = True):
        value = self.required(element, name) if required else element.get(name)
        if value:
            self.check_code(element, name, value, listname)
        return value

    def check_code(self, element: Element, name: str, value: str, listname: str) -> None:
        known = codes.codelist(listname)
        if value in known.active:
            return
        if value in known.withdrawn:
            self.report.warning(
                Problem.WITHDRAWN_CODE,
                f"{value!r} is withdrawn from the {listname} code list",
                self.path(element, name),
                element.sourceline,
            )
        else:
            self.error(
                Problem.UNKNOWN_CODE, f"{value!r} is not on the {listname} code list", element, name
            )

    def boolean(self, element: Element, name: str) -> bool | None:
        value = element.get(name)
        if value is None:
            return None
        text = value.strip()
        if text in TRUE or text in FALSE:
            return text in TRUE
        self.error(Problem.NOT_BOOLEAN, f"{value!r} is not true, false, 1 or 0", element, name)
        return None

    def date(self, element: Element, name: str, required: bool = False):
        value = self.required(element, name) if required else element.get(name)
        if not value:
            return None
        match = DATE.fullmatch(value)
        try:
            parsed = datetime.date.fromisoformat(match.group(1)) if match else None
        except ValueError:
            parsed = None
        if parsed is None:
            self.error(Problem.NOT_A_DATE, f"{value!r} is not a date (YYYY-MM-DD)", element, name)
        elif match and match.group(2):
            self.report.warning(
                Problem.NOT_HELD,
                f"the time zone of {value!r} is not held; the date is kept",
                self.path(element, name),
                element.sourceline,
            )
        return parsed

    def numeric(self, element: Element, value: str | None) -> None:
        if value is not None and not NUMBER.fullmatch(value):
            self.error(Problem.NOT_NUMERIC, f"{value!r} is not a number", element, "value")

    # --- content shared by every level --------------------------------------------------

    def extensions(
        self, element: Element, known: frozenset[str], attributes: bool = True
    ) -> Extensions:
        """Other-namespace attributes (if the schema allows them here) as held content;
        any other attribute not in ``known`` is reported as not held."""
        # The common case first: nothing but known attributes (an element iterates children).
        for name in element.keys():  # noqa: SIM118
            if name not in known:
                break
        else:
            return NONE
        held = []
        for name, value in element.items():
            if name in known:
                continue
            if attributes and name[0] == "{" and name != XML_LANG:
                held.append((name, value))
            else:
                self.not_held(element, name)
        return Extensions(tuple(held)) if held else NONE

    def with_elements(self, ext: Extensions, elements: list[str]) -> Extensions:
        if not elements:
            return ext
        return Extensions(ext.attributes, tuple(elements))

    def other(self, child: Element, elements: list[str]) -> None:
        """A child that the element's reader does not know: extension content is held,
        anything else reported."""
        tag = child.tag
        if isinstance(tag, str) and tag[0] == "{":
            elements.append(canonical(child))
        else:
            self.not_held(child)

    def narrative(self, element: Element) -> Narrative:
        lang = element.get(XML_LANG)
        if lang is not None and lang.lower() not in self.languages:
            self.check_code(element, XML_LANG, lang.lower(), codes.LANGUAGE)
        ext = self.extensions(element, _NARRATIVE)
        if len(element):
            for child in element:
                self.not_held(child)
        return Narrative(element.text or "", lang, ext)

    def text(self, element: Element) -> Text:
        """A ``title``, ``description`` or ``comment``."""
        narratives = []
        elements: list[str] = []
        for child in element:
            if child.tag == "narrative":
                narratives.append(self.narrative(child))
            else:
                self.other(child, elements)
        if not narratives:
            self.error(Problem.MISSING, "at least one narrative is required", element)
        ext = self.extensions(element, _NOTHING)
        return Text(tuple(narratives), self.with_elements(ext, elements))

    def code(self, element: Element, listname: str) -> Code:
        value = self.coded(element, "code", listname)
        elements: list[str] = []
        for child in element:
            self.other(child, elements)
        ext = self.extensions(element, _CODE)
        return Code(value, self.with_elements(ext, elements))

    def document_link(self, element: Element) -> DocumentLink:
        parts: dict[str, Any] = {"categories": [], "languages": []}
        elements: list[str] = []
        for child in element:
            reader = _DOCUMENT_PARTS.get(child.tag)
            if reader is None:
                self.other(child, elements)
            else:
                reader(self, child, parts)
        if "title" not in parts:
            self.error(Problem.MISSING, "a title is required", element)
        if not parts["categories"]:
            self.error(Problem.MISSING, "at least one category is required", element)
        return DocumentLink(
            url=self.required(element, "url"),
            format=self.coded(element, "format", codes.FILE_FORMAT),
            title=parts.get("title", Text(())),
            categories=tuple(parts["categories"]),
            description=parts.get("description"),
            languages=tuple(parts["languages"]),
            document_date=parts.get("date"),
            document_date_ext=parts.get("date_ext", NONE),
            ext=self.with_elements(self.extensions(element, _DOCUMENT_LINK), elements),
        )

    def document_date(self, element: Element) -> tuple[datetime.date | None, Extensions]:
        elements: list[str] = []
        for child in element:
            self.other(child, elements)
        ext = self.with_elements(self.extensions(element, _ISO_DATE), elements)
        return self.date(element, "iso-date", required=True), ext


def _title(walker: Walker, child: Element, parts: dict[str, Any]) -> None:
    parts["title"] = walker.text(child)


def _description(walker: Walker, child: Element, parts: dict[str, Any]) -> None:
    parts["description"] = walker.text(child)


def _category(walker: Walker, child: Element, parts: dict[str, Any]) -> None:
    parts["categories"].append(walker.code(child, codes.DOCUMENT_CATEGORY))


def _language(walker: Walker, child: Element, parts: dict[str, Any]) -> None:
    parts["languages"].append(walker.code(child, codes.LANGUAGE))


def _date(walker: Walker, child: Element, parts: dict[str, Any]) -> None:
    parts["date"], parts["date_ext"] = walker.document_date(child)


_DOCUMENT_PARTS: dict[str, Callable[[Walker, Element, dict[str, Any]], None]] = {
    "title": _title,
    "description": _description,
    "category": _category,
    "language": _language,
    "document-date": _date,
}
_NOTHING: frozenset[str] = frozenset()
_NARRATIVE = frozenset({XML_LANG})
_CODE = frozenset({"code"})
_ISO_DATE = frozenset({"iso-date"})
_DOCUMENT_LINK = frozenset({"url", "format"})


def canonical(element: Element) -> str:
    """An extension element as exclusive canonical XML: only the namespaces it uses are
    declared, so it reads back the same wherever it is written (the tail is not included)."""
    return etree.tostring(element, method="c14n", exclusive=True).decode("utf-8")


def _name(name: str, element: Element) -> str:
    """A tag or attribute name as a reader knows it: ``xml:lang``, ``akvo:result-id``."""
    if name == XML_LANG:
        return "xml:lang"
    if name[0] != "{":
        return name
    uri, local = name[1:].split("}", 1)
    for prefix, bound in element.nsmap.items():
        if bound == uri and prefix:
            return f"{prefix}:{local}"
    return local
