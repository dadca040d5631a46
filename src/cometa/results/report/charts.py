"""The chart of an indicator's targets against its actuals, year by year, and the same
figures as a table (every chart is also readable as a table)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from cometa.reports.charts import trend_chart
from cometa.reports.document import Block, Figure, Table
from cometa.results.report.data import IndicatorData
from cometa.results.report.words import figure, plain_number

TARGET_COLOUR = "#E69F00"
ACTUAL_COLOUR = "#0072B2"


def chart_years(indicator: IndicatorData) -> list[int]:
    """The years with a whole-year target or actual of the total."""
    return sorted(set(indicator.yearly("target")) | set(indicator.yearly("actual")))


def helps(indicator: IndicatorData) -> bool:
    """A chart helps for a number followed over two years or more."""
    return indicator.numeric and len(chart_years(indicator)) >= 2


def target_chart(indicator: IndicatorData, lang: str) -> list[Block]:
    """The figure and its table; nothing when a chart would not help."""
    if not helps(indicator):
        return []
    years = chart_years(indicator)
    targets, actuals = indicator.yearly("target"), indicator.yearly("actual")
    title = indicator.title.get(lang)
    target_name, actual_name = _("Target"), _("Actual")
    chart = trend_chart(
        years,
        {
            target_name: [_float(targets.get(year)) for year in years],
            actual_name: [_float(actuals.get(year)) for year in years],
        },
        title=_("%(indicator)s: targets and actuals") % {"indicator": title},
        y_label=indicator.unit,
        colors={target_name: TARGET_COLOUR, actual_name: ACTUAL_COLOUR},
    )
    rows = [[str(year), figure(targets.get(year)), figure(actuals.get(year))] for year in years]
    described = "; ".join(
        _("%(year)s: target %(target)s, actual %(actual)s")
        % {"year": year, "target": target, "actual": actual}
        for year, target, actual in rows
    )
    return [
        Figure(
            png=chart.png,
            svg=chart.svg,
            alt=_("Targets and actuals of %(indicator)s by year. %(details)s.")
            % {"indicator": title, "details": described},
            caption=_("%(code)s: targets and actuals by year") % {"code": indicator.code},
        ),
        Table(
            [_("Year"), _("Target"), _("Actual")],
            rows,
            caption=_("%(code)s: the chart's figures") % {"code": indicator.code},
            column_widths=[1, 1, 1],
        ),
    ]


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(plain_number(value))
