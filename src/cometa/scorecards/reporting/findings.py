"""The later sections of an assessment report: findings, action plan, supporting evidence.

Like :mod:`cometa.scorecards.reporting.sections`, each function returns a section's blocks
and runs inside ``translation.override`` of the report's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.utils.translation import gettext as _

from cometa.reports.document import Block, BulletList, Heading, Paragraph, Table
from cometa.scorecards.frameworks.engine import Answer
from cometa.scorecards.frameworks.model import (
    AllRules,
    Criterion,
    Dimension,
    Indicator,
    LevelBelowAnd,
)
from cometa.scorecards.frameworks.shown import plain
from cometa.scorecards.models import ActionPoint, ActionStatus, Evidence, EvidenceCategory
from cometa.scorecards.reporting.data import IndicatorRow, ReportData, long_date, text_blocks
from cometa.scorecards.reporting.sections import DASH


def dimension_heading(data: ReportData, dimension: Dimension) -> Heading:
    title = plain(dimension.title, data.lang)
    return Heading(_("Dimension %(code)s: %(title)s") % {"code": dimension.code, "title": title}, 2)


# ---------------------------------------------------------------------------
# findings of the reassessed indicators
# ---------------------------------------------------------------------------


def findings_section(data: ReportData) -> list[Block]:
    year = data.assessment.year
    if not data.reassessed:
        return [Paragraph(_("No indicator was reassessed in %(year)s.") % {"year": year})]
    blocks: list[Block] = [
        Paragraph(
            _(
                "For each indicator reassessed in %(year)s: the level reached, the criteria met "
                "with what the team found, and the team's justification of the rating."
            )
            % {"year": year}
        )
    ]
    for dimension in data.framework.dimensions:
        rows = [row for row in data.reassessed if row.dimension == dimension]
        if rows:
            blocks.append(dimension_heading(data, dimension))
        for row in rows:
            blocks += _indicator_findings(data, row)
    return blocks


def _indicator_findings(data: ReportData, row: IndicatorRow) -> list[Block]:
    record = row.record
    if record is None:  # only reassessed rows, which have a record, come here
        return []
    blocks: list[Block] = [Heading(data.indicator_title(row.code), 3)]
    if row.indicator.statement is not None:
        blocks.append(Paragraph(plain(row.indicator.statement, data.lang)))
    blocks.append(Paragraph(_("Rating: %(level)s.") % {"level": data.level_label(row.level)}))
    if (
        record.computed_level
        and record.agreed_level
        and record.computed_level != record.agreed_level
    ):
        blocks.append(
            Paragraph(
                _(
                    "The answers to the criteria give “%(computed)s”; the team agreed on "
                    "“%(agreed)s”. Reason given: %(reason)s"
                )
                % {
                    "computed": data.level_label(record.computed_level),
                    "agreed": data.level_label(record.agreed_level),
                    "reason": record.difference_reason.strip() or _("none."),
                }
            )
        )
    blocks += _criteria(data, row)
    justification = text_blocks(record.justification)
    if justification:
        blocks.append(Paragraph(_("Justification:")))
        blocks += [Paragraph(part) for part in justification]
    else:
        blocks.append(Paragraph(_("Justification: not recorded.")))
    return blocks


def _criteria(data: ReportData, row: IndicatorRow) -> list[Block]:
    record = row.record
    if record is None:
        return []
    answers: dict[str, str] = record.answers or {}
    findings: dict[str, str] = record.findings or {}
    criteria = row.indicator.criteria
    if answers or findings:
        met = [c for c in criteria if answers.get(c.id) == Answer.MET]
        other = [c for c in criteria if answers.get(c.id) != Answer.MET and findings.get(c.id)]
        blocks: list[Block] = []
        if met:
            blocks += [
                Paragraph(_("Criteria met:")),
                _criteria_table(data, met, findings),
            ]
        else:
            blocks.append(Paragraph(_("No criterion was answered as met.")))
        if other:
            blocks += [
                Paragraph(_("Other criteria, with what the team found:")),
                _criteria_table(data, other, findings),
            ]
        return blocks
    reached = required_criteria(row.indicator, row.level)
    if (record.trace or {}).get("imported"):
        if not reached:
            return [Paragraph(_("This rating was imported from an earlier report."))]
        return [
            Paragraph(
                _(
                    "This rating was imported from an earlier report, which does not record an "
                    "answer for each criterion. The criteria of the level reached, in this "
                    "version of the framework:"
                )
            ),
            BulletList([_criterion(data, c) for c in reached]),
        ]
    return [Paragraph(_("The criteria have not been answered yet."))]


def _criterion(data: ReportData, criterion: Criterion) -> str:
    """``"Meets minimum requirements (b): …"``."""
    label = data.level_label(criterion.level)
    return f"{label} ({criterion.letter}): {plain(criterion.text, data.lang)}"


def _criteria_table(
    data: ReportData, criteria: Sequence[Criterion], findings: dict[str, str]
) -> Table:
    return Table(
        [_("Criterion"), _("What the team found")],
        [
            [
                _criterion(data, c),
                findings.get(c.id) or DASH,
            ]
            for c in criteria
        ],
        column_widths=[1, 1.4],
    )


# ---------------------------------------------------------------------------
# action plan
# ---------------------------------------------------------------------------


def actions_section(data: ReportData) -> list[Block]:
    if not data.actions:
        return [Paragraph(_("No action point has been recorded."))]
    columns = _action_columns(data.actions)
    blocks: list[Block] = [
        Paragraph(
            _(
                "Each action point is listed under the indicator it mainly serves, with who is "
                "responsible, when it is due, its status and what was done in each year."
            )
        )
    ]
    note = _left_out_note(columns)
    if note:
        blocks.append(Paragraph(note))
    ordered = sorted(data.actions, key=lambda a: (data.order(a.indicator_code), a.position, a.pk))
    dimension_of = {row.code: row.dimension.code for row in data.rows}
    by_dimension: dict[str, list[ActionPoint]] = {}
    unplaced: list[ActionPoint] = []
    for action in ordered:
        code = dimension_of.get(action.indicator_code)
        (by_dimension.setdefault(code, []) if code else unplaced).append(action)
    for dimension in data.framework.dimensions:
        actions = by_dimension.get(dimension.code)
        if actions:
            blocks += [dimension_heading(data, dimension), _actions_table(data, actions, columns)]
    if unplaced:
        blocks += [Heading(_("Other action points"), 2), _actions_table(data, unplaced, columns)]
    return blocks


def _left_out_note(columns: set[str]) -> str:
    if not columns:
        return _(
            "No responsible entity and no due date have been recorded, so the tables leave "
            "those columns out."
        )
    if "responsible" not in columns:
        return _("No responsible entity has been recorded, so the tables leave that column out.")
    if "due" not in columns:
        return _("No due date has been recorded, so the tables leave that column out.")
    return ""


def _optional_columns() -> list[tuple[str, str]]:
    return [("responsible", _("Responsible")), ("due", _("Due"))]


def _action_columns(actions: Sequence[ActionPoint]) -> set[str]:
    """The optional columns that hold something for at least one action point."""
    columns = set()
    if any(action.responsible.strip() for action in actions):
        columns.add("responsible")
    if any(action.due_date for action in actions):
        columns.add("due")
    return columns


def _actions_table(data: ReportData, actions: Iterable[ActionPoint], columns: set[str]) -> Table:
    """Indicator, action, [responsible], [due], status, progress by year."""
    headers = [_("Indicator"), _("Action point")]
    widths = [1.1, 3.0]
    for key, label in _optional_columns():
        if key in columns:
            headers.append(label)
            widths.append(1.1 if key == "responsible" else 0.9)
    headers += [_("Status"), _("Progress by year")]
    widths += [0.9, 4.2]
    rows = []
    for action in actions:
        row = [data.indicator_title(action.indicator_code), action.text.strip() or DASH]
        if "responsible" in columns:
            row.append(action.responsible.strip() or DASH)
        if "due" in columns:
            row.append(long_date(action.due_date) if action.due_date else DASH)
        row += [str(ActionStatus(action.status).label), _progress(action.progress) or DASH]
        rows.append(row)
    return Table(headers, rows, column_widths=widths)


def _progress(progress: dict[str, str]) -> str:
    """``"2021: …\\n2022: …"``; keys that are not years (1, 2…) read "Year 1", "Year 2"."""
    lines = []
    for key in sorted(progress, key=lambda k: (len(k), k)):
        text = str(progress[key]).strip()
        if not text:
            continue
        label = key if len(key) == 4 and key.isdigit() else _("Year %(number)s") % {"number": key}
        lines.append(f"{label}: {text}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# supporting evidence
# ---------------------------------------------------------------------------


def evidence_section(data: ReportData) -> list[Block]:
    if not data.evidence:
        return [Paragraph(_("No supporting evidence has been recorded."))]
    blocks: list[Block] = [
        Paragraph(_("The documents and links that support the ratings, by category."))
    ]
    for category in EvidenceCategory:
        items = sorted(
            (item for item in data.evidence if item.category == category.value),
            key=lambda item: (data.order(item.indicator_code), item.pk),
        )
        if items:
            blocks += [Heading(str(category.label), 2), _evidence_table(data, items)]
    unknown = [item for item in data.evidence if item.category not in EvidenceCategory.values]
    if unknown:
        blocks += [Heading(str(EvidenceCategory.OTHER.label), 2), _evidence_table(data, unknown)]
    documented = {item.indicator_code for item in data.evidence}
    missing = [row.code for row in data.rows if row.code not in documented]
    if missing:
        blocks.append(
            Paragraph(
                _("No evidence has been recorded for the indicators %(codes)s.")
                % {"codes": ", ".join(missing)}
            )
        )
    return blocks


def _evidence_table(data: ReportData, items: Sequence[Evidence]) -> Table:
    headers = [_("Indicator"), _("Document")]
    with_link = any(item.url or item.original_name for item in items)
    if with_link:
        headers.append(_("Link or file"))
    rows = []
    for item in items:
        row = [
            item.indicator_code or DASH,
            item.title,
        ]
        if with_link:
            row.append(item.url or item.original_name or DASH)
        rows.append(row)
    return Table(headers, rows, column_widths=[0.8, 3.4, 1.8] if with_link else [0.8, 5.2])


def required_criteria(indicator: Indicator, level: str) -> list[Criterion]:
    """The criteria of ``level``, preceded by those of the level below when its rule says
    "the level below, and…" (so "exceeds" lists the "meets" criteria too)."""
    keys = indicator.level_keys
    if level not in keys:
        return []
    item = indicator.levels[keys.index(level)]
    rules = item.rule.rules if isinstance(item.rule, AllRules) else (item.rule,)
    below: list[Criterion] = []
    if keys.index(level) > 0 and any(isinstance(rule, LevelBelowAnd) for rule in rules):
        below = required_criteria(indicator, keys[keys.index(level) - 1])
    return [*below, *item.criteria]
