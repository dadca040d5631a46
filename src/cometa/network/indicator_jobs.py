"""Recomputing the common indicators as a background job (kind ``network.indicators``,
docs/jobs.md): the facts rebuilt from the source tables, then a full run for the period
asked for and a headline run for each year of the network's enrolments (the trends),
each stored through disclosure control. The dashboard reads what the job stored and says
when. Registered in ``NetworkConfig.ready()``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Max, Min
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cometa.accounts.models import Person
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.core.jobs import registry
from cometa.core.jobs.models import Job
from cometa.core.jobs.services import start_job
from cometa.indicators.periods import Period, PeriodError, parse_period, year
from cometa.network.access import may_manage
from cometa.network.models import EnrolmentFact, IndicatorRun, Network
from cometa.network.services.indicator_runs import indicators_run
from cometa.network.services.indicators import recompute

KIND = "network.indicators"


def _network(parameters: dict[str, Any]) -> Network:
    pk = parameters.get("network")
    found = Network.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if found is None:
        raise ValidationFailed({"network": [_("There is no such network.")]})
    return found


def _period(parameters: dict[str, Any]) -> Period:
    try:
        return parse_period(str(parameters.get("period") or ""))
    except PeriodError as error:
        raise ValidationFailed({"period": [str(error)]}) from None


def authorize(actor: Any, parameters: dict[str, Any]) -> None:
    network = _network(parameters)
    _period(parameters)
    if not may_manage(actor, network):
        raise NotPermitted(_("Only the backbone's coordinators recompute."))


def years(network: Network) -> list[Period]:
    """Each year from the network's first enrolment to its last."""
    span = EnrolmentFact.objects.filter(network=network).aggregate(
        first=Min("enrolled_on"), last=Max("enrolled_on")
    )
    if span["first"] is None:
        return []
    return [year(y) for y in range(span["first"].year, span["last"].year + 1)]


def run(job: Job, progress: registry.Progress) -> registry.JobOutput:
    parameters = job.parameters
    authorize(job.requested_by, parameters)  # still allowed when the worker comes to it
    network, period = _network(parameters), _period(parameters)
    progress(0, 3, _("Rebuilding the facts"))
    facts = recompute(actor=job.requested_by, network=network).facts
    progress(1, 3, _("Computing the period's tables"))
    full = indicators_run(actor=job.requested_by, network=network, period=period, job_id=job.pk)
    progress(2, 3, _("Computing the trends"))
    for each in years(network):
        if each != period:
            indicators_run(
                actor=job.requested_by, network=network, period=each,
                scope=IndicatorRun.Scope.HEADLINE, job_id=job.pk,
            )  # fmt: skip
    progress(3, 3, _("Done"))
    summary = f"run {full.pk}: {facts} enrolments counted, {full.tables.count()} tables\n"
    return registry.JobOutput(f"indicators-{network.pk}-{full.period}.txt", summary.encode())


def indicators_job_start(*, actor: Person, network: Network, period: Period) -> Job:
    """Queues the recomputation; the job's page follows its progress."""
    return start_job(
        actor=actor, kind=KIND, parameters={"network": network.pk, "period": str(period)}
    )


def register() -> None:
    registry.register(
        name=KIND, label=gettext_lazy("Recomputation of the common indicators"), runner=run,
        authorize=authorize,
    )  # fmt: skip
