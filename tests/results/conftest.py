"""Two UN Women offices and the people around them, shared by the results tests.

UN Women Mexico sits in the UNCT Mexico of the shared world (coordinated by Oscar, who
therefore reads Mexico's results but may not change them); UN Women Kazakhstan sits in the
UNCT Kazakhstan. Elena edits for Mexico, Vic views Mexico, Kai edits for Kazakhstan; Rita
reviews and Ada administers the platform (from the shared world). Mexico has a 2022-2025
plan with outcome D_2.2, its output D_2.2.1 and an indicator of women enrolled in Second
Chance Education attached to the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Organisation, Person
from cometa.accounts.models.organisations import OrganisationKind as Kind
from cometa.accounts.roles import Role
from cometa.indicators.definition_store import definition_save
from cometa.indicators.definitions import Definition, Direction, Measure
from cometa.indicators.texts import Text
from cometa.results.inputs import PlanContent
from cometa.results.models import Outcome, Output, Plan, ResultIndicator
from cometa.results.services import framework
from tests.conftest import World, make_person

ENROLLED = Definition(
    code="SCE-ENROLLED",
    title=Text("Women enrolled in Second Chance Education", "Mujeres inscritas"),
    definition=Text("Women who enrolled in a Second Chance Education course in the period."),
    measure=Measure.UNIT,
    direction=Direction.ASCENDING,
    unit="persons",
    dimensions=("age", "indigenous"),
    gender_sensitive=True,
    gender_note=Text("It counts women reached by a programme for women."),
)
D22 = Text(
    "By 2025, the Mexican State has decent work programmes to address labour market needs.",
    "Para 2025, el Estado mexicano cuenta con programas de trabajo decente.",
)


@dataclass
class Offices:
    world: World
    mexico: Organisation
    kazakhstan: Organisation
    elena: Person  # editor, Mexico
    vic: Person  # viewer, Mexico
    kai: Person  # editor, Kazakhstan
    plan: Plan
    outcome: Outcome
    output: Output
    enrolled: ResultIndicator


def _member(name: str, office: Organisation, role: str) -> Person:
    person = make_person(f"{name}@example.org", name.title())
    accounts.membership_add(actor=SYSTEM, organisation=office, person=person, role=role)
    return person


def office(name: str, parent: Organisation, country: str) -> Organisation:
    return accounts.organisation_create(
        actor=SYSTEM, name=name, kind=Kind.UN_WOMEN_OFFICE, parent=parent, country=country
    )


@pytest.fixture
def offices(world: World) -> Offices:
    mexico = office("UN Women Mexico", world.other_unct, "MEX")
    kazakhstan = office("UN Women Kazakhstan", world.unct, "KAZ")
    plan = framework.plan_create(
        actor=SYSTEM,
        office=mexico,
        content=PlanContent(
            title="Strategic Note 2022-2025",
            start_year=2022,
            end_year=2025,
            office_code="MEX",
            cooperation_framework="UNSDCF Mexico 2020-2025",
        ),
    )
    outcome = framework.outcome_create(actor=SYSTEM, plan=plan, code="D_2.2", statement_text=D22)
    output = framework.output_create(
        actor=SYSTEM, outcome=outcome, code="D_2.2.1", statement_text=Text("Women gain skills.")
    )
    version = definition_save(definition=ENROLLED)[0]
    enrolled = framework.indicator_attach(actor=SYSTEM, to=outcome, version=version)
    return Offices(
        world,
        mexico,
        kazakhstan,
        elena=_member("elena", mexico, Role.EDITOR),
        vic=_member("vic", mexico, Role.VIEWER),
        kai=_member("kai", kazakhstan, Role.EDITOR),
        plan=plan,
        outcome=outcome,
        output=output,
        enrolled=enrolled,
    )
