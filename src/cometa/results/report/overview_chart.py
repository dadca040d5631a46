"""The chart of the view across offices: outcomes by progress assessment, one bar per
region, drawn by the reports floor (SVG on the page); the page shows the same figures as
a table beside it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cometa.reports.charts import Chart, ratings_by_dimension_chart
from cometa.results.report.overview import PROGRESS_COLOURS, RegionYear
from cometa.results.report.words import progress_label
from cometa.results.scales import Progress


def region_name(region: str) -> str:
    return region or _("No region")


def region_chart(regions: list[RegionYear], year: int) -> Chart:
    names = [region_name(row.region) for row in regions]
    return ratings_by_dimension_chart(
        names,
        list(Progress.values),
        {region_name(row.region): dict(row.counts) for row in regions},
        title=_("Outcomes by progress assessment and region, %(year)s") % {"year": year},
        level_labels={code: progress_label(code) for code in Progress.values},
        colors={str(code): colour for code, colour in PROGRESS_COLOURS.items()},
        x_label=_("Number of outcomes"),
    )


def chart_alt(regions: list[RegionYear], year: int) -> str:
    details = "; ".join(
        f"{region_name(row.region)}: "
        + ", ".join(f"{progress_label(code)} {row.counts[code]}" for code in Progress.values)
        for row in regions
    )
    return _("Outcomes by progress assessment and region in %(year)s. %(details)s.") % {
        "year": year,
        "details": details,
    }
