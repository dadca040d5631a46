"""The section of one outcome: identifier and statement, the progress assessment, the
narrative, the figures it reports with their check, the indicators with baselines, targets
and actuals by disaggregation (and a chart where one helps), outputs, partners and joint
programmes. Runs inside ``translation.override`` of the report's language."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from cometa.indicators.periods import year as year_period
from cometa.reports.document import Block, BulletList, Heading, Paragraph, Table
from cometa.results.facts import Cell, Claim, FactCheck, FactStatus, check_facts
from cometa.results.report.charts import target_chart
from cometa.results.report.data import IndicatorData, OutcomeData, ReportData
from cometa.results.report.words import (
    DASH,
    figure,
    key_label,
    partner_kind,
    progress_label,
    sentence_with,
    shown_value,
    signed,
)


def outcome_section(data: ReportData, outcome: OutcomeData, lang: str) -> list[Block]:
    """The blocks under the outcome's heading."""
    year = data.year
    blocks: list[Block] = [
        Paragraph(outcome.statement.get(lang)),
        Paragraph(
            _("Progress assessment for %(year)s: %(progress)s.")
            % {"year": year, "progress": progress_label(outcome.progress)}
        ),
        Heading(_("What happened in %(year)s") % {"year": year}, 2),
    ]
    text = outcome.narrative.get(lang) if outcome.narrative else ""
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    blocks += [Paragraph(part) for part in paragraphs] or [
        Paragraph(_("No narrative has been written for this outcome and year."))
    ]
    if outcome.facts:
        blocks += [Heading(_("Figures reported"), 2), facts_table(data, outcome, text, lang)]
    if outcome.indicators:
        blocks += [Heading(_("Indicators"), 2), indicators_table(data, outcome, lang)]
        for indicator in outcome.indicators:
            blocks += target_chart(indicator, lang)
    if outcome.outputs:
        blocks += [
            Heading(_("Outputs"), 2),
            BulletList([f"{code}: {statement.get(lang)}" for code, statement in outcome.outputs]),
        ]
    blocks += partners_blocks(outcome)
    return blocks


def fact_checks(outcome: OutcomeData) -> list[FactCheck]:
    """Each fact against the value stored for the cell it claims (``facts.check_facts``)."""
    stored = {
        Cell(indicator.pk, row.kind, row.period, row.key): row.value
        for indicator in outcome.indicators
        for row in indicator.values
        if row.value is not None
    }
    claims = [
        Claim(
            fact.value,
            Cell(fact.indicator, fact.kind, fact.period, fact.key) if fact.indicator else None,
        )
        for fact in outcome.facts
    ]
    return check_facts(claims, stored)


def check_words(check: FactCheck) -> str:
    """What the check found, in words (a figure that does not match says so)."""
    if check.status is FactStatus.MATCHES:
        return _("Matches the stored value.")
    if check.status is FactStatus.DIFFERS:
        return _("Does not match: the stored value is %(stored)s (difference %(difference)s).") % {
            "stored": figure(check.stored),
            "difference": signed(check.difference or Decimal(0)),
        }
    if check.status is FactStatus.NO_VALUE:
        return _("No value is stored for the cell it claims.")
    return _("Not linked to an indicator.")


def facts_table(data: ReportData, outcome: OutcomeData, text: str, lang: str) -> Table:
    """Figure, what it counts, the sentence that shows it (a column left out when the
    narrative shows none of them), the cell it claims and the check."""
    names = {indicator.pk: indicator for indicator in outcome.indicators}
    sentences = [sentence_with(fact.value, text) for fact in outcome.facts]
    placed = any(sentences)
    rows = []
    for fact, check, sentence in zip(outcome.facts, fact_checks(outcome), sentences, strict=True):
        indicator = names.get(fact.indicator) if fact.indicator else None
        rows.append(
            [
                " ".join(filter(None, [figure(fact.value), fact.unit])),
                fact.label,
                *([sentence or _("Not in the narrative's text.")] if placed else []),
                _cell_words(data, indicator, fact.key, str(fact.period), lang)
                if indicator
                else DASH,
                check_words(check),
            ]
        )
    middle = [_("Where the narrative says it")] if placed else []
    return Table(
        [_("Figure"), _("What it counts"), *middle, _("Indicator"), _("Check")],
        rows,
        caption=_("Figures reported for %(outcome)s in %(year)s, checked against the indicator "
                  "values") % {"outcome": outcome.code, "year": data.year},
        column_widths=[0.8, 1.6, *([2.4] if placed else []), 1.4, 1.4],
    )  # fmt: skip


def _cell_words(
    data: ReportData, indicator: IndicatorData, key: str, period: str, lang: str
) -> str:
    return f"{indicator.code}, {key_label(data, key, lang)}, {period}"


def indicators_table(data: ReportData, outcome: OutcomeData, lang: str) -> Table:
    """One row per indicator and disaggregation: baseline, the year's target and actual."""
    year = data.year
    period = year_period(year)
    rows = []
    for indicator in outcome.indicators:
        for key in indicator.keys() or [""]:
            target = indicator.cell("target", period, key)
            actual = indicator.cell("actual", period, key)
            rows.append(
                [
                    f"{indicator.code}: {indicator.title.get(lang)}"
                    + (f" ({indicator.unit})" if indicator.unit else ""),
                    indicator.output_code or outcome.code,
                    key_label(data, key, lang),
                    shown_value(indicator.baseline(year, key), with_period=True),
                    shown_value(target),
                    shown_value(actual),
                ]
            )
    return Table(
        [_("Indicator"), _("Attached to"), _("Disaggregation"), _("Baseline"),
         _("Target %(year)s") % {"year": year}, _("Actual %(year)s") % {"year": year}],
        rows,
        caption=_("Indicators of %(outcome)s: baselines, targets and actuals")
        % {"outcome": outcome.code},
        column_widths=[2.4, 0.9, 1.3, 1.0, 0.9, 0.9],
    )  # fmt: skip


def partners_blocks(outcome: OutcomeData) -> list[Block]:
    blocks: list[Block] = [Heading(_("Partners and joint programmes"), 2)]
    if outcome.partners:
        blocks.append(
            BulletList([f"{name} ({partner_kind(kind)})" for name, kind in outcome.partners])
        )
    else:
        blocks.append(Paragraph(_("No partner is named for this outcome.")))
    if outcome.programmes:
        blocks.append(
            Paragraph(_("Joint programmes: %(names)s.") % {"names": "; ".join(outcome.programmes)})
        )
    return blocks
