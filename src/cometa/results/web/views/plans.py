"""The plans a person reads (the entry to an office's results) and one plan: its outcomes
with their identifiers, statements, outputs and indicators, the joint programmes and the
progress assessed each year."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cometa.accounts.acting import person_of
from cometa.results import selectors
from cometa.results.web.pages import plan_page
from cometa.results.web.views.common import language


@login_required
@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    plans = (
        selectors.plans_for(person).select_related("office").order_by("office__name", "-start_year")
    )
    return render(request, "results/plan_list.html", {"plans": plans})


@login_required
@require_GET
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    plan = selectors.plan_get(person, pk)
    page = plan_page(person, plan, language())
    return render(request, "results/plan_detail.html", {"page": page, "plan": plan})
