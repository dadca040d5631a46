"""Plain data produced by the UNCT-SWAP report importer (no Django).

See :mod:`cometa.scorecards.report_import.parser` for the parser itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

FRAMEWORK = "unct-swap"

#: The 15 performance indicators of the UNCT-SWAP Gender Equality Scorecard (2018).
INDICATOR_CODES: tuple[str, ...] = (
    "1.1",
    "1.2",
    "1.3",
    "2.1",
    "2.2",
    "2.3",
    "3.1",
    "3.2",
    "4.1",
    "4.2",
    "4.3",
    "5.1",
    "5.2",
    "6.1",
    "7.1",
)

#: The four rating levels, lowest first.
LEVELS: tuple[str, ...] = ("missing", "approaches", "meets", "exceeds")

#: ``ImportedEvidence.source`` values.
SOURCE_MEANS_OF_VERIFICATION = "means_of_verification"
SOURCE_SUPPORTING_EVIDENCE = "supporting_evidence"


@dataclass(frozen=True, order=True)
class ImportProblem:
    """One reason the report cannot be imported, with its 1-based line number."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class ReportImportError(ValueError):
    """The report cannot be imported; ``errors`` lists every problem found."""

    def __init__(self, errors: Iterable[ImportProblem], *, source_name: str = "<text>") -> None:
        self.errors: list[ImportProblem] = sorted(set(errors))
        self.source_name = source_name
        super().__init__(self._render())

    def _render(self) -> str:
        count = len(self.errors)
        head = f"{self.source_name}: cannot import report ({count} problem{'s' * (count != 1)})"
        return "\n".join([head, *(str(problem) for problem in self.errors)])

    def __str__(self) -> str:
        return self._render()


@dataclass(frozen=True)
class ImportedRating:
    code: str
    level: str
    reassessed: bool
    line: int


@dataclass(frozen=True)
class ImportedMember:
    """A member of the Inter-Agency Assessment Team.

    ``entity`` is a canonical acronym ("UNDP", "UN Women", "RCO") when the entity is
    recognised, otherwise the text the report gives.
    """

    name: str
    entity: str
    title: str
    line: int
    coordinator: bool = False


@dataclass(frozen=True)
class ImportedFinding:
    """Findings and explanation of one indicator's section, with the criteria of its level.

    Produced for every indicator section that has text (carried-over ratings keep their
    explanation too); filter on the rating's ``reassessed`` flag if only those are wanted.
    """

    code: str
    level: str
    text: str
    line: int
    criteria: str = ""


@dataclass(frozen=True)
class ImportedEvidence:
    """A means-of-verification entry (``category`` "") or a supporting-evidence document."""

    code: str | None
    text: str
    category: str
    line: int
    source: str = SOURCE_SUPPORTING_EVIDENCE


@dataclass(frozen=True)
class ImportedAction:
    """One action-plan row; ``by_year`` maps the cycle year (1 = "YEAR 1", or a calendar
    year when the column says so) to what was done, empty and N/A cells omitted."""

    code: str
    action: str
    by_year: dict[int, str] = field(hash=False)
    responsible: str
    line: int


@dataclass(frozen=True)
class ImportedReport:
    country: str
    year: int
    framework: str
    ratings: tuple[ImportedRating, ...]
    members: tuple[ImportedMember, ...]
    findings: tuple[ImportedFinding, ...]
    evidence: tuple[ImportedEvidence, ...]
    actions: tuple[ImportedAction, ...]
    process_text: str
    context_text: str
