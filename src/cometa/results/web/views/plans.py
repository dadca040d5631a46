"""The plans a person reads: the entry to an office's results."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cometa.accounts.acting import person_of
from cometa.results import selectors


@login_required
@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    plans = (
        selectors.plans_for(person).select_related("office").order_by("office__name", "-start_year")
    )
    return render(request, "results/plan_list.html", {"plans": plans})
