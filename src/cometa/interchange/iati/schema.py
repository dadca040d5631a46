"""Validation of exports against the official IATI 2.03 schema (``data/*.xsd``) and the
standard ruleset's result rules, one activity at a time so memory stays flat.

lxml's ``XMLSchema`` is libxml2's validator, the same engine the official IATI Validator
uses for its schema step. The schema files are loaded once per process, offline: the
parser may not use the network and the files import each other from their own folder.
"""

from __future__ import annotations

import copy
from functools import cache
from importlib.resources import as_file, files

from lxml import etree

from cometa.interchange.iati import rules
from cometa.interchange.iati.report import Code, Report
from cometa.interchange.iati.source import DEFAULT_LIMIT, Source, iterparse, limited, safe_parser
from cometa.interchange.iati.walk import Element

VERSION = "2.03"


@cache
def schema() -> etree.XMLSchema:
    resource = files("cometa.interchange.iati") / "data" / "iati-activities-schema.xsd"
    with as_file(resource) as path:
        document = etree.parse(str(path), safe_parser())
        return etree.XMLSchema(document)


def wrapped(activity: Element) -> Element:
    """A document of one activity, as the schema and the rules expect."""
    root = etree.Element("iati-activities", version=VERSION)
    root.append(activity)
    return root


def check_activity(root: Element, report: Report, index: int) -> None:
    """Schema errors and failed rules of the one activity under ``root``."""
    validator = schema()
    if not validator.validate(root):
        for entry in validator.error_log:
            report.error(Code.SCHEMA, entry.message, rules.numbered(entry.path or "/", index))
    rules.apply(root, report, index)


def validate(source: Source, *, limit: int = DEFAULT_LIMIT) -> Report:
    """Checks a written file activity by activity (used by tests and for files at hand).
    The file is expected to be sound: this is not the hardened import (see ``reader``)."""
    report = Report()
    with limited(source, limit) as stream:
        for event, element in iterparse(stream, ("iati-activity",)):
            if event != "end":
                continue
            report.activities += 1
            check_activity(wrapped(copy.deepcopy(element)), report, report.activities)
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    return report
