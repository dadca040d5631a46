"""The shared-measurement demo: the small generated Co-Meta-like network (1,500 invented
women over three years, ``cometa network generate``), and two demo people inside it —
Lucía coordinates its backbone (pseudonymous records only), Marta edits for its first
partner and is designated for psychosocial follow-up there. Built once: a network of
that name that exists is left as it is. Its common indicators are computed and stored
as the recompute job would (the latest year in full, each year's headline for the
trends), so the dashboard has values to show."""

from __future__ import annotations

from collections.abc import Callable

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Person
from cometa.accounts.roles import Role
from cometa.demo.accounts import DOMAIN
from cometa.network.codes import DesignationKind
from cometa.network.generator.run import generate
from cometa.network.indicator_jobs import years
from cometa.network.models import IndicatorRun, Member, Network
from cometa.network.services import network as network_services
from cometa.network.services.indicator_runs import indicators_run
from cometa.network.services.indicators import recompute

NAME = "Co-Meta Jalisco (demo)"
WOMEN = 1_500
SEED = 2026


def build_network(step: Callable[[str], None]) -> None:
    if not Network.objects.filter(name=NAME).exists():
        built = generate(women=WOMEN, seed=SEED, name=NAME).network
        _people(built)
        _indicators(built)
    step("shared measurement network")


def _indicators(built: Network) -> None:
    recompute(actor=SYSTEM, network=built)
    spanned = years(built)
    for each in spanned[:-1]:
        indicators_run(actor=SYSTEM, network=built, period=each, scope=IndicatorRun.Scope.HEADLINE)
    if spanned:
        indicators_run(actor=SYSTEM, network=built, period=spanned[-1])


def _person(account: str) -> Person | None:
    return Person.objects.filter(email=f"{account}@{DOMAIN}").first()


def _people(built: Network) -> None:
    lucia, marta = _person("lucia"), _person("marta")
    if lucia is not None:
        accounts.membership_add(
            actor=SYSTEM, organisation=built.backbone, person=lucia, role=Role.COORDINATOR
        )
    partner = (
        Member.objects.filter(network=built)
        .exclude(organisation=built.backbone)
        .order_by("pk")
        .first()
    )
    if marta is not None and partner is not None:
        accounts.membership_add(
            actor=SYSTEM, organisation=partner.organisation, person=marta, role=Role.EDITOR
        )
        network_services.designation_grant(
            actor=SYSTEM, member=partner, person=marta, kind=DesignationKind.PSYCHOSOCIAL
        )
