"""The rating panel beside the criteria on the indicator page: a stored rating, or the one
the unsaved answers would give, and why, in words: criteria by their own text (each a link
to its answer on the page), numbers by their label and ranges as "at least 33 %"."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cometa.scorecards.frameworks.model import Indicator
from cometa.scorecards.frameworks.outcome import Missing
from cometa.scorecards.frameworks.rule_words import InputNames, input_names, missing_lead
from cometa.scorecards.frameworks.shown import shown

if TYPE_CHECKING:  # pages imports this module for the indicator page's parts
    from cometa.scorecards.assessments.services import IndicatorValues
    from cometa.scorecards.frameworks.engine import Rating
    from cometa.scorecards.web.pages import IndicatorPage


def criterion_anchor(criterion_id: str) -> str:
    """The id of a criterion's group of answers on the indicator page."""
    return "criterion-" + criterion_id.replace(".", "-")


@dataclass(frozen=True)
class CriterionRef:
    """A criterion as the panel names it: its text, and where its answer is on the page."""

    text: str
    anchor: str


@dataclass(frozen=True)
class MissingLine:
    """One thing the next level needs: a lead ("one of these:", or a whole sentence about a
    number) and the criteria it lists."""

    lead: str
    criteria: list[CriterionRef] = field(default_factory=list)


@dataclass(frozen=True)
class RatingPanel:
    """A rating and why, with criteria and inputs named for people."""

    preview: bool
    computed: str  # level label, "" when never computed
    agreed: str
    rating_year: int | None
    decided_by: str
    counted: list[CriterionRef]
    unknown: list[CriterionRef]
    unknown_inputs: list[str]
    next_level: str
    missing: list[MissingLine]
    imported: bool = False
    criteria_text: str = ""
    problems: list[str] = field(default_factory=list)
    saved: str = ""  # a preview: the rating that counts now (saved or carried), as a label
    computed_key: str = ""


def criterion_refs(indicator: Indicator, language: str) -> dict[str, CriterionRef]:
    return {
        c.id: CriterionRef(shown(c.text, language), criterion_anchor(c.id))
        for c in indicator.criteria
    }


def missing_line(
    item: object, criteria: dict[str, CriterionRef], inputs: InputNames
) -> MissingLine:
    """One stored record of what the next level needs. Traces kept before the engine gave
    records hold its English text: shown as it is (a criterion id alone is named)."""
    if isinstance(item, dict):
        record = Missing.from_data(item)
        refs = [criteria.get(ref, CriterionRef(ref, "")) for ref in record.criteria]
        return MissingLine(missing_lead(record, inputs=inputs), refs)
    if str(item) in criteria:
        return MissingLine("", [criteria[str(item)]])
    return MissingLine(str(item))


def rating_panel(
    page: IndicatorPage,
    *,
    level: str | None = None,
    trace: dict[str, Any] | None = None,
    preview: bool = False,
    problems: list[str] | None = None,
) -> RatingPanel:
    """The panel of a stored rating (no ``trace`` given) or of a preview."""
    row, labels = page.row, page.level_labels
    if trace is None:
        level, trace = row.computed_level, dict(row.trace)
    refs = criterion_refs(page.indicator, page.language)
    inputs = input_names(page.indicator, page.language)
    decided = str(trace.get("decided_by") or "")
    next_level = str(trace.get("next_level") or "")
    return RatingPanel(
        preview=preview,
        computed=labels.get(level or "", level or ""),
        computed_key=level or "",
        agreed="" if preview else labels.get(row.agreed_level, row.agreed_level),
        rating_year=None if preview else row.rating_year,
        decided_by=labels.get(decided, decided),
        counted=[refs.get(c, CriterionRef(c, "")) for c in trace.get("counted", [])],
        unknown=[refs.get(c, CriterionRef(c, "")) for c in trace.get("unknown", [])],
        unknown_inputs=[
            inputs[k].label if k in inputs else k for k in trace.get("unknown_inputs", [])
        ],
        next_level=labels.get(next_level, next_level),
        missing=[missing_line(item, refs, inputs) for item in trace.get("missing_for_next", [])],
        imported=bool(trace.get("imported")),
        criteria_text=str(trace.get("criteria_text", "")),
        problems=problems or [],
        saved=labels.get(row.level, row.level) if preview else "",
    )


# --- a lower rating, confirmed before it is saved ----------------------------------------------


@dataclass(frozen=True)
class Drop:
    """Saving would lower the rating that counts: from ``before`` (a label, of the year
    ``year``) to ``after``; ``level`` is the key of the lower level, which the confirmation
    repeats."""

    level: str
    before: str
    after: str
    year: int | None


def level_after(current: str, values: IndicatorValues, rating: Rating | None) -> str:
    """The level that counts once ``values`` are saved over a row whose level is
    ``current`` (as the service sets it: a reassessed indicator takes the agreed level, else
    the computed one; one not reassessed keeps its own unless another was agreed)."""
    if values.reassessed and rating is not None:
        return values.agreed_level or rating.level
    return values.agreed_level or current


def lowered(levels: tuple[str, ...], before: str, after: str) -> bool:
    """Whether ``after`` is a lower level than ``before`` (lowest first in ``levels``); a
    level that is not there (none yet, or unknown) is never a drop."""
    if before not in levels or after not in levels:
        return False
    return levels.index(after) < levels.index(before)


def rating_drop(page: IndicatorPage, values: IndicatorValues, rating: Rating | None) -> Drop | None:
    """The drop that saving ``values`` would make, or None."""
    row, labels = page.row, page.level_labels
    after = level_after(row.level, values, rating)
    if not lowered(tuple(page.indicator.level_keys), row.level, after):
        return None
    return Drop(after, labels.get(row.level, row.level), labels.get(after, after), row.rating_year)
