"""The results pages a person can reach, and the data they show: UNDP Kazakhstan (Bolat
edits it) has a 2022-2025 plan with an outcome, an output with a budget line, the
indicator of women enrolled (by age and indigenous identity) with a total and a part
that do not add up, a 2022 narrative with a fact, a partner and a knowledge product.
Made on first need and kept on the test's world."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.urls import reverse
from playwright.sync_api import expect

from cometa.accounts.acting import SYSTEM
from cometa.indicators.codelist_store import codelists_sync
from cometa.indicators.definition_store import definition_save
from cometa.indicators.periods import year
from cometa.indicators.texts import Text
from cometa.results.inputs import (
    BudgetContent,
    FactContent,
    KnowledgeContent,
    NarrativeContent,
    PlanContent,
    ValueInput,
)
from cometa.results.models import Outcome, ResultIndicator
from cometa.results.services import framework, registers, reporting, values
from tests.browser.conftest import SitePage, Ui
from tests.conftest import World
from tests.results.conftest import ENROLLED


def _built(world: World) -> tuple[Outcome, ResultIndicator]:
    if not hasattr(world, "_results"):
        codelists_sync()  # the live server's tables are emptied between tests
        office = world.undp
        plan = framework.plan_create(
            actor=SYSTEM, office=office, content=PlanContent("Strategic Note", 2022, 2025, "KAZ")
        )
        outcome = framework.outcome_create(
            actor=SYSTEM, plan=plan, code="D_1.1",
            statement_text=Text("Women lead in the decisions that affect their lives."),
        )  # fmt: skip
        output = framework.output_create(
            actor=SYSTEM, outcome=outcome, code="D_1.1.1",
            statement_text=Text("Women candidates are trained."),
        )  # fmt: skip
        registers.budget_line_save(
            actor=SYSTEM, output=output, content=BudgetContent(2022, Decimal(50000), "USD", 2)
        )
        attached = framework.indicator_attach(
            actor=SYSTEM, to=outcome, version=definition_save(definition=ENROLLED)[0]
        )
        for key, value in (("", 30), ("age=Y15T24", 12)):
            values.value_record(
                actor=SYSTEM, indicator=attached,
                value=ValueInput("actual", year(2022), key, Decimal(value)), expected_revision=0,
            )  # fmt: skip
        narrative = reporting.narrative_save(
            actor=SYSTEM, outcome=outcome, year=2022,
            content=NarrativeContent(Text("30 women enrolled this year."), "partly"),
            expected_version=0,
        )  # fmt: skip
        reporting.fact_add(
            actor=SYSTEM, narrative=narrative,
            content=FactContent(Decimal(30), "women enrolled", indicator=attached.pk),
        )  # fmt: skip
        framework.partner_add(
            actor=SYSTEM, outcome=outcome, name="Ministry of Labour", kind="government"
        )
        registers.knowledge_product_save(
            actor=SYSTEM, office=office,
            content=KnowledgeContent("Women in local councils", "study", 2022, partners=["OSCE"]),
        )  # fmt: skip
        world._results = (outcome, attached)  # type: ignore[attr-defined]
    return world._results  # type: ignore[attr-defined,no-any-return]


def _path(
    name: str, what: Callable[[Outcome, ResultIndicator], Any], query: str = ""
) -> Callable[[World], str]:
    def path(world: World) -> str:
        outcome, attached = _built(world)
        return reverse(name, args=[what(outcome, attached).pk]) + query

    return path


def _plain(name: str) -> Callable[[World], str]:
    def path(world: World) -> str:
        _built(world)
        return reverse(name)

    return path


def _open_everything(ui: Ui, world: Any) -> None:
    """Opens the folded forms, which axe-core does not check while they are closed."""
    for summary in ui.page.locator("details > summary").all():
        summary.click()
    expect(ui.page.locator("details:not([open])")).to_have_count(0)


RESULTS_PAGES = [
    SitePage(
        "results-plan", "bolat", _path("results:plan", lambda o, a: o.plan), "Progress by year"
    ),
    SitePage(
        "results-outcome",
        "bolat",
        _path("results:outcome", lambda o, a: o, "?year=2022"),
        "Narrative and progress",
        then=_open_everything,
    ),
    SitePage(
        "results-values",
        "bolat",
        _path("results:values", lambda o, a: a, "?period=2022"),
        "What is missing",
    ),
    SitePage("results-knowledge", "bolat", _plain("results:knowledge"), "Knowledge products"),
    SitePage("results-budgets", "sara", _plain("results:budgets"), "Budgets"),
]
