"""What the learning notes' tests share: a snapshot written by hand (so that its values
are known to the test) and people of the backbone with each role."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Person
from cometa.network.models import IndicatorRun, Network, StoredTable
from tests.conftest import make_person

SEX = ["F", "M", "_O", "_U"]  # the total column is implied


def backbone_person(network: Network, name: str, role: str) -> Person:
    person = make_person(f"{name}@example.org", name.title())
    accounts.membership_add(actor=SYSTEM, organisation=network.backbone, person=person, role=role)
    return person


def snapshot(network: Network, *, frozen: bool = True, label: str = "2024 close") -> IndicatorRun:
    """A run of 2024 with two tables by network and sex: CI-01, a count (40 women, the
    8 of unknown sex hidden, so the total too), and CI-03, a rate (12 of 30 women)."""
    run = IndicatorRun.objects.create(
        network=network, period="2024", period_start=date(2024, 1, 1),
        period_end=date(2024, 12, 31), computed_at=timezone.now(), k=5, k_strict=10,
        frozen=frozen, label=label if frozen else "",
    )  # fmt: skip
    rows = [[network.pk, network.name]]
    StoredTable.objects.create(
        run=run, code="CI-01", version=1, by="network", dimension="sex", k=5, rows=rows,
        columns=SEX, cells=[[[32, None], None, None, None, None]] * 2,
    )  # fmt: skip
    StoredTable.objects.create(
        run=run, code="CI-03", version=2, by="network", dimension="sex", k=5, rows=rows,
        columns=SEX, cells=[[[30, 12], None, None, None, [30, 12]]] * 2,
    )  # fmt: skip
    return run
