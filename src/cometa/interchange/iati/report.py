"""What reading or writing a file found: errors (nothing may be imported or published) and
warnings (content Cometa does not hold, advice of the ruleset), each with a line and a path.

Every error is kept up to ``MAX_ERRORS``; past that they are counted. Warnings of the same
kind at the same place in the structure (``/iati-activities/iati-activity/sector``, indexes
left out) keep their first ``MAX_EXAMPLES`` occurrences and a count of all, so a file with
a hundred thousand ``transaction`` elements gives one warning that says so, not a hundred
thousand.

Messages are English for logs and commands; a page shows a problem in the reader's
language from its stable ``code``, ``path`` and ``line`` (this floor has no Django).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

MAX_ERRORS = 10_000
MAX_EXAMPLES = 5

_INDEX = re.compile(r"\[\d+\]")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(StrEnum):
    """Stable codes of what can be found, for callers that act on them."""

    MALFORMED = "malformed"  # not well-formed XML
    FORBIDDEN = "forbidden"  # a DTD or entity declaration: refused, never expanded
    TOO_LARGE = "too-large"  # over the size limit
    NOT_IATI = "not-iati"  # the root is not iati-activities
    VERSION = "version"  # iati-activities/@version is not 2.03
    MISSING = "missing"  # a required element or attribute is absent
    UNKNOWN_CODE = "unknown-code"  # not on the code list
    WITHDRAWN_CODE = "withdrawn-code"  # on the code list but withdrawn
    NOT_NUMERIC = "not-numeric"
    NOT_A_DATE = "not-a-date"
    NOT_BOOLEAN = "not-boolean"
    NOT_INTEGER = "not-integer"
    DATE_ORDER = "date-order"  # period-start after period-end
    NOT_HELD = "not-held"  # content Cometa does not keep
    SCHEMA = "schema"  # the official XSD refuses the export
    RULE = "rule"  # a rule of the IATI standard ruleset
    REFUSED = "refused"  # an importer cannot take it (no such office, no right, no room)


@dataclass(frozen=True)
class Problem:
    severity: Severity
    code: Code
    message: str
    path: str  # /iati-activities/iati-activity[2]/result[1]/indicator[1]/@measure
    line: int | None = None
    rule: str | None = None  # the ruleset's id (8.6.1) for Code.RULE

    def __str__(self) -> str:
        where = f"line {self.line}, " if self.line else ""
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{self.severity}{rule}: {where}{self.path}: {self.message}"


@dataclass
class Report:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    errors_not_listed: int = 0
    counts: dict[tuple[Code, str, str], int] = field(default_factory=dict)
    activities: int = 0  # activities read or written

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(
        self, code: Code, message: str, path: str, line: int | None = None, rule: str | None = None
    ) -> None:
        if len(self.errors) >= MAX_ERRORS:
            self.errors_not_listed += 1
            return
        self.errors.append(Problem(Severity.ERROR, code, message, path, line, rule))

    def warning(
        self, code: Code, message: str, path: str, line: int | None = None, rule: str | None = None
    ) -> None:
        key = (code, message, _INDEX.sub("", path))
        seen = self.counts.get(key, 0)
        self.counts[key] = seen + 1
        if seen < MAX_EXAMPLES:
            self.warnings.append(Problem(Severity.WARNING, code, message, path, line, rule))

    def warning_count(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> list[str]:
        """One line per problem listed, then how many more of each warning were seen."""
        lines = [str(problem) for problem in self.errors]
        if self.errors_not_listed:
            lines.append(f"… and {self.errors_not_listed} more errors")
        lines.extend(str(problem) for problem in self.warnings)
        for (_code, message, place), count in self.counts.items():
            if count > MAX_EXAMPLES:
                lines.append(f"warning: {place}: {message} ({count} times in all)")
        return lines
