"""Country, year and the ratings table ("Indicator | Rating Level | Reassessed")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cometa.scorecards.report_import.model import INDICATOR_CODES, ImportedRating, ImportProblem
from cometa.scorecards.report_import.text import (
    Document,
    Line,
    cells,
    check_code,
    clean,
    indicator_code,
    is_separator,
)

_TITLE_RE = re.compile(
    r"\b(?:United Nations Country Team|UNCT)\s+(?:in|of)\s+(?:the\s+)?"
    r"(?P<country>[^\d\t]+?)[\s,:–—-]+(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_PROCESS_COUNTRY_RE = re.compile(r"\bprocess in\s+(?:the\s+)?(?P<country>[^\d\t]+?)\s*$", re.I)
_YEAR_FALLBACK_RE = re.compile(r"\bcumulative results in\s+(?P<year>(?:19|20)\d{2})\b", re.I)

_LEVEL_WORDS: dict[str, str] = {
    "missing": "missing",
    "approach": "approaches",
    "approaches": "approaches",
    "approaching": "approaches",
    "meet": "meets",
    "meets": "meets",
    "meeting": "meets",
    "exceed": "exceeds",
    "exceeds": "exceeds",
    "exceeding": "exceeds",
}
_LEVEL_LINE_RE = re.compile(
    r"^(missing|approach(?:es|ing)?|meets?|exceeds?)\s+(?:minimum\s+)?requirements?[\s.:]*$",
    re.IGNORECASE,
)
_YES = frozenset({"yes", "y", "true", "x", "✓", "✔", "reassessed"})
_NO = frozenset({"no", "n", "false", "-", "not reassessed"})


@dataclass(frozen=True)
class _Columns:
    rating: int
    reassessed: int


def level_word(text: str) -> str | None:
    """``"missing" | "approaches" | "meets" | "exceeds"`` from a rating cell, else None."""
    words = text.strip().lower().split()
    return _LEVEL_WORDS.get(words[0].strip(".,:;")) if words else None


def level_line(text: str) -> str | None:
    """The level of a line that only says e.g. "APPROACHES MINIMUM REQUIREMENTS"."""
    match = _LEVEL_LINE_RE.match(text.strip())
    return level_word(match.group(1)) if match else None


def find_country_year(doc: Document, problems: list[ImportProblem]) -> tuple[str, int]:
    country, year = "", 0
    for line in doc.lines:
        match = _TITLE_RE.search(line.text)
        if match:
            country, year = _tidy_country(match.group("country")), int(match.group("year"))
            break
    country = country or _fallback_country(doc)
    year = year or _fallback_year(doc)
    if not country or not year:
        problems.append(
            ImportProblem(
                1,
                "cannot find the country and year "
                "(expected a title like 'United Nations Country Team in <Country> <Year>')",
            )
        )
    return country, year


def _tidy_country(text: str) -> str:
    return text.strip(" ,.:;–—-")


def _fallback_country(doc: Document) -> str:
    section = doc.section("process")
    match = _PROCESS_COUNTRY_RE.search(section.heading.text) if section else None
    return _tidy_country(match.group("country")) if match else ""


def _fallback_year(doc: Document) -> int:
    for line in doc.lines:
        match = _YEAR_FALLBACK_RE.search(line.text)
        if match:
            return int(match.group("year"))
    return 0


def parse_ratings(doc: Document, problems: list[ImportProblem]) -> list[ImportedRating]:
    header_index = _header_index(doc.lines)
    if header_index is None:
        section = doc.section("overview")
        problems.append(
            ImportProblem(
                section.heading.number if section else 1,
                "no ratings table found (expected a header row "
                "'Indicator | Rating Level | Reassessed' followed by one row per indicator)",
            )
        )
        return []
    header = doc.lines[header_index]
    columns = _columns(cells(header.raw))
    ratings: list[ImportedRating] = []
    first_line: dict[str, int] = {}
    for line in _table_rows(doc.lines[header_index + 1 :]):
        row = _row_cells(line)
        code = _row_code(row, line, problems)
        if code is None or not _first(code, line.number, first_line, problems):
            continue
        rating = _rating(row, code, line.number, columns, problems)
        if rating is not None:
            ratings.append(rating)
    _check_complete(first_line, header, problems)
    return ratings


def _header_index(lines: Sequence[Line]) -> int | None:
    for index, line in enumerate(lines):
        row = [cell.lower() for cell in cells(line.raw)]
        if (
            len(row) >= 2
            and any(cell.startswith("indicator") for cell in row)
            and any("rating" in cell for cell in row)
        ):
            return index
    return None


def _columns(header: list[str]) -> _Columns:
    lowered = [cell.lower() for cell in header]
    rating = next((i for i, cell in enumerate(lowered) if "rating" in cell or "level" in cell), 1)
    reassessed = next((i for i, cell in enumerate(lowered) if "reassess" in cell), 2)
    return _Columns(rating=rating or 1, reassessed=reassessed or 2)


def _table_rows(lines: Sequence[Line]) -> list[Line]:
    """Rows after the header, up to the first line that is neither a row nor blank."""
    rows: list[Line] = []
    for line in lines:
        if line.blank or is_separator(line.raw):
            continue
        if len(cells(line.raw)) < 2 and indicator_code(line.text) is None:
            break
        rows.append(line)
    return rows


def _row_cells(line: Line) -> list[str]:
    row = cells(line.raw)
    return row if len(row) >= 2 else [clean(part) for part in re.split(r"\s{2,}", line.raw.strip())]


def _row_code(row: list[str], line: Line, problems: list[ImportProblem]) -> str | None:
    code = indicator_code(row[0])
    if code is None:
        problems.append(
            ImportProblem(
                line.number, f"expected an indicator code such as 'PI 2.2', got {row[0]!r}"
            )
        )
        return None
    return code if check_code(code, line.number, problems) else None


def _first(code: str, line: int, first_line: dict[str, int], problems: list[ImportProblem]) -> bool:
    if code in first_line:
        problems.append(
            ImportProblem(
                line, f"duplicate rating for {code} (first given on line {first_line[code]})"
            )
        )
        return False
    first_line[code] = line
    return True


def _rating(
    row: list[str], code: str, line: int, columns: _Columns, problems: list[ImportProblem]
) -> ImportedRating | None:
    level = _cell_level(row, columns.rating, code, line, problems)
    reassessed = _cell_reassessed(row, columns.reassessed, code, line, problems)
    if level is None or reassessed is None:
        return None
    return ImportedRating(code=code, level=level, reassessed=reassessed, line=line)


def _cell(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def _cell_level(
    row: list[str], index: int, code: str, line: int, problems: list[ImportProblem]
) -> str | None:
    text = _cell(row, index)
    level = level_word(text)
    if level is None:
        problems.append(
            ImportProblem(
                line,
                f"{code}: rating {text!r} is not a level "
                "(expected Missing, Approaches, Meets or Exceeds)",
            )
        )
    return level


def _cell_reassessed(
    row: list[str], index: int, code: str, line: int, problems: list[ImportProblem]
) -> bool | None:
    text = _cell(row, index).strip()
    answer = text.lower().rstrip(".")
    if answer in _YES:
        return True
    if answer in _NO:
        return False
    problems.append(ImportProblem(line, f"{code}: Reassessed must be Yes or No, got {text!r}"))
    return None


def _check_complete(
    first_line: dict[str, int], header: Line, problems: list[ImportProblem]
) -> None:
    missing = [code for code in INDICATOR_CODES if code not in first_line]
    if missing:
        problems.append(
            ImportProblem(
                header.number,
                f"ratings table has {len(INDICATOR_CODES) - len(missing)} of "
                f"{len(INDICATOR_CODES)} indicators; missing {', '.join(missing)}",
            )
        )
