"""Reads with the acting person: what each may see, the knowledge search, the facts
checked against stored values, and the budget sums done by the database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.http import Http404

from cometa.accounts.acting import SYSTEM
from cometa.indicators.periods import parse_period
from cometa.indicators.texts import Text
from cometa.results import selectors
from cometa.results.budgets import BudgetLine as Line
from cometa.results.budgets import BudgetShare, budget_shares
from cometa.results.facts import FactStatus
from cometa.results.inputs import (
    BudgetContent,
    FactContent,
    KnowledgeContent,
    NarrativeContent,
    PlanContent,
    ValueInput,
)
from cometa.results.services import framework
from cometa.results.services.registers import budget_line_save, knowledge_product_save
from cometa.results.services.reporting import fact_add, narrative_save
from cometa.results.services.values import value_record


def person(offices, who: str):
    return getattr(offices, who, None) or getattr(offices.world, who)


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("elena", True),
        ("vic", True),
        ("oscar", True),
        ("rita", True),
        ("ada", True),
        ("kai", False),
        ("bolat", False),
    ],
)
def test_outside_the_office_everything_is_not_found(offices, who: str, sees: bool) -> None:
    reader = person(offices, who)
    assert (offices.plan in selectors.plans_for(reader)) is sees
    getters = [
        (selectors.plan_get, offices.plan.pk),
        (selectors.outcome_get, offices.outcome.pk),
        (selectors.output_get, offices.output.pk),
        (selectors.indicator_get, offices.enrolled.pk),
    ]
    for get, pk in getters:
        if sees:
            assert get(reader, pk).pk == pk
        else:
            with pytest.raises(Http404):
                get(reader, pk)


def test_a_malformed_id_is_not_found(offices) -> None:
    with pytest.raises(Http404):
        selectors.plan_get(offices.elena, "x")


def test_knowledge_search_by_words_type_and_year(offices) -> None:
    for title, kind, year, partners in [
        ("National Map of Care", "tool", 2022, ("INMUJERES", "COLMEX")),
        ("Central American migration", "study", 2022, ("El Colegio de la Frontera Norte",)),
        ("Cognitive testing of supervisory care", "methodology", 2021, ("COLMEX", "UNSD")),
    ]:
        knowledge_product_save(
            actor=SYSTEM,
            office=offices.mexico,
            content=KnowledgeContent(title=title, kind=kind, year=year, partners=partners),
        )
    titles = lambda rows: sorted(row.title for row in rows)  # noqa: E731
    reader = offices.vic
    assert titles(selectors.knowledge_search(reader, query="colmex")) == [
        "Cognitive testing of supervisory care",
        "National Map of Care",
    ]
    assert titles(selectors.knowledge_search(reader, query="care map")) == ["National Map of Care"]
    assert titles(selectors.knowledge_search(reader, kind="study")) == [
        "Central American migration"
    ]
    assert len(selectors.knowledge_search(reader, year=2022)) == 2
    assert not selectors.knowledge_search(offices.kai, query="care").exists()
    assert len(selectors.knowledge_search(offices.world.rita)) == 3


def test_facts_are_checked_against_the_values_they_claim(offices) -> None:
    value_record(
        actor=offices.elena,
        indicator=offices.enrolled,
        value=ValueInput("actual", parse_period("2022"), value=Decimal(2763)),
        expected_revision=0,
    )
    narrative = narrative_save(
        actor=offices.elena,
        outcome=offices.outcome,
        year=2022,
        content=NarrativeContent(Text("2,763 women enrolled in 15 learning centres.")),
        expected_version=0,
    )
    for content in [
        FactContent(Decimal(2763), "women enrolled", indicator=offices.enrolled.pk),
        FactContent(Decimal(2760), "women enrolled", indicator=offices.enrolled.pk),
        FactContent(Decimal(300), "aged 15-24", indicator=offices.enrolled.pk, key="age=Y15T24"),
        FactContent(Decimal(15), "learning centres"),
    ]:
        fact_add(actor=offices.elena, narrative=narrative, content=content)
    checks = selectors.fact_checks(offices.vic, narrative)
    assert [(c.status, c.stored) for c in checks] == [
        (FactStatus.MATCHES, Decimal(2763)),
        (FactStatus.DIFFERS, Decimal(2763)),
        (FactStatus.NO_VALUE, None),
        (FactStatus.NOT_LINKED, None),
    ]
    with pytest.raises(Http404):
        selectors.fact_checks(offices.kai, narrative)


def test_budget_totals_are_summed_by_the_database_as_the_pure_function_does(offices) -> None:
    second = framework.output_create(
        actor=SYSTEM, outcome=offices.outcome, code="D_2.2.2", statement_text=Text("x")
    )
    lines = [
        (offices.output, "", "1000.50", "USD", 3),
        (offices.output, "Mentoring", "250", "USD", 1),
        (second, "", "749.50", "USD", 2),
        (second, "Fairs", "5000", "MXN", 0),
    ]
    for output, activity, amount, currency, marker in lines:
        budget_line_save(
            actor=SYSTEM,
            output=output,
            content=BudgetContent(2022, Decimal(amount), currency, marker, activity),
        )
    budget_line_save(  # another year is left out
        actor=SYSTEM, output=second, content=BudgetContent(2023, Decimal(99), "USD", 3)
    )
    found = selectors.budget_totals(offices.vic, offices.mexico, 2022)
    pure = budget_shares([Line(Decimal(a), c, m) for _o, _a, a, c, m in lines])
    assert (
        found
        == pure
        == [
            BudgetShare("MXN", Decimal(5000), Decimal(0), Decimal(0)),
            BudgetShare("USD", Decimal("2000"), Decimal("1750"), Decimal("0.875")),
        ]
    )
    assert selectors.budget_totals(offices.vic, offices.mexico, 2024) == []
    with pytest.raises(Http404):
        selectors.budget_totals(offices.kai, offices.mexico, 2022)


def test_an_office_budget_leaves_out_other_offices(offices) -> None:
    plan = framework.plan_create(
        actor=SYSTEM,
        office=offices.kazakhstan,
        content=PlanContent("SN", 2022, 2025, "KAZ"),
    )
    outcome = framework.outcome_create(
        actor=SYSTEM, plan=plan, code="D_1.1", statement_text=Text("x")
    )
    output = framework.output_create(
        actor=SYSTEM, outcome=outcome, code="D_1.1.1", statement_text=Text("x")
    )
    budget_line_save(actor=SYSTEM, output=output, content=BudgetContent(2022, Decimal(7), "USD", 3))
    assert selectors.budget_totals(offices.elena, offices.mexico, 2022) == []
    [kaz] = selectors.budget_totals(offices.world.rita, offices.kazakhstan, 2022)
    assert (kaz.total, kaz.share) == (Decimal(7), Decimal(1))


def test_progress_across_offices_counts_what_the_reader_may_see(offices) -> None:
    kaz = framework.plan_create(
        actor=SYSTEM, office=offices.kazakhstan, content=PlanContent("SN", 2022, 2025, "KAZ")
    )
    outcomes = [offices.outcome] + [
        framework.outcome_create(actor=SYSTEM, plan=plan, code=code, statement_text=Text("x"))
        for plan, code in [(offices.plan, "D_1.1"), (kaz, "D_1.1"), (kaz, "O_1")]
    ]
    for outcome, progress in zip(
        outcomes, ["on_track", "off_track", "partly", "on_track"], strict=True
    ):
        for year in (2022, 2023):
            narrative_save(
                actor=SYSTEM,
                outcome=outcome,
                year=year,
                content=NarrativeContent(Text("x"), progress if year == 2022 else "not_assessed"),
                expected_version=0,
            )
    seen = {row.office: row for row in selectors.progress_overview(offices.world.rita, 2022)}
    assert sorted(seen) == ["UN Women Kazakhstan", "UN Women Mexico"]
    mexico = seen["UN Women Mexico"]
    assert mexico.counts == {"on_track": 1, "partly": 0, "off_track": 1, "not_assessed": 0}
    assert mexico.region == "LAC"  # from UNCT Mexico, which holds the office
    assert (mexico.on_track.on_track, mexico.on_track.assessed) == (1, 2)
    assert [row.office for row in selectors.progress_overview(offices.kai, 2022)] == [
        "UN Women Kazakhstan"
    ]
    [later] = selectors.progress_overview(offices.elena, 2023)
    assert later.counts["not_assessed"] == 2 and later.on_track.share is None
