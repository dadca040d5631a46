"""The results demo: an office's framework and a year's reporting, read from
``data/results/*.yaml`` and built through the results services as the system. A plan
that exists already is left as it is, so building again duplicates nothing."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Organisation
from cometa.demo import loading
from cometa.indicators.definitions import Definition, Direction, Measure
from cometa.indicators.models import IndicatorVersion
from cometa.indicators.periods import parse_period
from cometa.indicators.texts import Text
from cometa.results.inputs import (
    BudgetContent,
    FactContent,
    KnowledgeContent,
    NarrativeContent,
    PlanContent,
    ValueInput,
)
from cometa.results.models import Outcome, Plan, ResultIndicator
from cometa.results.services import framework, registers, reporting, values

FILES = ("results/mexico.yaml", "results/kazakhstan.yaml")


def build_results(step: Callable[[str], None]) -> None:
    for name in FILES:
        build_office(loading.read(name, "results"))
    step("results frameworks")


def build_office(data: dict[str, Any]) -> Plan | None:
    """The office's plan with everything in it; None when it was built before."""
    office = Organisation.objects.get(name=data["office"])
    if Plan.objects.filter(office=office, start_year=data["plan"]["start_year"]).exists():
        return None
    versions = {item["code"]: _define(item) for item in data.get("indicators", [])}
    plan = framework.plan_create(actor=SYSTEM, office=office, content=PlanContent(**data["plan"]))
    outcomes = {
        item["code"]: _outcome(plan, item, position, versions, data["year"])
        for position, item in enumerate(data["outcomes"])
    }
    for programme in data.get("joint_programmes", []):
        framework.joint_programme_save(
            actor=SYSTEM,
            plan=plan,
            name=programme["name"],
            entities=programme.get("entities", []),
            outcome_ids=[outcomes[code].pk for code in programme["outcomes"]],
        )
    for product in data.get("knowledge", []):
        ids = tuple(outcomes[code].pk for code in product.pop("outcomes", []))
        registers.knowledge_product_save(
            actor=SYSTEM, office=office, content=KnowledgeContent(**product, outcomes=ids)
        )
    return plan


def _define(item: dict[str, Any]) -> IndicatorVersion:
    definition = Definition(
        code=item["code"],
        title=Text(item["title"]),
        definition=Text(item["definition"]),
        measure=Measure.UNIT,
        direction=Direction.ASCENDING,
        unit=item["unit"],
        dimensions=tuple(item.get("dimensions", ())),
        gender_sensitive=True,
        gender_note=Text(item["gender_note"]),
    )
    return framework.indicator_define(actor=SYSTEM, definition=definition)


def _number(value: float | int) -> Decimal:
    return Decimal(str(value))


def _outcome(
    plan: Plan,
    item: dict[str, Any],
    position: int,
    versions: dict[str, IndicatorVersion],
    year: int,
) -> Outcome:
    outcome = framework.outcome_create(
        actor=SYSTEM,
        plan=plan,
        code=item["code"],
        statement_text=Text(item["statement"]),
        position=position,
    )
    for partner in item.get("partners", []):
        framework.partner_add(actor=SYSTEM, outcome=outcome, **partner)
    for index, output in enumerate(item.get("outputs", [])):
        _output(outcome, output, index)
    attached = {
        measured["code"]: _measured(outcome, measured, versions[measured["code"]])
        for measured in item.get("indicators", [])
    }
    _narrative(outcome, item, attached, year)
    return outcome


def _output(outcome: Outcome, item: dict[str, Any], position: int) -> None:
    output = framework.output_create(
        actor=SYSTEM,
        outcome=outcome,
        code=item["code"],
        statement_text=Text(item["statement"]),
        position=position,
    )
    for line in item.get("budget", []):
        content = BudgetContent(
            year=line["year"],
            amount=_number(line["amount"]),
            currency=line["currency"],
            marker=line["marker"],
            activity=line.get("activity", ""),
        )
        registers.budget_line_save(actor=SYSTEM, output=output, content=content)


def _measured(outcome: Outcome, item: dict[str, Any], version: IndicatorVersion) -> ResultIndicator:
    attached = framework.indicator_attach(actor=SYSTEM, to=outcome, version=version)
    for value in item["values"]:
        cell = ValueInput(
            kind=value["kind"],
            period=parse_period(value["period"]),
            key=value.get("key", ""),
            value=_number(value["value"]),
            comment=value.get("comment", ""),
        )
        values.value_record(actor=SYSTEM, indicator=attached, value=cell, expected_revision=0)
    return attached


def _narrative(
    outcome: Outcome, item: dict[str, Any], attached: dict[str, ResultIndicator], year: int
) -> None:
    narrative = reporting.narrative_save(
        actor=SYSTEM,
        outcome=outcome,
        year=year,
        content=NarrativeContent(Text(item["narrative"]), item["progress"]),
        expected_version=0,
    )
    for fact in item.get("facts", []):
        content = FactContent(
            value=_number(fact["value"]),
            label=fact["label"],
            unit=fact.get("unit", ""),
            indicator=attached[fact["indicator"]].pk if "indicator" in fact else None,
            key=fact.get("key", ""),
        )
        reporting.fact_add(actor=SYSTEM, narrative=narrative, content=content)
