"""IATI 2.03 activities in and out, with every part of their results.

    reading = read("file.xml")            # all activities, or none if there is an error
    reading.report.errors / .warnings     # each with line, path and a stable code
    for activity in read_activities(stream, report): ...   # one at a time, memory flat
    report = write(activities, "out.xml")                  # schema + ruleset checked

Pure code: no database, no Django. It knows no module above it (docs/iati.md).
"""

from cometa.interchange.iati.model import Activity
from cometa.interchange.iati.reader import Reading, check, read, read_activities
from cometa.interchange.iati.report import Problem, Report
from cometa.interchange.iati.schema import validate
from cometa.interchange.iati.writer import write

__all__ = [
    "Activity",
    "Problem",
    "Reading",
    "Report",
    "check",
    "read",
    "read_activities",
    "validate",
    "write",
]
