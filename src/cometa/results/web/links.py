"""The page of each results row an audit entry names, for a reader who may open it
(registered in ``shell.py``): the audit trail links its entries there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404
from django.urls import reverse

from cometa.accounts.audit_words import row_id
from cometa.accounts.models import Person
from cometa.core.registry import ObjectLink
from cometa.results import selectors
from cometa.results.models import BudgetLine, Output, Partner


def _page(find: Callable[[Person, int], str]) -> ObjectLink:
    def link(person: Person, object_id: str) -> str | None:
        pk = row_id(object_id)
        if pk is None:
            return None
        try:
            return find(person, pk)
        except Http404:
            return None

    return link


def _outcome_of(model: Any, path: str) -> Callable[[Person, int], str]:
    """The outcome page of a row under an outcome (the row may be gone: then no link)."""

    def find(person: Person, pk: int) -> str:
        found = model.objects.filter(pk=pk).values_list(path, flat=True).first()
        if found is None:
            raise Http404
        return reverse("results:outcome", args=[selectors.outcome_get(person, found).pk])

    return find


def _narrative(person: Person, pk: int) -> str:
    narrative = selectors.narrative_get(person, pk)
    return reverse("results:outcome", args=[narrative.outcome_id]) + f"?year={narrative.year}"


OBJECT_LINKS: dict[str, ObjectLink] = {
    "results.plan": _page(
        lambda person, pk: reverse("results:plan", args=[selectors.plan_get(person, pk).pk])
    ),
    "results.outcome": _page(
        lambda person, pk: reverse("results:outcome", args=[selectors.outcome_get(person, pk).pk])
    ),
    "results.output": _page(_outcome_of(Output, "outcome_id")),
    "results.partner": _page(_outcome_of(Partner, "outcome_id")),
    "results.budgetline": _page(_outcome_of(BudgetLine, "output__outcome_id")),
    "results.narrative": _page(_narrative),
    "results.resultindicator": _page(
        lambda person, pk: reverse("results:values", args=[selectors.indicator_get(person, pk).pk])
    ),
}
