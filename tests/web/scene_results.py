"""Builds URLs and bodies for the results rows of the permission matrix (see
tests/web/matrix_results.py): for each relation, a 2022-2025 plan of the office with
outcome D_1.1, output D_1.1.1, an indicator attached to the outcome and a 2022 narrative."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Organisation
from cometa.indicators.definition_store import definition_save
from cometa.indicators.texts import Text
from cometa.results.inputs import FactContent, NarrativeContent, PlanContent
from cometa.results.models import Fact, Outcome, Output, Partner, Plan, ResultIndicator
from cometa.results.services import framework, reporting
from tests.results.conftest import ENROLLED

PREFIX = "api/v1/results/"


@dataclass
class Built:
    plan: Plan
    outcome: Outcome
    output: Output
    attached: ResultIndicator
    partner: Partner
    fact: Fact


def _office(scene: Any, relation: str) -> Organisation:
    return scene.world.undp if relation == "own" else scene.world.other_unct


def _built(scene: Any, relation: str) -> Built:
    key = f"results-{relation}"
    if key not in scene.cache:
        office = _office(scene, relation)
        content = PlanContent("Strategic Note", 2022, 2025, "MEX" if relation == "other" else "KAZ")
        plan = framework.plan_create(actor=SYSTEM, office=office, content=content)
        outcome = framework.outcome_create(
            actor=SYSTEM, plan=plan, code="D_1.1", statement_text=Text("An outcome.")
        )
        output = framework.output_create(
            actor=SYSTEM, outcome=outcome, code="D_1.1.1", statement_text=Text("An output.")
        )
        version = definition_save(definition=ENROLLED)[0]
        attached = framework.indicator_attach(actor=SYSTEM, to=outcome, version=version)
        narrative = reporting.narrative_save(
            actor=SYSTEM,
            outcome=outcome,
            year=2022,
            content=NarrativeContent(Text("2,763 women enrolled.")),
            expected_version=0,
        )
        partner = framework.partner_add(
            actor=SYSTEM, outcome=outcome, name="UNDP", kind="un_entity"
        )
        fact = reporting.fact_add(
            actor=SYSTEM, narrative=narrative, content=FactContent(Decimal(2763), "women")
        )
        scene.cache[key] = Built(plan, outcome, output, attached, partner, fact)
    found: Built = scene.cache[key]
    return found


def url(scene: Any, route: str, role: str, relation: str) -> str:
    if relation == "-":
        return "/" + route + ("?year=2022" if route.endswith("progress/") else "")
    built = _built(scene, relation)
    if route.endswith("budgets/"):
        return f"/{route}?office={_office(scene, relation).pk}&year=2022"
    pk = {
        "plans/<int:pk>/": built.plan.pk,
        "outcomes/<int:pk>/": built.outcome.pk,
        "indicators/<int:pk>/": built.attached.pk,
        "outputs/<int:pk>/": built.output.pk,
        "facts/<int:pk>/": built.fact.pk,
    }
    path = route
    for prefix, value in pk.items():
        if route.startswith(PREFIX + prefix):
            path = route.replace("<int:pk>", str(value))
    path = path.replace("<int:partner_pk>", str(built.partner.pk))
    return "/" + path.replace("<year:year>", "2022")


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    route = route.removeprefix(PREFIX)
    office = _office(scene, relation).pk
    bodies: dict[str, dict[str, object]] = {
        "plans/": {
            "office": office,
            "title": "Next plan",
            "start_year": 2026,
            "end_year": 2029,
            "office_code": "KAZ",
        },
        "plans/<int:pk>/outcomes/": {"code": "D_2.1", "statement": {"en": "Another."}},
        "outcomes/<int:pk>/outputs/": {"code": "D_1.1.2", "statement": {"en": "Another."}},
        "outcomes/<int:pk>/partners/": {"name": "INMUJERES", "kind": "government"},
        "outcomes/<int:pk>/narratives/<year:year>/": {
            "text": {"en": "Changed."},
            "progress": "partly",
            "expected_version": 1,
        },
        "outcomes/<int:pk>/narratives/<year:year>/facts/": {"value": "2763", "label": "women"},
        "indicators/<int:pk>/values/": {
            "kind": "actual",
            "period": "2022",
            "value": "2763",
            "expected_revision": 0,
        },
        "outputs/<int:pk>/budget/": {
            "year": 2022,
            "amount": "1000",
            "currency": "USD",
            "marker": 2,
        },
        "knowledge/": {"office": office, "title": "A study", "kind": "study", "year": 2022},
    }
    if route == "plans/<int:pk>/indicators/" and relation != "-":
        return {"output": _built(scene, relation).output.pk, "indicator": ENROLLED.code}
    return bodies.get(route, {})
