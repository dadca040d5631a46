"""Runs of the common indicators: every table computed for a network and a period,
through disclosure control, and stored as it may be shown (``IndicatorRun``,
``StoredTable``); a run frozen as the snapshot learning notes refer to. Pages and the
API read runs; only these services (and the job that calls them) count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor, person_or_none
from cometa.indicators.periods import Period
from cometa.network.access import may_manage
from cometa.network.indicators.compute import BY
from cometa.network.indicators.selectors import controlled_tables
from cometa.network.indicators.store import stored_form
from cometa.network.models import EnrolmentFact, IndicatorRun, Network, StoredTable
from cometa.network.services.common import record, require

__all__ = ["indicators_freeze", "indicators_run"]

Report = Callable[[int, int, str], None]


def _quiet(done: int, total: int, message: str = "") -> None:
    return None


def _tables(run: IndicatorRun, network: Network, period: Period, bys: Sequence[str],
            report: Report) -> list[StoredTable]:  # fmt: skip
    stored: list[StoredTable] = []
    for done, by in enumerate(bys):
        report(done, len(bys), _("Counting by %(by)s") % {"by": by})
        for table in controlled_tables(network, period, by=by):
            rows, cells = stored_form(table)
            stored.append(
                StoredTable(
                    run=run,
                    code=table.code,
                    version=table.version,
                    by=by,
                    dimension=table.dimension,
                    k=table.k,
                    rows=rows,
                    columns=list(table.columns),
                    cells=cells,
                )
            )
    report(len(bys), len(bys), _("Storing"))
    return stored


def indicators_run(
    *,
    actor: Actor,
    network: Network,
    period: Period,
    scope: str = IndicatorRun.Scope.FULL,
    job_id: int | None = None,
    report: Report = _quiet,
) -> IndicatorRun:
    """Computes and stores a run over the facts as they stand (``recompute`` rebuilds
    them). The period's earlier unfrozen runs of the same scope are replaced."""
    require(may_manage(actor, network), _("Only the backbone's coordinators recompute."))
    bys = list(BY) if scope == IndicatorRun.Scope.FULL else ["network"]
    with transaction.atomic():
        run = IndicatorRun.objects.create(
            network=network, period=str(period), period_start=period.start,
            period_end=period.end, scope=scope, computed_at=timezone.now(),
            computed_by=person_or_none(actor), job_id=job_id,
            facts=EnrolmentFact.objects.filter(network=network).count(),
            k=network.cell_threshold, k_strict=network.cell_threshold_strict,
        )  # fmt: skip
        StoredTable.objects.bulk_create(_tables(run, network, period, bys, report), 500)
        IndicatorRun.objects.filter(
            network=network, period=run.period, scope=scope, frozen=False
        ).exclude(pk=run.pk).delete()
        record(
            actor=actor, action="indicators_run", target=run,
            organisation_id=network.backbone_id,
            changes={"period": [None, run.period], "scope": [None, scope]},
        )  # fmt: skip
    return run


def indicators_freeze(*, actor: Actor, run: IndicatorRun, label: str) -> IndicatorRun:
    """Keeps a run as a snapshot (never replaced), under a label people recognise."""
    require(may_manage(actor, run.network), _("Only the backbone's coordinators freeze runs."))
    label = label.strip()[:200] or run.period
    with transaction.atomic():
        run.frozen, run.label = True, label
        run.save(update_fields=["frozen", "label"])
        record(
            actor=actor, action="indicators_freeze", target=run,
            organisation_id=run.network.backbone_id, changes={"label": [None, label]},
        )  # fmt: skip
    return run
