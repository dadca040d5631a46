"""Reading ``iati-activities`` 2.03 files, activity by activity.

``read_activities`` streams: lxml's iterparse hands over one complete ``iati-activity`` at
a time, it becomes an ``Activity`` and its elements are freed before the next one is
parsed, so memory does not grow with the file. What is wrong or not held goes into the
``Report``; an importer writes nothing unless ``report.ok`` once the stream is exhausted
(``check`` reads a file through for that first; ``read`` returns no activity at all when
there is an error).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from cometa.interchange.iati.model import Activity
from cometa.interchange.iati.read_activity import read_activity
from cometa.interchange.iati.report import Code, Report
from cometa.interchange.iati.source import (
    DEFAULT_LIMIT,
    Forbidden,
    Source,
    TooLarge,
    has_dtd,
    iterparse,
    limited,
)
from cometa.interchange.iati.walk import Element, Walker

VERSION = "2.03"
ROOT, ACTIVITY = "iati-activities", "iati-activity"
ROOT_PATH = f"/{ROOT}"
_DTD = "the file declares a DTD (entities); IATI files need none and it is refused"


@dataclass(frozen=True)
class Reading:
    activities: tuple[Activity, ...]
    report: Report


def read(source: Source, *, limit: int = DEFAULT_LIMIT) -> Reading:
    """Every activity of the file, or none if anything in it is an error."""
    report = Report()
    activities = tuple(read_activities(source, report, limit=limit))
    return Reading(activities if report.ok else (), report)


def check(source: Source, *, limit: int = DEFAULT_LIMIT) -> Report:
    """Reads the whole file and keeps only the report (a dry run, memory stays flat)."""
    report = Report()
    for _ in read_activities(source, report, limit=limit):
        pass
    return report


def read_activities(
    source: Source, report: Report, *, limit: int = DEFAULT_LIMIT
) -> Iterator[Activity]:
    """Yields each activity as it is read; problems go to ``report`` (look at it at the end:
    an activity already yielded may be followed by an error further down the file)."""
    started = [0]  # activities begun, so an error inside one names it
    try:
        with limited(source, limit) as stream:
            yield from _activities(iterparse(stream, (ROOT, ACTIVITY)), report, started)
    except Forbidden:
        report.error(Code.FORBIDDEN, _DTD, "/", 1)
    except TooLarge:
        report.error(Code.TOO_LARGE, f"the file is larger than the limit of {limit:,} bytes", "/")
    except etree.XMLSyntaxError as error:
        where = f"{ROOT_PATH}/{ACTIVITY}[{started[0]}]" if started[0] else "/"
        report.error(Code.MALFORMED, f"not well-formed XML: {error.msg}", where, error.lineno)


def _activities(events: etree.iterparse, report: Report, started: list[int]) -> Iterator[Activity]:
    seen_root = False
    for event, element in events:
        if event == "start":
            if element.tag == ACTIVITY:
                started[0] += 1
            elif element.getparent() is None:
                seen_root = True
                if not _acceptable(element, report):
                    return
            continue
        if element.tag != ACTIVITY:
            if element.getparent() is None:  # the end of the root: what followed the last
                _report_between(Walker(report, report.activities), element, None)
            continue
        parent = element.getparent()
        if parent is None or parent.tag != ROOT or parent.getparent() is not None:
            report.error(Code.NOT_IATI, "iati-activity outside iati-activities", "/")
            return
        report.activities += 1
        walker = Walker(report, report.activities)
        _report_between(walker, parent, element)
        activity = read_activity(walker, element)
        _free(element, parent)
        yield activity
    if not seen_root:
        report.error(Code.NOT_IATI, f"the root element is not {ROOT}", "/")


def _acceptable(root: Element, report: Report) -> bool:
    if has_dtd(root):
        report.error(
            Code.FORBIDDEN,
            _DTD,
            ROOT_PATH,
            root.sourceline,
        )
        return False
    version = root.get("version")
    if version != VERSION:
        report.error(
            Code.VERSION,
            f"iati-activities/@version is {version!r}; Cometa reads version {VERSION}",
            f"{ROOT_PATH}/@version",
            root.sourceline,
        )
        return False
    for name in root.attrib:
        if name not in ("version", "generated-datetime"):
            Walker(report, 0).not_held(root, name)
    return True


def _report_between(walker: Walker, parent: Element, element: Element | None) -> None:
    """Elements of the root other than activities (seen once, before the next activity)."""
    for sibling in parent:
        if sibling is element:
            return
        if sibling.tag != ACTIVITY:
            walker.not_held(sibling)


def _free(element: Element, parent: Element) -> None:
    element.clear()
    while element.getprevious() is not None:
        del parent[0]
