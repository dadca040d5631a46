"""The data-entry grid of an attached indicator for one period: a row per disaggregation
key (the total, then each code of each of the indicator's dimensions, then any deeper key
already stored), a column per kind (baseline, target, actual). Built from what is stored
and what the person typed; saved through ``services.values.value_record`` cell by cell,
all in one transaction, each cell with the revision the person saw."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cometa.accounts.models import Person
from cometa.core.errors import Conflict, ValidationFailed
from cometa.indicators.checks import Finding
from cometa.indicators.definitions import Measure
from cometa.indicators.disaggregation import cells, parse_key
from cometa.indicators.models import DimensionCode, IndicatorValue, ValueKind
from cometa.indicators.periods import Period, PeriodError, parse_period, year
from cometa.indicators.texts import Text
from cometa.indicators.value_store import total_findings
from cometa.results import selectors
from cometa.results.inputs import ValueInput
from cometa.results.models import ResultIndicator
from cometa.results.services import values
from cometa.results.web.cells import Typed, read_cell, same, shown

KINDS = (ValueKind.BASELINE, ValueKind.TARGET, ValueKind.ACTUAL)


@dataclass(frozen=True)
class Labels:
    """The words of an indicator's dimensions and codes in one language."""

    codes: dict[str, list[str]]  # dimension -> its active codes, in file order
    names: dict[str, str]  # dimension -> its name
    code_names: dict[tuple[str, str], str]  # (dimension, code) -> its label

    def of_key(self, key: str) -> str:
        if not key:
            return _("Total")
        return " · ".join(
            f"{self.names.get(name, name)}: {self.code_names.get((name, code), code)}"
            for name, code in parse_key(key)
        )


def labels_for(indicator: ResultIndicator, language: str) -> Labels:
    dimensions = list(indicator.version.dimensions.all())
    rows = DimensionCode.objects.filter(dimension__in=dimensions, is_active=True).select_related(
        "dimension"
    )
    codes: dict[str, list[str]] = {d.code: [] for d in dimensions}
    code_names = {}
    for row in rows.order_by("dimension__code", "position"):
        codes[row.dimension.code].append(row.code)
        text = Text.of(row.label)
        code_names[(row.dimension.code, row.code)] = text.get(language) if text else row.code
    names = {d.code: d.name_text().get(language) for d in dimensions}
    return Labels(codes, names, code_names)


@dataclass
class GridCell:
    name: str  # the input's name: c-<row>-<kind>
    kind: str
    where: str  # "Actual, Total": how messages name the cell
    stored: IndicatorValue | None
    typed: str  # what the input shows
    seen: int  # the revision the person saw (the stored one on a fresh page)
    was: str  # the value the person saw, so a cell they left alone is not theirs to save
    reading: Typed | None = None  # what was typed, read (None on a fresh page)
    problem: str = ""
    theirs: str | None = None  # in a conflict: the value someone else saved

    @property
    def revision(self) -> int:
        return self.stored.revision if self.stored else 0

    @property
    def changed(self) -> bool:
        if self.reading is None or self.reading.problem:
            return False
        stored_value = self.stored.value if self.stored else None
        stored_text = self.stored.text if self.stored else ""
        return not same(self.reading, stored_value, stored_text)


@dataclass
class GridRow:
    index: int
    key: str
    label: str
    depth: int
    cells: list[GridCell]


@dataclass
class TotalFinding:
    kind: str
    finding: Finding
    reason: str
    total: str  # the total's label
    dimension: str  # the dimension's name
    missing: list[str]  # labels of the codes with no value

    @property
    def kind_label(self) -> str:
        return str(ValueKind(self.kind).label)


@dataclass
class Grid:
    indicator: ResultIndicator
    period: Period
    rows: list[GridRow]
    numeric: bool
    counts: bool
    findings: list[TotalFinding] = field(default_factory=list)

    def all_cells(self) -> list[GridCell]:
        return [cell for row in self.rows for cell in row.cells]

    def problems(self) -> list[tuple[str, str]]:
        """(message naming the cell, the input's id) for the error summary."""
        return [(cell.problem, f"id_{cell.name}") for cell in self.all_cells() if cell.problem]

    def conflicts(self) -> list[GridCell]:
        return [cell for cell in self.all_cells() if cell.theirs is not None]

    def missing(self) -> list[tuple[str, list[str]]]:
        """Per kind, the rows whose cell is empty (stored and typed)."""
        found = []
        for position, kind in enumerate(KINDS):
            empty = [
                row.label
                for row in self.rows
                if row.cells[position].stored is None and not row.cells[position].typed.strip()
            ]
            if empty:
                found.append((str(ValueKind(kind).label), empty))
        return found


def period_choices(indicator: ResultIndicator) -> list[str]:
    plan = indicator.plan
    found = {str(year(y)) for y in range(plan.start_year - 1, plan.end_year + 1)}
    for start, end in indicator.values.values_list("period_start", "period_end").distinct():
        found.add(str(Period(start, end)))
    return sorted(found, key=lambda text: (parse_period(text).start, parse_period(text).end))


def period_wanted(indicator: ResultIndicator, text: str | None) -> Period:
    """The period asked for, else this year within the plan's years."""
    if text:
        try:
            return parse_period(text)
        except PeriodError:
            pass
    plan = indicator.plan
    return year(min(max(timezone.localdate().year, plan.start_year), plan.end_year))


def _keys(labels: Labels, stored: list[IndicatorValue]) -> list[str]:
    keys = cells(labels.codes, depth=1)
    deeper = sorted({row.key for row in stored} - set(keys))
    return keys + deeper


def build(
    person: Person,
    indicator: ResultIndicator,
    period: Period,
    language: str,
    sent: Mapping[str, str] | None = None,
) -> Grid:
    """The grid as stored, or with what the person sent (``sent``: the POST)."""
    labels = labels_for(indicator, language)
    stored = list(
        selectors.indicator_values(person, indicator).filter(
            period_start=period.start, period_end=period.end
        )
    )
    by_cell = {(row.kind, row.key): row for row in stored}
    measure = Measure(indicator.version.measure)
    grid = Grid(indicator, period, [], measure.is_numeric, measure.adds_up)
    for index, key in enumerate(_keys(labels, stored)):
        label = labels.of_key(key)
        row = GridRow(index, key, label, len(parse_key(key)), [])
        for kind in KINDS:
            row.cells.append(_cell(grid, index, kind, label, by_cell.get((kind, key)), sent))
        grid.rows.append(row)
    grid.findings = _findings(indicator, period, labels)
    return grid


def _cell(
    grid: Grid,
    index: int,
    kind: str,
    label: str,
    stored: IndicatorValue | None,
    sent: Mapping[str, str] | None,
) -> GridCell:
    name = f"c-{index}-{kind}"
    where = f"{ValueKind(kind).label}, {label}"
    current = shown(stored.value, stored.text) if stored else ""
    revision = stored.revision if stored else 0
    fresh = GridCell(name, kind, where, stored, current, revision, current)
    if sent is None or name not in sent:
        return fresh
    typed, was = sent[name], sent.get(f"{name}-was")
    if was is not None and typed.strip() == was.strip():
        return fresh  # left as it was shown: someone else's change to it stands
    try:
        seen = int(sent.get(f"{name}-rev", revision))
    except ValueError:
        seen = revision
    reading = read_cell(typed, numeric=grid.numeric, counts=grid.counts, where=where)
    cell = GridCell(
        name, kind, where, stored, typed, seen, current if was is None else was, reading,
        reading.problem,
    )  # fmt: skip
    if reading.empty and stored is not None:
        cell.problem = _("%(cell)s: a saved value cannot be emptied here; type it again.") % {
            "cell": where
        }
    elif cell.changed and seen != revision:
        cell.theirs = current
    return cell


def _findings(indicator: ResultIndicator, period: Period, labels: Labels) -> list[TotalFinding]:
    found = []
    for kind in KINDS:
        for checked in total_findings(
            owner=indicator, version=indicator.version, kind=kind, period=period
        ):
            item = checked.finding
            found.append(
                TotalFinding(
                    kind,
                    item,
                    checked.reason,
                    labels.of_key(item.key),
                    labels.names.get(item.dimension, item.dimension),
                    [labels.code_names.get((item.dimension, c), c) for c in item.missing],
                )
            )
    return found


class _Refused(Exception):
    """Some cell was refused: the whole save is rolled back."""


def save(person: Person, grid: Grid, keys: Mapping[int, str]) -> bool:
    """Saves every changed cell in one transaction, each with the revision the person saw;
    nothing is saved when one cell is refused (its problem or conflict is on the cell).
    ``keys`` are the rows' keys as the page that was sent had them."""
    if any(keys.get(row.index, row.key) != row.key for row in grid.rows):
        raise Conflict("grid_changed", _("The grid's rows changed since you opened it."))
    if grid.problems() or grid.conflicts():
        return False
    changed = [(row.key, cell) for row in grid.rows for cell in row.cells if cell.changed]
    try:
        with transaction.atomic():
            refused = False
            for key, cell in changed:
                refused |= not _record(person, grid, key, cell)
            if refused:
                raise _Refused
    except _Refused:
        _reread(person, grid)
        return False
    return True


def _record(person: Person, grid: Grid, key: str, cell: GridCell) -> bool:
    reading = cell.reading
    if reading is None:  # only changed cells, which were read, come here
        return True
    entered = ValueInput(cell.kind, grid.period, key, reading.value, reading.text)
    try:
        with transaction.atomic():
            values.value_record(
                actor=person, indicator=grid.indicator, value=entered, expected_revision=cell.seen
            )
    except Conflict:
        cell.theirs = ""
        return False
    except ValidationFailed as error:
        messages = [m for found in error.errors.values() for m in found]
        cell.problem = _("%(cell)s: %(message)s") % {
            "cell": cell.where,
            "message": " ".join(messages),
        }
        return False
    return True


def _reread(person: Person, grid: Grid) -> None:
    """After a refused save, what the others saved in the conflicting cells."""
    stored = selectors.indicator_values(person, grid.indicator).filter(
        period_start=grid.period.start, period_end=grid.period.end
    )
    by_cell = {(row.kind, row.key): row for row in stored}
    for row in grid.rows:
        for cell in row.cells:
            if cell.theirs == "":
                current = by_cell.get((cell.kind, row.key))
                cell.theirs = shown(current.value, current.text) if current else ""
