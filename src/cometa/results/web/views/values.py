"""The data-entry grid of an attached indicator for a period: baselines, targets and
actuals by disaggregation, checked as they are typed (one cell at a time, with htmx) and
on submit, with what is missing, and saved all at once."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cometa.accounts.acting import person_of
from cometa.core.errors import Conflict, ServiceError
from cometa.indicators.definitions import Measure
from cometa.indicators.models import ValueKind
from cometa.indicators.periods import Period
from cometa.results import access, selectors
from cometa.results.models import ResultIndicator
from cometa.results.services import values
from cometa.results.web import grid
from cometa.results.web.cells import read_cell
from cometa.results.web.forms import ReasonForm
from cometa.results.web.views.common import language, require_edit


def _url(indicator: ResultIndicator, period: Period) -> str:
    return reverse("results:values", args=[indicator.pk]) + f"?period={period}"


def _render(
    request: HttpRequest, built: grid.Grid, *, status: int = 200, conflict: str = ""
) -> HttpResponse:
    indicator = built.indicator
    context = {
        "grid": built,
        "indicator": indicator,
        "plan": indicator.plan,
        "owner": indicator.output or indicator.outcome,
        "title": indicator.version.title_text().get(language()),
        "periods": grid.period_choices(indicator),
        "may_edit": access.may_edit(person_of(request), indicator.plan.office),
        "errors": built.problems(),
        "conflict": conflict or bool(built.conflicts()),
        "reload_url": _url(indicator, built.period),
        "kinds": grid.KINDS,
    }
    return render(request, "results/value_grid.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def value_grid(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    indicator = selectors.indicator_get(person, pk)
    period = grid.period_wanted(indicator, request.GET.get("period"))
    if request.method != "POST":
        return _render(request, grid.build(person, indicator, period, language()))
    require_edit(person, indicator.plan.office)
    built = grid.build(person, indicator, period, language(), request.POST)
    keys = {row.index: request.POST.get(f"row-{row.index}", row.key) for row in built.rows}
    try:
        saved = grid.save(person, built, keys)
    except Conflict as error:
        return _render(request, built, status=409, conflict=error.message)
    if saved:
        messages.success(request, _("The values were saved."))
        return redirect(_url(indicator, period))
    return _render(request, built, status=409 if built.conflicts() else 400)


@login_required
@require_POST
def value_check(request: HttpRequest, pk: int) -> HttpResponse:
    """One cell checked as it is typed: answers the cell's message (empty when right).
    Reads only, like the page: anyone who reads the indicator may ask."""
    person = person_of(request)
    indicator = selectors.indicator_get(person, pk)
    name = request.POST.get("cell", "")
    kind = name.rsplit("-", 1)[-1] if name.startswith("c-") else ""
    if kind not in grid.KINDS:
        return render(request, "results/_cell_error.html", {"name": "", "problem": ""})
    measure = Measure(indicator.version.measure)
    label = request.POST.get("label", "")
    where = f"{ValueKind(kind).label}, {label}" if label else str(ValueKind(kind).label)
    reading = read_cell(
        request.POST.get(name, ""), numeric=measure.is_numeric, counts=measure.adds_up, where=where
    )
    return render(request, "results/_cell_error.html", {"name": name, "problem": reading.problem})


@login_required
@require_POST
def total_reason(request: HttpRequest, pk: int) -> HttpResponse:
    """Why the parts of a total do not add up, recorded beside the finding."""
    person = person_of(request)
    indicator = selectors.indicator_get(person, pk)
    require_edit(person, indicator.plan.office)
    period = grid.period_wanted(indicator, request.GET.get("period"))
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The reason could not be read; try again."))
        return redirect(_url(indicator, period))
    try:
        values.total_reason_record(
            actor=person, indicator=indicator, period=period, **form.cleaned_data
        )
    except ServiceError as error:
        if error.status == 403:
            raise
        messages.error(request, error.message)
    else:
        messages.success(request, _("The reason was recorded."))
    return redirect(_url(indicator, period) + "#missing")
