"""``iati_export``: an office's results as an ``iati-activities`` 2.03 file, one activity
per outcome, streamed and checked against the official schema and the standard ruleset
(``cometa.interchange.iati.write``). Readers of the office may export; each export is
audited."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from cometa.accounts.acting import Actor, is_system
from cometa.indicators.definitions import Reference
from cometa.indicators.models import IndicatorValue
from cometa.indicators.texts import Text
from cometa.interchange.iati import Report, write
from cometa.interchange.iati import model as iati
from cometa.interchange.iati.writer import Target
from cometa.results import access
from cometa.results.iati.codec import load
from cometa.results.iati.export import (
    LiveCell,
    LiveIndicator,
    LiveOutcome,
    LiveOutput,
    fresh_activity,
    only_year,
)
from cometa.results.iati.overlay import laid_over
from cometa.results.models import IatiActivity, Outcome, Output, Plan, ResultIndicator
from cometa.results.services.common import record


def require_read(actor: Actor, plan: Plan) -> None:
    if not is_system(actor) and not access.may_read(actor, plan.office):
        raise Http404("No such plan.")


def _cells(indicators: Sequence[ResultIndicator]) -> dict[int, list[LiveCell]]:
    found: dict[int, list[LiveCell]] = defaultdict(list)
    versions = {item.pk: item.version_id for item in indicators}
    rows = IndicatorValue.objects.filter(
        owner_type=ContentType.objects.get_for_model(ResultIndicator), owner_id__in=list(versions)
    ).order_by("kind", "period_start", "period_end", "key")
    for row in rows:
        if versions.get(row.owner_id) == row.version_id:
            found[row.owner_id].append(
                LiveCell(row.kind, row.period, row.key, row.value, row.text, row.comment)
            )
    return found


def _live_indicators(
    attached: Sequence[ResultIndicator], cells: dict[int, list[LiveCell]]
) -> tuple[LiveIndicator, ...]:
    return tuple(
        LiveIndicator(
            id=item.pk,
            code=item.version.indicator.code,
            measure=item.version.measure,
            direction=item.version.direction,
            title=item.version.title_text(),
            definition=Text.of(item.version.definition) or item.version.title_text(),
            references=tuple(Reference(**ref) for ref in item.version.references),
            cells=tuple(cells.get(item.pk, ())),
        )
        for item in attached
    )


def _live(outcome: Outcome) -> LiveOutcome:
    outputs = list(outcome.outputs.all())
    attached = list(outcome.indicators.all()) + [i for o in outputs for i in o.indicators.all()]
    cells = _cells(attached)
    plan = outcome.plan
    return LiveOutcome(
        identifier=outcome.identifier,
        statement=outcome.statement_text(),
        indicators=_live_indicators(list(outcome.indicators.all()), cells),
        outputs=tuple(
            LiveOutput(
                o.pk, o.code, o.statement_text(), _live_indicators(list(o.indicators.all()), cells)
            )
            for o in outputs
        ),
        publisher=plan.publisher,
        office_name=plan.office.name,
        years=(plan.start_year, plan.end_year),
    )


def _outcomes(plan: Plan) -> Iterator[Outcome]:
    indicators = ResultIndicator.objects.select_related("version__indicator")
    rows = (
        Outcome.objects.filter(plan=plan)
        .select_related("plan__office", "iati")
        .prefetch_related(
            Prefetch("indicators", indicators),
            Prefetch(
                "outputs", Output.objects.prefetch_related(Prefetch("indicators", indicators))
            ),
        )
    )
    yield from rows.iterator(chunk_size=50)


def activity_of(outcome: Outcome, year: int | None = None) -> iati.Activity:
    """The outcome as an IATI activity: its import laid over with the tables, or built."""
    live = _live(outcome)
    try:
        kept: IatiActivity | None = outcome.iati
    except IatiActivity.DoesNotExist:
        kept = None
    if kept is None:
        activity = fresh_activity(live)
    else:
        activity = laid_over(load(iati.Activity, kept.activity), kept.links, live)
    return activity if year is None else only_year(activity, year)


def plans_of(office_code: str, year: int | None = None) -> list[Plan]:
    plans = Plan.objects.filter(office_code=office_code).select_related("office")
    if year is not None:
        plans = plans.filter(start_year__lte=year, end_year__gte=year)
    return list(plans.order_by("start_year"))


def iati_export(
    *, actor: Actor, plans: Sequence[Plan], target: Target, year: int | None = None
) -> Report:
    """Writes the plans' outcomes to ``target``; the report lists what the schema or the
    ruleset refuse (an export with errors must not be published)."""
    for plan in plans:
        require_read(actor, plan)

    def activities() -> Iterator[iati.Activity]:
        for plan in plans:
            for outcome in _outcomes(plan):
                yield activity_of(outcome, year)

    report = write(activities(), target, generated=timezone.now().replace(microsecond=0))
    with transaction.atomic():
        for plan in plans:
            record(
                actor=actor,
                action="iati.export",
                target=plan,
                office=plan.office,
                changes={
                    "year": year,
                    "activities": report.activities,
                    "errors": len(report.errors),
                },
            )
    return report
