"""Writing activities as an ``iati-activities`` 2.03 file, streamed: each activity is built
as a small element, checked against the official schema and the ruleset's result rules,
written, and dropped, so a 50 MB export never sits in memory.

The returned ``Report`` lists what the schema or the rules refuse (path and rule id); an
export with errors must not be published, and the caller decides what happens to the file.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable
from typing import IO

from lxml import etree

from cometa.interchange.iati.build import activity_element
from cometa.interchange.iati.model import Activity
from cometa.interchange.iati.report import Report
from cometa.interchange.iati.schema import VERSION, check_activity, wrapped

Target = str | os.PathLike[str] | IO[bytes]


def write(
    activities: Iterable[Activity],
    target: Target,
    *,
    validate: bool = True,
    generated: datetime.datetime | None = None,
) -> Report:
    report = Report()
    attributes = {"version": VERSION}
    if generated is not None:
        attributes["generated-datetime"] = generated.isoformat(timespec="seconds")
    if isinstance(target, os.PathLike):
        target = os.fspath(target)
    with etree.xmlfile(target, encoding="utf-8") as out:
        out.write_declaration()
        with out.element("iati-activities", attributes):
            for activity in activities:
                report.activities += 1
                element = activity_element(activity)
                if validate:
                    check_activity(wrapped(element), report, report.activities)
                out.write("\n")
                out.write(element, pretty_print=True)
    return report
