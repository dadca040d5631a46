"""The global view's workbook as a background job (kind ``scorecards.global-workbook``).

Across every country team and year the workbook can take a while, so the page, the API and
the command line ask for it as a recorded job (``cometa.core.jobs``) and fetch the file
when it is ready. Registered in ``ScorecardsConfig.ready()``.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.core.jobs import registry
from cometa.core.jobs.models import Job
from cometa.reports.renderers.tabular import to_xlsx
from cometa.scorecards.reporting import global_sheets, global_view

KIND = "scorecards.global-workbook"
FILTER_KEYS = ("framework", "region", "year_from", "year_to")


def _year(parameters: dict[str, Any], key: str) -> int | None:
    raw = parameters.get(key)
    if raw in (None, ""):
        return None
    try:
        year = int(str(raw))
    except ValueError:
        raise ValidationFailed({key: [_("Enter a whole number.")]}) from None
    if not 2000 <= year <= 2100:
        raise ValidationFailed({key: [_("Enter a year between 2000 and 2100.")]})
    return year


def filters_of(parameters: dict[str, Any]) -> global_view.Filters:
    """The filters the job was asked with, checked as the global view's form checks them."""
    framework = str(parameters.get("framework") or global_view.DEFAULT_FRAMEWORK)
    if framework not in dict(global_view.framework_choices()):
        raise ValidationFailed({"framework": [_("There is no framework %s.") % framework]})
    region = str(parameters.get("region") or "")
    if region and region not in global_view.region_choices(framework):
        raise ValidationFailed({"region": [_("There is no region %s here.") % region]})
    first, last = _year(parameters, "year_from"), _year(parameters, "year_to")
    if first is not None and last is not None and first > last:
        raise ValidationFailed({"year_to": [_("The last year comes before the first year.")]})
    return global_view.Filters(framework=framework, region=region, year_from=first, year_to=last)


def job_parameters(data: dict[str, Any]) -> dict[str, Any]:
    """The parameters to record: the filters given, and the language to write in."""
    chosen = {key: data[key] for key in FILTER_KEYS if data.get(key) not in (None, "")}
    language = str(data.get("language") or get_language() or "en").split("-")[0][:8]
    return chosen | {"language": language}


def authorize(actor: Any, parameters: dict[str, Any]) -> None:
    if not global_view.may_see_global(actor):
        raise NotPermitted(_("Only reviewers and platform administrators see the global view."))
    filters_of(parameters)


def workbook_name(filters: global_view.Filters) -> str:
    years = "-".join(str(year) for year in (filters.year_from, filters.year_to) if year)
    parts = ("cometa-global", filters.framework, filters.region, years)
    return "-".join(part for part in parts if part) + ".xlsx"


def run(job: Job, progress: registry.Progress) -> registry.JobOutput:
    person = job.requested_by
    authorize(person, job.parameters)  # still allowed when the worker comes to it
    filters = filters_of(job.parameters)
    progress(0, 3, _("Reading the ratings"))
    view = global_view.global_view(person, filters, job.parameters.get("language") or "en")
    progress(1, 3, _("Building the tables"))
    sheets = global_sheets.export_sheets(view)
    progress(2, 3, _("Writing the workbook"))
    content = to_xlsx(sheets)
    progress(3, 3, _("Done"))
    return registry.JobOutput(workbook_name(filters), content)


def register() -> None:
    registry.register(
        name=KIND,
        label=gettext_lazy("Workbook of the global view"),
        runner=run,
        authorize=authorize,
    )
