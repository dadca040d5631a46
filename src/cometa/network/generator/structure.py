"""The generated network's structure, put in through the network's services (audited as
any set-up is): organisations, the network and its members, centres, the programme and its
pathways, staff and their training, graduation criteria, the survey instruments that come
with Cometa, cohorts and their sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models.organisations import OrganisationKind
from cometa.network.codes import CriterionMethod, PathwayKind, SiteKind, StaffRole, SurveyRound
from cometa.network.generator.layout import START, Layout
from cometa.network.models import (
    Cohort,
    GraduationCriterion,
    Member,
    Network,
    Question,
    Round,
    Session,
    Site,
    Staff,
    TrainingRecord,
)
from cometa.network.services import delivery, network, surveys

TRAINING = (  # the baseline training schema the seed asks for, with refresher intervals
    ("graduation_model", "The graduation model", 24),
    ("network_model", "The network and community model", None),
    ("gender_perspective", "The gender perspective", 24),
    ("unconscious_bias", "Unconscious bias around gender and social status", 12),
)
CRITERIA = (
    ("attendance_80", "Attended at least 80 % of sessions", True, CriterionMethod.COMPUTED),
    ("plan_written", "Wrote her business or work plan", True, CriterionMethod.VERIFIED),
    ("next_step", "Has a next step (job, business, school)", False, CriterionMethod.SELF_REPORT),
    ("seen_at_work", "Seen at work or in her business on a visit", False, CriterionMethod.OBSERVED),
)


@dataclass
class Built:
    network: Network
    members: list[Member]
    sites: list[Site]
    mentors: dict[int, list[Staff]] = field(default_factory=dict)  # by centre index
    teachers: dict[int, Staff] = field(default_factory=dict)  # by centre index
    cohorts: list[Cohort] = field(default_factory=list)
    sessions: dict[int, list[int]] = field(default_factory=dict)  # cohort pk -> session pks
    criteria: list[GraduationCriterion] = field(default_factory=list)
    endline: Round | None = None
    endline_questions: dict[str, int] = field(default_factory=dict)  # name -> question pk


def _members(name: str, plan: Layout) -> tuple[Network, list[Member]]:
    backbone = accounts.organisation_create(
        actor=SYSTEM, name=f"{name} backbone", kind=OrganisationKind.BACKBONE, country="MEX"
    )
    the_network = network.network_create(
        actor=SYSTEM, name=name, backbone=backbone, mentor_limit=15
    )
    members = []
    for partner in plan.partners:
        organisation = accounts.organisation_create(
            actor=SYSTEM,
            name=f"{partner} – {name}",
            kind=OrganisationKind.PARTNER,
            parent=backbone,
            country="MEX",
        )
        members.append(
            network.member_join(
                actor=SYSTEM, network=the_network, organisation=organisation, starts_on=START
            )
        )
    return the_network, members


def _staff(built: Built, plan: Layout) -> None:
    modules = [
        delivery.training_module_create(
            actor=SYSTEM, network=built.network, code=code, name=title, refresher_months=months
        )
        for code, title, months in TRAINING
    ]
    records = []
    for centre in plan.centres:
        member = built.members[centre.partner]
        people = [
            delivery.staff_create(
                actor=SYSTEM, member=member, name=f"Mentora {centre.index + 1}.{number + 1}",
                role=StaffRole.MENTOR,
            )
            for number in range(centre.mentors)
        ]  # fmt: skip
        built.mentors[centre.index] = people
        teacher = delivery.staff_create(
            actor=SYSTEM, member=member, name=f"Instructora {centre.index + 1}",
            role=StaffRole.INSTRUCTOR,
        )  # fmt: skip
        built.teachers[centre.index] = teacher
        for number, person in enumerate([teacher, *people]):
            for place, module in enumerate(modules):
                if (centre.index + number + place) % 7:  # some training is missing
                    day = START - timedelta(days=30 + 90 * place)
                    records.append(TrainingRecord(staff=person, module=module, completed_on=day))
    TrainingRecord.objects.bulk_create(records)


def _cohorts(built: Built, plan: Layout) -> None:
    programme = delivery.programme_create(
        actor=SYSTEM,
        network=built.network,
        code="SCE",
        name="Segunda Oportunidad",
        pathways={kind.value: str(kind.label) for kind in PathwayKind},
    )
    pathways = {pathway.kind: pathway for pathway in programme.pathways.all()}
    for cohort in plan.cohorts:
        site = built.sites[cohort.centre]
        made = delivery.cohort_create(
            actor=SYSTEM,
            site=site,
            pathway=pathways[cohort.pathway],
            code=cohort.code,
            starts_on=cohort.starts_on,
            ends_on=cohort.ends_on,
            capacity=max(cohort.women, 25),
            instructor=built.teachers[cohort.centre],
        )
        built.cohorts.append(made)
    Session.objects.bulk_create(
        Session(cohort=made, held_on=day, instructor_id=made.instructor_id)
        for made, cohort in zip(built.cohorts, plan.cohorts, strict=True)
        for day in cohort.sessions
    )
    for cohort_pk, session_pk in (
        Session.objects.filter(cohort__network=built.network)
        .order_by("cohort_id", "held_on")
        .values_list("cohort_id", "pk")
    ):
        built.sessions.setdefault(cohort_pk, []).append(session_pk)


def build(name: str, plan: Layout) -> Built:
    the_network, members = _members(name, plan)
    built = Built(network=the_network, members=members, sites=[])
    for centre in plan.centres:
        built.sites.append(
            delivery.site_create(
                actor=SYSTEM,
                member=members[centre.partner],
                name=centre.name,
                kind=SiteKind.COMMUNITY_CENTRE,
                state_code="14",
                municipality_code=centre.municipality_code,
                urbanisation=centre.urbanisation,
            )
        )
    _staff(built, plan)
    built.criteria = GraduationCriterion.objects.bulk_create(
        GraduationCriterion(network=the_network, code=code, name=title, essential=essential,
                            method=method)
        for code, title, essential, method in CRITERIA
    )  # fmt: skip
    surveys.instruments_install(actor=SYSTEM, network=the_network)
    built.endline = Round.objects.get(network=the_network, round=SurveyRound.ENDLINE)
    built.endline_questions = dict(
        Question.objects.filter(instrument=built.endline.instrument).values_list("name", "pk")
    )
    _cohorts(built, plan)
    return built
