"""A network to compare centres in (pages and API): generated (six centres), its facts
rebuilt and one full run stored; the backbone's coordinator, the staff of the first
centre's partner and an outsider."""

from __future__ import annotations

from datetime import date
from typing import Any

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.roles import Role
from cometa.indicators.periods import custom
from cometa.network.generator.run import generate
from cometa.network.models import Site
from cometa.network.services.indicator_runs import indicators_run
from cometa.network.services.indicators import recompute
from tests.conftest import make_person

EVERYTHING = custom(date(2020, 1, 1), date(2027, 12, 31))


def compared_network() -> dict[str, Any]:
    """A generated network of six centres, its facts and one stored run of every period."""
    network = generate(women=200, seed=11, name="Compared").network
    recompute(actor=SYSTEM, network=network)
    run = indicators_run(actor=SYSTEM, network=network, period=EVERYTHING)
    coordinator = make_person("coord@example.org", "Coord")
    accounts.membership_add(
        actor=SYSTEM, organisation=network.backbone, person=coordinator, role=Role.COORDINATOR
    )
    site = Site.objects.filter(network=network).order_by("pk").first()
    staff = make_person("staff@example.org", "Staff")
    accounts.membership_add(
        actor=SYSTEM, organisation=site.member.organisation, person=staff, role=Role.VIEWER
    )
    outsider = make_person("out@example.org", "Out")
    return {"network": network, "run": run, "coordinator": coordinator, "site": site,
            "staff": staff, "outsider": outsider}  # fmt: skip
