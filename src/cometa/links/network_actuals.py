"""A results indicator's actual taken from the network's stored common indicators, with
its provenance (issue 11, section 1): the network's total of one indicator in one stored
run, written through ``results.services.values.value_computed`` under the definition
version the run computed it under, so the value never changes meaning on its way in.

Only a stored total leaves: the run's table by network, already through disclosure
control; a hidden total is refused, never recounted. The person must read the network
(anyone inside it reads its totals; anyone else finds no network) and change the
results indicator's office (``value_computed`` checks it); the system may do both.
"""

from __future__ import annotations

from decimal import Decimal

from django.http import Http404
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor, is_system
from cometa.core.errors import ValidationFailed
from cometa.indicators.models import IndicatorValue, IndicatorVersion, ValueKind
from cometa.indicators.periods import parse_period
from cometa.network.indicators.definitions import DIMENSIONS
from cometa.network.indicators.store import Cell
from cometa.network.indicators.stored import read, standing
from cometa.network.models import IndicatorRun, Network, StoredTable
from cometa.results.inputs import ValueInput
from cometa.results.models import ResultIndicator
from cometa.results.services.values import value_computed

__all__ = ["network_actual", "network_total"]


def _refused(message: str) -> ValidationFailed:
    return ValidationFailed({"code": [message]})


def network_total(run: IndicatorRun, code: str) -> tuple[Cell, int | None]:
    """The network's total of ``code`` in the run, and its definition version (no
    permission check: ``network_actual`` checks first)."""
    table = StoredTable.objects.filter(
        run=run, code=code, by="network", dimension=DIMENSIONS[0]
    ).first()
    if table is None:
        raise _refused(
            _("Run %(run)s holds no indicator %(code)s.") % {"run": run.pk, "code": code}
        )
    shown = read(table)
    return shown.total, table.version


def _provenance(network: Network, run: IndicatorRun, code: str, version: int, cell: Cell) -> str:
    counted = f"n={cell.n}" + ("" if cell.numerator is None else f", numerator={cell.numerator}")
    return (
        f"network {network.name[:60]} (id {network.pk}): {code} v{version}, network total of "
        f"run {run.pk} ({run.scope}, period {run.period}, computed "
        f"{run.computed_at:%Y-%m-%d %H:%M %Z}), {counted}"
    )


def network_actual(
    *, actor: Actor, indicator: ResultIndicator, network: Network, run: IndicatorRun, code: str
) -> IndicatorValue:
    """Writes the network's total of ``code`` in ``run`` as the indicator's actual for
    the run's period, computed from the run (its provenance names the network, the run,
    the period, the indicator and its definition version)."""
    if not is_system(actor):
        standing(actor, network)  # 404 for anyone outside the network
    if run.network_id != network.pk:
        raise Http404("No such run.")
    cell, number = network_total(run, code)
    if cell.hidden or cell.value is None:
        raise _refused(
            _("The network's total of %(code)s is withheld by disclosure control in this run.")
            % {"code": code}
        )
    version = None
    if number is not None:
        version = IndicatorVersion.objects.filter(indicator__code=code, number=number).first()
    if version is None or number is None:
        raise _refused(
            _("The run does not say which version of %(code)s it computed.") % {"code": code}
        )
    value = ValueInput(
        kind=ValueKind.ACTUAL, period=parse_period(run.period), value=Decimal(cell.value)
    )
    return value_computed(
        actor=actor, indicator=indicator, value=value, version=version,
        computed_from=_provenance(network, run, code, number, cell),
    )  # fmt: skip
