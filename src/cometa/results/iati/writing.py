"""Writing one mapped activity onto the results tables, through the results services (each
outcome, output and attachment is checked and audited by them) and the floor's value
store (values with the file as their provenance). Raises ``Refused`` with the element
path of what cannot be taken; the import rolls everything back then."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from cometa.accounts import audit
from cometa.accounts.acting import Actor, person_or_none
from cometa.accounts.models import Organisation
from cometa.accounts.models.organisations import OrganisationKind
from cometa.core.errors import ServiceError, ValidationFailed
from cometa.indicators.definition_store import Saved, definition_save
from cometa.indicators.models import Indicator, IndicatorValue, IndicatorVersion
from cometa.indicators.value_store import Provenance, value_store, values_of
from cometa.interchange.iati import model
from cometa.results.iati.activity import plan_activity
from cometa.results.iati.codec import dump
from cometa.results.iati.mapping import (
    ActivityPlan,
    Cell,
    IndicatorPlan,
    Lookup,
    activity_path,
    cell_id,
)
from cometa.results.identifiers import IdentifierError, ResultCode, ResultKind, parse_identifier
from cometa.results.inputs import PlanContent
from cometa.results.models import IatiActivity, Outcome, Output, Plan, ResultIndicator
from cometa.results.services import framework
from cometa.results.services.common import record, require_edit
from cometa.results.services.values import check_period


class Refused(Exception):
    """What the import cannot take, at ``path``."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path, self.message = path, message


def refused(path: str, error: ServiceError | Exception) -> Refused:
    if isinstance(error, ValidationFailed):
        message = "; ".join(f"{k}: {' '.join(map(str, v))}" for k, v in error.errors.items())
    else:
        message = str(getattr(error, "message", "") or error)
    return Refused(path, message)


@dataclass(frozen=True)
class Context:
    actor: Actor
    file_name: str
    file_sha256: str
    office: Organisation | None  # given by the person; else from each identifier


def office_by_code(code: str) -> Organisation | None:
    """The office whose plans carry ``code`` (MEX), else the one UN Women office of that
    country; None when there is none or more than one."""
    offices = Organisation.objects.filter(result_plans__office_code=code).distinct()
    if len(found := list(offices[:2])) == 1:
        return found[0]
    country = Organisation.objects.filter(kind=OrganisationKind.UN_WOMEN_OFFICE, country=code)
    found = list(country[:2])
    return found[0] if len(found) == 1 else None


def _years(activity: model.Activity, path: str) -> tuple[int, int]:
    starts = [d.iso_date.year for d in activity.dates if d.type in ("1", "2")]
    ends = [d.iso_date.year for d in activity.dates if d.type in ("3", "4")]
    for result in activity.results:
        for indicator in result.indicators:
            starts.extend(period.start.year for period in indicator.periods)
            ends.extend(period.end.year for period in indicator.periods)
    if not starts and not ends:
        raise Refused(path, "no activity date or period says which years it covers")
    first = min(starts or ends)
    return first, max([*ends, *starts, first])


def _plan(ctx: Context, activity: model.Activity, path: str) -> Plan:
    try:
        ident = parse_identifier(activity.identifier)
    except IdentifierError:
        ident = None
    office = ctx.office or (office_by_code(ident.office) if ident else None)
    if office is None:
        raise Refused(
            f"{path}/iati-identifier[1]",
            "no office is known for this identifier: say which office imports it",
        )
    require_edit(ctx.actor, office)
    kept = IatiActivity.objects.filter(plan__office=office, identifier=activity.identifier)
    if (record := kept.select_related("plan").first()) is not None:
        return record.plan
    first, last = _years(activity, path)
    plans = Plan.objects.filter(office=office, start_year__lte=first, end_year__gte=first)
    if (plan := plans.first()) is None:
        plan = _new_plan(ctx, office, activity, ident.office if ident else None, (first, last))
    if ident and ident.office != plan.office_code:
        raise Refused(
            f"{path}/iati-identifier[1]",
            f"the identifier names the office {ident.office}, the plan is of {plan.office_code}",
        )
    return plan


def _new_plan(
    ctx: Context,
    office: Organisation,
    activity: model.Activity,
    code: str | None,
    years: tuple[int, int],
) -> Plan:
    content = PlanContent(
        title=f"{office.name} {years[0]}-{years[1]}",
        start_year=years[0],
        end_year=years[1],
        office_code=code or office.country or "",
        publisher=activity.reporting_org.ref or "",
    )
    return framework.plan_create(actor=ctx.actor, office=office, content=content)


def _outcome_code(plan: Plan, activity: model.Activity) -> str:
    kept = IatiActivity.objects.filter(plan=plan, identifier=activity.identifier).first()
    if kept is not None:
        return kept.outcome.code
    try:
        code = parse_identifier(activity.identifier).code
        if len(code.number) <= 2:
            return str(code)
    except IdentifierError:
        pass
    used = set(plan.outcomes.values_list("code", flat=True))
    number = 1
    while (code_text := str(ResultCode(ResultKind.DEVELOPMENT, (number,)))) in used:
        number += 1
    return code_text


def _outcome(
    ctx: Context, plan: Plan, code: str, mapped: ActivityPlan, counts: Counter[str]
) -> Outcome:
    outcome = Outcome.objects.filter(plan=plan, code=code).first()
    if outcome is None:
        counts["outcomes created"] += 1
        return framework.outcome_create(
            actor=ctx.actor, plan=plan, code=code, statement_text=mapped.statement
        )
    if outcome.statement != mapped.statement.as_dict():
        counts["outcomes restated"] += 1
        outcome = framework.outcome_restate(
            actor=ctx.actor, outcome=outcome, statement_text=mapped.statement
        )
    return outcome


def _outputs(
    ctx: Context, outcome: Outcome, mapped: ActivityPlan, counts: Counter[str]
) -> dict[int, Output]:
    found: dict[int, Output] = {}
    for item in mapped.outputs:
        output = Output.objects.filter(outcome=outcome, code=item.code).first()
        if output is None:
            counts["outputs created"] += 1
            output = framework.output_create(
                actor=ctx.actor, outcome=outcome, code=item.code, statement_text=item.statement
            )
        found[item.result] = output
    return found


def _define(ctx: Context, item: IndicatorPlan, office: Organisation) -> IndicatorVersion:
    """The floor's version for the indicator: an indicator of the floor its reference of
    vocabulary 99 names (as Cometa's exports write), else the definition from the file."""
    for reference in item.definition.references:
        if reference.vocabulary == "99" and reference.code != item.definition.code:
            known = Indicator.objects.filter(code=reference.code).first()
            if known is not None:
                return known.versions.order_by("-number").first()  # type: ignore[return-value]
    version, saved = definition_save(
        definition=item.definition,
        user=person_or_none(ctx.actor),
        change_note=f"imported from {ctx.file_name}",
    )
    if saved is not Saved.UNCHANGED:
        audit.record(
            actor=ctx.actor,
            action="results.indicator.define",
            target=version,
            changes={"code": item.definition.code, "saved": saved.value, "file": ctx.file_name},
            organisation_id=office.pk,
        )
    return version


def _attach(
    ctx: Context, owner: Outcome | Output, version: IndicatorVersion, position: int
) -> ResultIndicator:
    where = Q(outcome=owner) if isinstance(owner, Outcome) else Q(output=owner)
    found = ResultIndicator.objects.filter(where, version=version).first()
    return found or framework.indicator_attach(
        actor=ctx.actor, to=owner, version=version, position=position
    )


def _same(row: IndicatorValue, cell: Cell) -> bool:
    return (row.value, row.text, row.comment) == (cell.value, cell.text, cell.comment.strip())


def _stored(attached: ResultIndicator) -> dict[str, IndicatorValue]:
    """The attachment's values by cell, read once for all its cells."""
    rows = values_of(owner=attached, version=attached.version)
    return {cell_id(row.kind, row.period, row.key): row for row in rows}


def _store(
    ctx: Context,
    attached: ResultIndicator,
    cell: Cell,
    stored: dict[str, IndicatorValue],
    counts: Counter[str],
) -> None:
    if (row := stored.get(cell.id)) is not None and _same(row, cell):
        counts["values unchanged"] += 1
        return
    try:
        check_period(attached.plan, cell.kind, cell.period)
        value_store(
            owner=attached,
            version=attached.version,
            kind=cell.kind,
            period=cell.period,
            key=cell.key,
            value=cell.value,
            text=cell.text,
            comment=cell.comment,
            provenance=Provenance.imported(
                file_name=ctx.file_name[-255:],
                file_sha256=ctx.file_sha256,
                user=person_or_none(ctx.actor),
            ),
        )
    except ValidationFailed as error:
        raise refused(cell.path, error) from None
    counts["values written"] += 1


def _indicators(
    ctx: Context,
    mapped: ActivityPlan,
    owners: tuple[Outcome, dict[int, Output]],
    counts: Counter[str],
) -> dict[str, Any]:
    outcome, outputs = owners
    links: dict[str, Any] = {}
    for position, item in enumerate(mapped.indicators):
        result, indicator = (int(part) for part in item.ref.split("."))
        where = f"{mapped.path}/result[{result + 1}]/indicator[{indicator + 1}]"
        try:
            version = _define(ctx, item, outcome.plan.office)
        except ValidationFailed as error:
            raise refused(where, error) from None
        attached = _attach(ctx, outputs.get(item.result, outcome), version, position)
        counts["indicators"] += 1
        stored = _stored(attached)
        for cell in item.cells:
            _store(ctx, attached, cell, stored, counts)
        links[item.ref] = {"id": attached.pk, "cells": {c.ref: c.id for c in item.cells}}
    return links


def write_activity(
    ctx: Context, activity: model.Activity, index: int, lookup: Lookup, counts: Counter[str]
) -> ActivityPlan:
    """Writes one activity (the ``index``-th of the file); the caller holds the
    transaction. Returns the mapping, whose notes say what is not Cometa data."""
    path = activity_path(index)
    try:
        plan = _plan(ctx, activity, path)
        code = _outcome_code(plan, activity)
        mapped = plan_activity(
            activity, index, office_code=plan.office_code, outcome_code=code, lookup=lookup
        )
        outcome = _outcome(ctx, plan, code, mapped, counts)
        outputs = _outputs(ctx, outcome, mapped, counts)
    except ServiceError as error:
        raise refused(path, error) from None
    links = {
        "statement": mapped.statement.as_dict(),
        "statement_result": mapped.statement_result,
        "outputs": {
            str(item.result): {"id": outputs[item.result].pk, "statement": item.statement.as_dict()}
            for item in mapped.outputs
        },
        "indicators": _indicators(ctx, mapped, (outcome, outputs), counts),
    }
    keep_record(ctx, activity, outcome, links)
    record(
        actor=ctx.actor,
        action="iati.import",
        target=outcome,
        office=plan.office,
        changes={"identifier": activity.identifier, "file": ctx.file_name},
    )
    counts["activities"] += 1
    return mapped


def keep_record(
    ctx: Context, activity: model.Activity, outcome: Outcome, links: dict[str, Any]
) -> None:
    IatiActivity.objects.update_or_create(
        plan=outcome.plan,
        identifier=activity.identifier,
        defaults={
            "outcome": outcome,
            "activity": dump(activity),
            "links": links,
            "file_name": ctx.file_name[-255:],
            "file_sha256": ctx.file_sha256,
        },
    )
