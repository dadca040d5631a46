"""Chapter 7: findings, criteria and means of verification per indicator section."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cometa.scorecards.report_import.model import (
    SOURCE_MEANS_OF_VERIFICATION,
    ImportedEvidence,
    ImportedFinding,
    ImportedRating,
    ImportProblem,
)
from cometa.scorecards.report_import.ratings import level_line
from cometa.scorecards.report_import.text import (
    Document,
    Line,
    check_code,
    is_list_item,
    joined,
    paragraphs,
    strip_list_mark,
    strip_numbering,
)

_BLOCK_RE = re.compile(
    r"^(?:PI\s*|Performance\s+Indicator\s*)([1-9])\s*\.\s*(\d)(?!\d)", re.IGNORECASE
)
_DIMENSION_RE = re.compile(r"^Dimension(?:\s+Area)?\s*\d+\b", re.IGNORECASE)
_FINDINGS_MARK_RE = re.compile(r"^findings(?:\s+and\s+explanations?)?\s*:?$", re.IGNORECASE)
_REASSESS_MARK_RE = re.compile(r"^did you re-?assess\b", re.IGNORECASE)
_MOV_MARK_RE = re.compile(r"^list (?:the )?means of verification\b", re.IGNORECASE)
_MOV_LABEL_RE = re.compile(r"^(?:evidence or )?means of verification\s*:?$", re.IGNORECASE)
_ENUMERATION_RE = re.compile(r"^\(?[a-z]\)")
_ANSWERS = {"yes": True, "no": False}


@dataclass
class _Block:
    code: str
    line: int
    state: str = "head"
    level: str | None = None
    level_line: int = 0
    reassessed: bool | None = None
    reassessed_line: int = 0
    criteria: str = ""
    text: list[str] = field(default_factory=list)
    mov: list[ImportedEvidence] = field(default_factory=list)


def parse_findings(
    doc: Document, ratings: Sequence[ImportedRating], problems: list[ImportProblem]
) -> tuple[list[ImportedFinding], list[ImportedEvidence]]:
    blocks = _blocks(doc.body("findings"), problems)
    by_code = {rating.code: rating for rating in ratings}
    findings: list[ImportedFinding] = []
    evidence: list[ImportedEvidence] = []
    for block in blocks:
        _cross_check(block, by_code.get(block.code), problems)
        evidence.extend(block.mov)
        finding = _finding(block, by_code.get(block.code))
        if finding is not None:
            findings.append(finding)
    return findings, evidence


def _block_code(line: Line) -> str | None:
    match = _BLOCK_RE.match(line.text)
    return f"{match.group(1)}.{match.group(2)}" if match else None


def _blocks(lines: Sequence[Line], problems: list[ImportProblem]) -> list[_Block]:
    blocks: list[_Block] = []
    first_line: dict[str, int] = {}
    current: _Block | None = None
    for paragraph in paragraphs(lines, alone=lambda line: _block_code(line) is not None):
        code = _block_code(paragraph[0])
        if code is not None and (current is None or code != current.code):
            current = _start(code, paragraph[0].number, first_line, problems)
            if current is not None:
                blocks.append(current)
            continue
        if current is not None:
            _feed(current, paragraph)
    return blocks


def _start(
    code: str, line: int, first_line: dict[str, int], problems: list[ImportProblem]
) -> _Block | None:
    if not check_code(code, line, problems):
        return None
    if code in first_line:
        problems.append(
            ImportProblem(
                line, f"second findings section for {code} (first on line {first_line[code]})"
            )
        )
        return None
    first_line[code] = line
    return _Block(code=code, line=line)


def _feed(block: _Block, paragraph: tuple[Line, ...]) -> None:
    text = joined(paragraph)
    if _DIMENSION_RE.match(text) or _block_code(paragraph[0]) is not None:
        return
    if _REASSESS_MARK_RE.match(text):
        block.state = "reassess"
    elif _MOV_MARK_RE.match(text):
        block.state = "mov"
    elif block.state == "head":
        _feed_head(block, paragraph)
    elif block.state == "after_level":
        _feed_after_level(block, paragraph, text)
    elif block.state == "reassess":
        _feed_reassess(block, paragraph, text)
    elif block.state == "mov":
        _feed_mov(block, paragraph)
    elif not _FINDINGS_MARK_RE.match(text):
        block.text.append(text)


def _feed_head(block: _Block, paragraph: tuple[Line, ...]) -> None:
    for line in paragraph:
        level = level_line(line.text)
        if level is not None:
            block.level, block.level_line = level, line.number
            block.state = "after_level"
        elif _FINDINGS_MARK_RE.match(line.text):
            block.state = "findings"


def _feed_after_level(block: _Block, paragraph: tuple[Line, ...], text: str) -> None:
    if _FINDINGS_MARK_RE.match(text):
        block.state = "findings"
    elif _is_label(text):
        return
    elif paragraph[0].emphasized:
        block.criteria = text
        block.state = "findings"
    else:
        block.text.append(text)
        block.state = "findings"


def _is_label(text: str) -> bool:
    """Short captions such as "Planning" or "Programming and M&E"."""
    return len(text) <= 60 and not text.endswith(".") and not _ENUMERATION_RE.match(text)


def _feed_reassess(block: _Block, paragraph: tuple[Line, ...], text: str) -> None:
    answer = _ANSWERS.get(strip_list_mark(text).strip(" .").lower())
    if answer is not None and block.reassessed is None:
        block.reassessed, block.reassessed_line = answer, paragraph[0].number
        return
    block.state = "findings"
    _feed(block, paragraph)


def _feed_mov(block: _Block, paragraph: tuple[Line, ...]) -> None:
    for position, line in enumerate(paragraph):
        if _MOV_LABEL_RE.match(line.text):
            continue
        if position == 0 or is_list_item(line.raw) or not block.mov:
            text = strip_numbering(strip_list_mark(line.text))
            if text:
                block.mov.append(_mov(block.code, text, line.number))
        else:
            last = block.mov[-1]
            block.mov[-1] = _mov(block.code, f"{last.text} {line.text}".strip(), last.line)


def _mov(code: str, text: str, line: int) -> ImportedEvidence:
    return ImportedEvidence(
        code=code, text=text, category="", line=line, source=SOURCE_MEANS_OF_VERIFICATION
    )


def _cross_check(
    block: _Block, rating: ImportedRating | None, problems: list[ImportProblem]
) -> None:
    if rating is None:
        return
    if block.level is not None and block.level != rating.level:
        problems.append(
            ImportProblem(
                block.level_line,
                f"{block.code}: section says {block.level!r} but the ratings table "
                f"(line {rating.line}) says {rating.level!r}",
            )
        )
    if block.reassessed is not None and block.reassessed != rating.reassessed:
        problems.append(
            ImportProblem(
                block.reassessed_line,
                f"{block.code}: section says reassessed={_yes_no(block.reassessed)} but the "
                f"ratings table (line {rating.line}) says {_yes_no(rating.reassessed)}",
            )
        )


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def _finding(block: _Block, rating: ImportedRating | None) -> ImportedFinding | None:
    text = "\n\n".join(block.text)
    if not text and not block.criteria:
        return None
    level = block.level or (rating.level if rating else "")
    return ImportedFinding(
        code=block.code, level=level, text=text, line=block.line, criteria=block.criteria
    )
