"""The indicator values of a report in long format, one value per row with codes: office,
outcome and output identifiers, indicator code and version, kind, period, disaggregation
key, value, unit and provenance; the indicator's title and the disaggregation's label in
the reader's language beside the codes. For CSV and XLSX (``reports.renderers.tabular``
protects both against formula injection)."""

from __future__ import annotations

from cometa.reports.renderers.tabular import Cell
from cometa.results.report.data import ReportData
from cometa.results.report.words import key_label, plain_number

HEADERS = [
    "office",
    "outcome_id",
    "output_id",
    "indicator_code",
    "indicator_version",
    "indicator",
    "kind",
    "period",
    "dimension_key",
    "disaggregation",
    "value",
    "text",
    "unit",
    "provenance",
]


def value_rows(data: ReportData, lang: str) -> list[list[Cell]]:
    """Every stored value of the plan's indicators (all periods), outcome by outcome."""
    rows: list[list[Cell]] = []
    for outcome, indicator in data.indicators():
        for value in indicator.values:
            rows.append(
                [
                    data.office_code,
                    outcome.identifier,
                    indicator.place if indicator.output_code else "",
                    indicator.code,
                    indicator.version,
                    indicator.title.get(lang),
                    value.kind,
                    str(value.period),
                    value.key,
                    key_label(data, value.key, lang),
                    plain_number(value.value) if value.value is not None else None,
                    value.text,
                    indicator.unit,
                    value.provenance,
                ]
            )
    return rows
