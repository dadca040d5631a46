"""A plain, ORM-free document model that every renderer understands.

Modules build a :class:`Document` from plain strings, numbers and chart images;
the renderers in :mod:`cometa.reports.renderers` turn it into PDF or Word. Nothing
here knows about Django models.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    """A section heading; ``level`` 1 is the top level (1–3 are supported)."""

    text: str
    level: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.level <= 3:
            raise ValueError(f"Heading level must be 1, 2 or 3, not {self.level}")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of plain text (no markup is interpreted)."""

    text: str


@dataclass(frozen=True)
class BulletList:
    """An unordered list of plain-text items."""

    items: list[str]


@dataclass(frozen=True)
class Table:
    """A data table. ``column_widths`` are relative weights (any positive numbers)."""

    headers: list[str]
    rows: list[list[str]]
    caption: str = ""
    column_widths: list[float] | None = None

    def __post_init__(self) -> None:
        width = len(self.headers)
        if width == 0:
            raise ValueError("A table needs at least one column")
        for index, row in enumerate(self.rows):
            if len(row) != width:
                raise ValueError(f"Row {index} has {len(row)} cells, expected {width}")
        if self.column_widths is not None:
            if len(self.column_widths) != width:
                raise ValueError("column_widths must have one entry per column")
            if any(weight <= 0 for weight in self.column_widths):
                raise ValueError("column_widths must be positive")

    def relative_widths(self) -> list[float]:
        """``column_widths`` if given, else weights guessed from the text lengths.

        The guess uses the 90th-percentile cell length (so one long outlier does not
        starve the other columns), never less than the header's longest word, damped
        so short columns stay readable.
        """
        if self.column_widths is not None:
            return list(self.column_widths)
        return [_column_weight(self, column) for column in range(len(self.headers))]


def _column_weight(table: Table, column: int) -> float:
    lengths = sorted(len(row[column]) for row in table.rows)
    typical = lengths[int(len(lengths) * 0.9)] if lengths else 0
    longest_word = max((len(word) for word in table.headers[column].split()), default=1)
    return float(min(max(typical, longest_word, 4), 60)) ** 0.8


@dataclass(frozen=True)
class Figure:
    """A chart: PNG for PDF/DOCX, SVG for HTML; ``alt`` describes it for screen readers."""

    png: bytes
    svg: str
    alt: str
    caption: str = ""


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


Block = Heading | Paragraph | BulletList | Table | Figure | PageBreak


@dataclass(frozen=True)
class Document:
    """A report: title page data plus an ordered list of blocks.

    ``metadata`` is a list of (label, value) pairs shown under the title
    (e.g. ("Country", "Colombia")). ``lang`` is a BCP 47 tag such as "en", "es", "ru".
    """

    title: str
    subtitle: str = ""
    metadata: list[tuple[str, str]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    lang: str = "en"

    def headings(self) -> list[Heading]:
        """The headings, in order (handy for tables of contents and tests)."""
        return [block for block in self.blocks if isinstance(block, Heading)]
