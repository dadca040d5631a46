"""A small Co-Meta-like network shared by the network tests.

ProSociedad is the backbone; CEMEX and ProMéxico are partners. Bea coordinates the
backbone; Pablo coordinates CEMEX, Vera only views CEMEX, Sofía edits for CEMEX and is
designated for psychosocial follow-up there; Quim coordinates ProMéxico. Each partner runs a
centre with one cohort and one mentor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Organisation, Person
from cometa.accounts.models.organisations import OrganisationKind as Kind
from cometa.accounts.roles import Role
from cometa.network.codes import ConsentPurpose as Purpose
from cometa.network.codes import DesignationKind
from cometa.network.models import Cohort, Member, Network, Participant, Staff
from cometa.network.services import delivery, network, participants
from tests.conftest import make_person

START = date(2024, 2, 5)


@dataclass
class Net:
    network: Network
    backbone: Organisation
    cemex: Member
    promexico: Member
    bea: Person  # backbone coordinator
    pablo: Person  # CEMEX coordinator
    vera: Person  # CEMEX viewer
    sofia: Person  # CEMEX editor, psychosocial designation
    quim: Person  # ProMéxico coordinator
    cohort_a: Cohort
    cohort_b: Cohort
    mentor_a: Staff
    mentor_b: Staff

    def register(self, member: Member, name: str = "María José Núñez", **kw) -> Participant:
        actor = self.pablo if member == self.cemex else self.quim
        consents = kw.pop("consents", {Purpose.TAKE_PART: START, Purpose.SHARE_BACKBONE: START})
        return participants.participant_register(
            actor=actor,
            member=member,
            registered_on=START,
            identity={"given_names": name, "phone": "+52 33 1234 5678"},
            consents=consents,
            profile=kw.pop("profile", {"birth_year": 1982, "wg_see": 1}),
        )


def _person(name: str, organisation: Organisation, role: str) -> Person:
    person = make_person(f"{name}@example.org", name.title())
    accounts.membership_add(actor=SYSTEM, organisation=organisation, person=person, role=role)
    return person


def _centre(member: Member, name: str, code: str, pathway) -> tuple[Cohort, Staff]:  # type: ignore[no-untyped-def]
    site = delivery.site_create(
        actor=SYSTEM,
        member=member,
        name=name,
        kind="community_centre",
        state_code="14",
        municipality_code="14120",
        urbanisation="U",
    )
    instructor = delivery.staff_create(
        actor=SYSTEM, member=member, name=f"{code} teacher", role="instructor"
    )
    mentor = delivery.staff_create(
        actor=SYSTEM, member=member, name=f"{code} mentor", role="mentor"
    )
    cohort = delivery.cohort_create(
        actor=SYSTEM,
        site=site,
        pathway=pathway,
        code=code,
        starts_on=START,
        ends_on=date(2024, 8, 30),
        capacity=25,
        instructor=instructor,
    )
    return cohort, mentor


@pytest.fixture
def net(world) -> Net:  # type: ignore[no-untyped-def]
    backbone = accounts.organisation_create(actor=SYSTEM, name="ProSociedad", kind=Kind.BACKBONE)
    cemex_org = accounts.organisation_create(
        actor=SYSTEM, name="CEMEX Centro", kind=Kind.PARTNER, parent=backbone
    )
    promexico_org = accounts.organisation_create(
        actor=SYSTEM, name="Asociación Femenina ProMéxico", kind=Kind.PARTNER, parent=backbone
    )
    bea = _person("bea", backbone, Role.COORDINATOR)
    pablo = _person("pablo", cemex_org, Role.COORDINATOR)
    vera = _person("vera", cemex_org, Role.VIEWER)
    sofia = _person("sofia", cemex_org, Role.EDITOR)
    quim = _person("quim", promexico_org, Role.COORDINATOR)
    the_network = network.network_create(
        actor=bea, name="Co-Meta", backbone=backbone, mentor_limit=2
    )
    cemex = network.member_join(
        actor=bea, network=the_network, organisation=cemex_org, starts_on=START
    )
    promexico = network.member_join(
        actor=bea, network=the_network, organisation=promexico_org, starts_on=START
    )
    network.designation_grant(
        actor=pablo, member=cemex, person=sofia, kind=DesignationKind.PSYCHOSOCIAL
    )
    programme = delivery.programme_create(
        actor=bea,
        network=the_network,
        code="sce",
        name="Second Chance",
        pathways={"entrepreneurship": "Entrepreneurship", "employment": "Employment"},
    )
    pathway = programme.pathways.get(kind="entrepreneurship")
    cohort_a, mentor_a = _centre(cemex, "Centro Comunitario CEMEX", "CMX-24A", pathway)
    cohort_b, mentor_b = _centre(promexico, "Centro ProMéxico Tonalá", "PMX-24A", pathway)
    return Net(
        the_network,
        backbone,
        cemex,
        promexico,
        bea,
        pablo,
        vera,
        sofia,
        quim,
        cohort_a,
        cohort_b,
        mentor_a,
        mentor_b,
    )


from tests.network.story import story  # noqa: E402, F401  (the pages' and API's story)
