"""Chapter 8 (action plan) and chapter 9 (supporting evidence) tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cometa.scorecards.report_import.model import (
    SOURCE_SUPPORTING_EVIDENCE,
    ImportedAction,
    ImportedEvidence,
    ImportProblem,
)
from cometa.scorecards.report_import.text import (
    Document,
    Line,
    cells,
    check_code,
    indicator_code,
    is_separator,
    none_if_na,
)

_YEAR_INDEX_RE = re.compile(r"\byear\s*(\d{1,2})\b", re.IGNORECASE)
_CALENDAR_YEAR_RE = re.compile(r"\b((?:19|20)\d{2})\b")
_RESPONSIBLE_RE = re.compile(r"responsib|\blead\b|focal point", re.IGNORECASE)
_NO_DOCUMENTS_RE = re.compile(r"^no documents?( uploaded)?\.?$", re.IGNORECASE)
_EVIDENCE_HEADER_RE = re.compile(r"^(?:PI|Indicator)\s*([1-9])\s*\.\s*(\d)(?!\d)", re.IGNORECASE)


@dataclass(frozen=True)
class _ActionColumns:
    action: int = 1
    years: tuple[tuple[int, int], ...] = ((2, 1), (3, 2), (4, 3), (5, 4))  # (column, year)
    responsible: int | None = None

    @property
    def width(self) -> int:
        used = [self.action, *(column for column, _ in self.years)]
        if self.responsible is not None:
            used.append(self.responsible)
        return max(used) + 1


@dataclass
class _Row:
    code: str
    line: int
    columns: dict[int, list[str]] = field(default_factory=dict)

    def add(self, index: int, text: str) -> None:
        if text:
            self.columns.setdefault(index, []).append(text)

    def get(self, index: int | None) -> str:
        return " ".join(self.columns.get(index, [])) if index is not None else ""


def parse_actions(doc: Document, problems: list[ImportProblem]) -> list[ImportedAction]:
    lines = doc.body("actions")
    columns = _action_columns(lines)
    rows: list[_Row] = []
    current: _Row | None = None
    for line in lines:
        if line.blank or is_separator(line.raw):
            continue
        row_cells = cells(line.raw)
        code = indicator_code(row_cells[0]) if len(row_cells) >= 2 else None
        if code is not None:
            current = _new_row(code, line.number, row_cells, columns, problems)
            if current is not None:
                rows.append(current)
        elif current is not None and len(row_cells) >= 2 and not row_cells[0]:
            _add_cells(current, row_cells, columns)
        else:
            current = None
    return [_action(row, columns) for row in rows]


def _action_columns(lines: Sequence[Line]) -> _ActionColumns:
    for line in lines:
        header = [cell.lower() for cell in cells(line.raw)]
        if len(header) >= 2 and any("action" in cell for cell in header[1:]):
            return _columns_from_header(header)
    return _ActionColumns()


def _columns_from_header(header: list[str]) -> _ActionColumns:
    action = next((i for i, cell in enumerate(header) if i and "action" in cell), 1)
    responsible = next(
        (i for i, cell in enumerate(header) if i != action and _RESPONSIBLE_RE.search(cell)), None
    )
    years: list[tuple[int, int]] = []
    for index, cell in enumerate(header):
        if index in (0, action, responsible):
            continue
        year = _year_key(cell, len(years) + 1)
        if year is not None:
            years.append((index, year))
    return _ActionColumns(action=action, years=tuple(years), responsible=responsible)


def _year_key(cell: str, position: int) -> int | None:
    match = _YEAR_INDEX_RE.search(cell) or _CALENDAR_YEAR_RE.search(cell)
    if match:
        return int(match.group(1))
    return position if "activit" in cell or "progress" in cell else None


def _new_row(
    code: str,
    line: int,
    row_cells: list[str],
    columns: _ActionColumns,
    problems: list[ImportProblem],
) -> _Row | None:
    if not check_code(code, line, problems):
        return None
    row = _Row(code=code, line=line)
    _add_cells(row, _drop_spillover(row_cells, columns), columns)
    return row


def _drop_spillover(row_cells: list[str], columns: _ActionColumns) -> list[str]:
    """Undo a PDF-conversion quirk: the indicator name wrapping into an extra column
    ("5.1 Coordination Mechanism | Gender | <action> | …") or leaving an empty one."""
    if columns.action != 1 or len(row_cells) < 3:
        return row_cells
    spill, following = row_cells[1], row_cells[2]
    word = spill.isalpha() and spill[:1].isupper() and none_if_na(spill) != ""
    fragment = not spill or word
    if fragment and len(following.split()) >= 5:
        return [row_cells[0], *row_cells[2:]]
    return row_cells


def _add_cells(row: _Row, row_cells: list[str], columns: _ActionColumns) -> None:
    last = columns.width - 1
    for index, text in enumerate(row_cells[1:], start=1):
        row.add(min(index, last), text)


def _action(row: _Row, columns: _ActionColumns) -> ImportedAction:
    by_year: dict[int, str] = {}
    for column, year in columns.years:
        text = none_if_na(row.get(column))
        if text:
            by_year[year] = f"{by_year[year]} {text}" if year in by_year else text
    return ImportedAction(
        code=row.code,
        action=none_if_na(row.get(columns.action)),
        by_year=by_year,
        responsible=none_if_na(row.get(columns.responsible)),
        line=row.line,
    )


def parse_supporting_evidence(
    doc: Document, problems: list[ImportProblem]
) -> list[ImportedEvidence]:
    code: str | None = None
    evidence: list[ImportedEvidence] = []
    for line in doc.body("evidence"):
        header = _EVIDENCE_HEADER_RE.match(line.text)
        if header:
            candidate = f"{header.group(1)}.{header.group(2)}"
            code = candidate if check_code(candidate, line.number, problems) else None
            continue
        entry = _evidence_entry(line, code)
        if entry is not None:
            evidence.append(entry)
    return evidence


def _evidence_entry(line: Line, code: str | None) -> ImportedEvidence | None:
    row = cells(line.raw)
    if len(row) < 2 or is_separator(line.raw):
        return None
    category, text = row[0], row[1]
    if not text or _NO_DOCUMENTS_RE.match(text) or category.lower() == "category":
        return None
    return ImportedEvidence(
        code=code, text=text, category=category, line=line.number, source=SOURCE_SUPPORTING_EVIDENCE
    )
