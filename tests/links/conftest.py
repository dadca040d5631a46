"""A country for the links tests: UN Women Kazakhstan, an office held by the UNCT Kazakhstan
of the shared world, with a 2021-2025 plan, and the UNCT's 2022 UNCT-SWAP assessment.

Aisha coordinates the UNCT (she reads the office's results and edits the assessment);
Bolat edits for UNDP inside the same UNCT (he edits the assessment but may not read UN
Women's results: the attacker of these tests); Rita reviews (reads every office).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Organisation
from cometa.accounts.models.organisations import OrganisationKind as Kind
from cometa.indicators.definition_store import definition_save
from cometa.indicators.definitions import Definition, Direction, Measure, Reference
from cometa.indicators.texts import Text
from cometa.results.inputs import BudgetContent, NarrativeContent, PlanContent
from cometa.results.models import Outcome, Output, Plan, ResultIndicator
from cometa.results.services import framework, registers, reporting
from cometa.scorecards.assessments import services as assessments
from cometa.scorecards.frameworks.store import latest_published
from cometa.scorecards.models import Assessment, AssessmentKind
from tests.conftest import World


@dataclass
class Country:
    world: World
    office: Organisation
    plan: Plan
    outcome: Outcome
    output: Output
    assessment: Assessment


def cf_definition(number: int, sensitive: bool) -> Definition:
    return Definition(
        code=f"KAZ-CF-{number:02d}",
        title=Text(f"Cooperation Framework indicator {number}"),
        definition=Text(f"What indicator {number} measures."),
        measure=Measure.UNIT,
        direction=Direction.ASCENDING,
        unit="persons",
        references=(Reference("cf", f"{number}.1"),),
        gender_sensitive=sensitive,
        gender_note=Text("Disaggregated by sex.") if sensitive else None,
    )


def attach_cf(country: Country, counted: int, sensitive: int) -> list[ResultIndicator]:
    """``counted`` indicators referring to a Cooperation Framework indicator each, the first
    ``sensitive`` of them gender-sensitive, attached to the office's output."""
    found = []
    for number in range(1, counted + 1):
        version = definition_save(definition=cf_definition(number, number <= sensitive))[0]
        found.append(framework.indicator_attach(actor=SYSTEM, to=country.output, version=version))
    return found


def narrate(country: Country, outcome: Outcome, progress: str, year: int = 2022) -> None:
    reporting.narrative_save(
        actor=SYSTEM,
        outcome=outcome,
        year=year,
        content=NarrativeContent(Text("What happened."), progress=progress),
        expected_version=0,
    )


def budget(country: Country, amount: int, marker: int, activity: str = "") -> None:
    registers.budget_line_save(
        actor=SYSTEM,
        output=country.output,
        content=BudgetContent(2022, Decimal(amount), "USD", marker, activity),
    )


@pytest.fixture
def country(world: World) -> Country:
    office = accounts.organisation_create(
        actor=SYSTEM,
        name="UN Women Kazakhstan",
        kind=Kind.UN_WOMEN_OFFICE,
        parent=world.unct,
        country="KAZ",
    )
    plan = framework.plan_create(
        actor=SYSTEM,
        office=office,
        content=PlanContent("Strategic Note 2021-2025", 2021, 2025, "KAZ"),
    )
    outcome = framework.outcome_create(
        actor=SYSTEM, plan=plan, code="D_1.1", statement_text=Text("Women have more work.")
    )
    output = framework.output_create(
        actor=SYSTEM, outcome=outcome, code="D_1.1.1", statement_text=Text("Skills.")
    )
    assessment = assessments.assessment_create(
        actor=SYSTEM,
        new=assessments.NewAssessment(
            organisation=world.unct,
            framework=latest_published("unct-swap"),
            year=2022,
            kind=AssessmentKind.COMPREHENSIVE,
        ),
    )
    return Country(world, office, plan, outcome, output, assessment)
