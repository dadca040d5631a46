"""The network's dashboard of common indicators and its drill-down, read from stored runs
(never counted per request): the headline figures of one run with their trends, and one
indicator by member, centre or cohort and one dimension.

Everyone inside the network reads them; a partner's staff read the network's totals and
their own rows only (``stored.run_tables`` narrows them), and the page says so. No
identity appears anywhere, and a hidden value is a marker, never a number. ``?run=``
chooses among the stored runs (the latest by default).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.network import selectors_network
from cometa.network.access import may_manage
from cometa.network.dashboard.content import Figure, trend_alt
from cometa.network.dashboard.document import hidden_note, run_facts
from cometa.network.dashboard.drill import SORTS
from cometa.network.dashboard.headline import (
    BY,
    ROW,
    codes,
    dimension_name,
    language,
    response_code,
    title_of,
)
from cometa.network.dashboard.reading import chosen_run, dashboard, drill_of, full_runs
from cometa.network.indicators.definitions import DIMENSIONS, by_code
from cometa.network.indicators.stored import standing
from cometa.network.models import IndicatorRun, Network
from cometa.reports.html import fluid_svg
from cometa.reports.svg import prefix_ids

ROWS_PER_PAGE = 50


def _chart(index: int, figure: Figure) -> dict[str, Any]:
    """A figure with its chart ready to inline (ids made unique on the page)."""
    svg = fluid_svg(prefix_ids(figure.chart.svg, f"trend{index}-")) if figure.chart else ""
    return {"figure": figure, "svg": svg, "alt": trend_alt(figure), "index": index}


def _common(person: Person, network: Network, run: IndicatorRun | None) -> dict[str, Any]:
    return {
        "network": network,
        "run": run,
        "runs": full_runs(person, network),
        "facts": run_facts(run) if run else [],
        "hidden_note": hidden_note(run.k) if run else "",
        "manages": may_manage(person, network),
    }


@login_required
@require_GET
def indicators(request: HttpRequest, pk: int) -> HttpResponse:
    """The dashboard: headline figures of the chosen run, their trends, the way down."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    run = chosen_run(person, network, request.GET.get("run"))
    wanted = request.GET.get("indicator", "")
    if wanted in by_code():  # "another indicator" of the drill-down page, without script
        target = reverse("network:indicator", args=[network.pk, wanted])
        return redirect(target + (f"?run={run.pk}" if run else ""))
    context = _common(person, network, run)
    if run is not None:
        found = dashboard(person, run)
        context |= {
            "partner": found.partner,
            "figures": [_chart(i, figure) for i, figure in enumerate(found.figures)],
            "own": any(figure.own for figure in found.figures),
        }
    context["default_period"] = run.period if run else ""
    return render(request, "network/indicators/dashboard.html", context)


def _choice(request: HttpRequest, name: str, allowed: tuple[str, ...] | list[str]) -> str:
    value = request.GET.get(name, "")
    return value if value in allowed else allowed[0]


@login_required
@require_GET
def indicator(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """One indicator of the chosen run by member, centre or cohort (``?by=``) and one
    dimension (``?dimension=``), rows sorted (``?sort=``) and paged, totals under each page."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    if code not in by_code():
        raise Http404("No such indicator.")
    run = chosen_run(person, network, request.GET.get("run"))
    by, dimension = _choice(request, "by", list(BY)), _choice(request, "dimension", DIMENSIONS)
    sort = _choice(request, "sort", SORTS)
    definition = by_code()[code].definition
    words = {name: getattr(definition, name) for name in ("definition", "numerator", "denominator")}
    context = _common(person, network, run) | {
        "code": code,
        "title": title_of(code),
        "words": {name: text.get(language()) if text else "" for name, text in words.items()},
        "response": response_code(code) is not None,
        "by": by, "dimension": dimension, "sort": sort, "by_label": ROW[by],
        "by_heading": BY[by],
        "keep": [("by", by), ("dimension", dimension), ("sort", sort)],
        "by_choices": list(BY.items()),
        "dimension_choices": [(d, dimension_name(d)) for d in DIMENSIONS],
        "code_choices": [(c, title_of(c)) for c in codes()],
        "partner": not standing(person, network).sees_network,
    }  # fmt: skip
    table = drill_of(person, run, code, by=by, dimension=dimension, sort=sort) if run else None
    if table is not None:
        context |= {
            "table": table,
            "page": Paginator(table.rows, ROWS_PER_PAGE).get_page(request.GET.get("page")),
            "dimension_label": dimension_name(dimension),
        }
    return render(request, "network/indicators/indicator.html", context)
