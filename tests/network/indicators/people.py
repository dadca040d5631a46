"""A generated network with a stored run and the people around it, shared by the tests
of the stored indicators' ways out (API, CLI, links, the leak search): the backbone's
coordinator and viewer, a partner's viewer, and an outsider."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Person
from cometa.accounts.roles import Role
from cometa.indicators.periods import custom
from cometa.network.generator.run import generate
from cometa.network.models import IndicatorRun, Member, Network
from cometa.network.services.indicator_runs import indicators_run
from cometa.network.services.indicators import recompute
from tests.conftest import make_person

EVERYTHING = custom(date(2020, 1, 1), date(2027, 12, 31))


@dataclass
class Stored:
    network: Network
    run: IndicatorRun
    partner: Member
    coordinator: Person  # the backbone's
    viewer: Person  # the backbone's
    partner_viewer: Person
    outsider: Person


def _staff(email: str, organisation: object, role: str) -> Person:
    person = make_person(email, email.split("@")[0].title())
    accounts.membership_add(actor=SYSTEM, organisation=organisation, person=person, role=role)
    return person


def stored_network(women: int = 200, seed: int = 5, name: str = "Stored") -> Stored:
    network = generate(women=women, seed=seed, name=name).network
    recompute(actor=SYSTEM, network=network)
    run = indicators_run(actor=SYSTEM, network=network, period=EVERYTHING)
    partner = network.members.exclude(organisation=network.backbone).order_by("pk").first()
    assert partner is not None
    return Stored(
        network=network,
        run=run,
        partner=partner,
        coordinator=_staff(f"coord-{seed}@example.org", network.backbone, Role.COORDINATOR),
        viewer=_staff(f"viewer-{seed}@example.org", network.backbone, Role.VIEWER),
        partner_viewer=_staff(f"partner-{seed}@example.org", partner.organisation, Role.VIEWER),
        outsider=make_person(f"out-{seed}@example.org", "Out"),
    )
