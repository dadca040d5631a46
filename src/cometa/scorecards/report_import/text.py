"""Text plumbing for the report importer: lines, markup cleaning, cells, sections."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cometa.scorecards.report_import.model import INDICATOR_CODES, ImportProblem

_NEWLINE_RE = re.compile(r"\r\n|\r|\n")
_MD_LINK_RE = re.compile(r"\[([^\]\n]{0,1000})\]\(([^)\s]{0,2000})\)")
_AUTOLINK_RE = re.compile(r"<((?:https?://|mailto:)[^<>\s]+)>", re.IGNORECASE)
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_FOOTNOTE_RE = re.compile(r"<sup>[^<>]{0,8}</sup>", re.IGNORECASE)
_MD_ESCAPE_RE = re.compile(r"\\+([!-/:-@\[-`{-~])")
_HEADING_MARK_RE = re.compile(r"^\s*#{1,6}\s*")
_ITALIC_RE = re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_SPACE_RE = re.compile(r"\s+")
_SEPARATOR_CELL_RE = re.compile(r"^[\s:|-]*-[\s:|-]*$")
_LIST_MARK_RE = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+")
_NUMBERING_RE = re.compile(r"^\(?\d{1,3}\)\s*")
_CODE_RE = re.compile(r"^(?:PI\s*)?([1-9])\s*\.\s*(\d)(?!\d)", re.IGNORECASE)
_NA_RE = re.compile(r"^(?:n\s*/?\s*a|none|nil|-+)\.?$", re.IGNORECASE)

_SECTION_NUMBER_RE = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_DOT_LEADER_RE = re.compile(r"\.{4,}|\t\s*\d+\s*$")
_SECTION_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("process", re.compile(r"\bprocess in\b", re.IGNORECASE)),
    ("overview", re.compile(r"\boverview of\b", re.IGNORECASE)),
    ("findings", re.compile(r"\bdetailed findings\b", re.IGNORECASE)),
    ("actions", re.compile(r"\baction plan\b", re.IGNORECASE)),
    ("evidence", re.compile(r"\bsupporting evidence\b", re.IGNORECASE)),
)


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    raw: str
    text: str  # markup removed, whitespace collapsed

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def heading(self) -> bool:
        return self.raw.lstrip().startswith("#")

    @property
    def emphasized(self) -> bool:
        start = self.raw.lstrip().lower()
        return start.startswith(("#", "**", "__", "<b>", "<strong>"))


@dataclass(frozen=True)
class Section:
    kind: str
    heading: Line
    lines: tuple[Line, ...]  # the body, heading excluded


@dataclass(frozen=True)
class Document:
    lines: tuple[Line, ...]
    sections: tuple[Section, ...]

    def section(self, kind: str) -> Section | None:
        return next((section for section in self.sections if section.kind == kind), None)

    def body(self, kind: str) -> tuple[Line, ...]:
        section = self.section(kind)
        return section.lines if section else ()


def clean(raw: str) -> str:
    """Drop markdown/HTML markup, unescape entities, collapse whitespace."""
    text = _AUTOLINK_RE.sub(r"\1", raw)
    text = _MD_LINK_RE.sub(_render_link, text)
    text = _BR_RE.sub(" ", text)
    text = _FOOTNOTE_RE.sub("", text)
    text = _TAG_RE.sub("", text)
    text = html.unescape(text)
    text = _MD_ESCAPE_RE.sub(r"\1", text)
    text = _HEADING_MARK_RE.sub("", text)
    text = text.replace("**", "").replace("__", "")
    text = _ITALIC_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


def _render_link(match: re.Match[str]) -> str:
    label = _MD_ESCAPE_RE.sub(r"\1", match.group(1)).strip()
    url = match.group(2)
    if not url or url == "#" or url in (label, f"mailto:{label}"):
        return label
    if not label:
        return url
    return f"{label} ({url})"


def cells(raw: str) -> list[str]:
    """Split a table row on tabs (or on pipes for markdown tables), cleaning each cell."""
    stripped = raw.strip()
    if "\t" in raw:
        parts = raw.rstrip("\r\n").split("\t")
    elif stripped.startswith("|") and stripped.count("|") >= 2:
        parts = stripped.strip("|").split("|")
    else:
        parts = [raw]
    return [clean(part) for part in parts]


def is_separator(raw: str) -> bool:
    """A markdown/pipe table rule such as ``--\\t---`` or ``|---|:--|``."""
    return bool(raw.strip()) and all(
        _SEPARATOR_CELL_RE.match(part) or not part.strip() for part in raw.split("\t")
    )


def indicator_code(text: str) -> str | None:
    """``"2.2"`` for "PI 2.2 …", "PI2.2:", "2.2 …"; None if the text does not start so."""
    match = _CODE_RE.match(text)
    return f"{match.group(1)}.{match.group(2)}" if match else None


def check_code(code: str, line: int, problems: list[ImportProblem]) -> bool:
    if code in INDICATOR_CODES:
        return True
    problems.append(
        ImportProblem(line, f"unknown indicator code {code} (UNCT-SWAP has 1.1 to 7.1)")
    )
    return False


def strip_list_mark(text: str) -> str:
    return _LIST_MARK_RE.sub("", text, count=1)


def is_list_item(raw: str) -> bool:
    return bool(_LIST_MARK_RE.match(raw))


def strip_numbering(text: str) -> str:
    """``"1) UNCG plan;"`` → ``"UNCG plan"``."""
    return _NUMBERING_RE.sub("", text, count=1).rstrip(" ;,").strip()


def none_if_na(text: str) -> str:
    """ "" for cells that only say N/A, NA, none or a dash."""
    return "" if _NA_RE.match(text.strip()) else text.strip()


def split_lines(text: str) -> list[str]:
    return _NEWLINE_RE.split(text.removeprefix("\ufeff"))


def paragraphs(
    lines: Sequence[Line], *, alone: Callable[[Line], bool] = lambda line: False
) -> list[tuple[Line, ...]]:
    """Group lines into paragraphs; blank lines split, headings and ``alone`` lines stand alone."""
    result: list[tuple[Line, ...]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            _flush(result, current)
        elif line.heading or alone(line):
            _flush(result, current)
            result.append((line,))
        else:
            current.append(line)
    _flush(result, current)
    return result


def _flush(result: list[tuple[Line, ...]], current: list[Line]) -> None:
    if current:
        result.append(tuple(current))
        current.clear()


def joined(paragraph: Sequence[Line]) -> str:
    return " ".join(line.text for line in paragraph if line.text)


def document(text: str) -> Document:
    lines = tuple(
        Line(number, raw, clean(raw)) for number, raw in enumerate(split_lines(text), start=1)
    )
    return Document(lines, _sections(lines))


def _sections(lines: tuple[Line, ...]) -> tuple[Section, ...]:
    starts = [(index, kind) for index, line in enumerate(lines) if (kind := _section_kind(line))]
    bounds = [index for index, _ in starts] + [len(lines)]
    return tuple(
        Section(kind, lines[index], lines[index + 1 : bounds[position + 1]])
        for position, (index, kind) in enumerate(starts)
    )


def _section_kind(line: Line) -> str | None:
    match = _SECTION_NUMBER_RE.match(line.text)
    if not match or len(line.text) > 150 or _DOT_LEADER_RE.search(line.raw):
        return None
    title = match.group(2)
    kind = next((name for name, pattern in _SECTION_KINDS if pattern.search(title)), None)
    if kind:
        return kind
    return "other" if line.heading else None
