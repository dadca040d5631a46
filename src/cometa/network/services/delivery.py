"""Sites, programmes and pathways, staff and training, cohorts, sessions, attendance."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor
from cometa.accounts.models import Person
from cometa.core.writes import written_once
from cometa.network.access import may_edit_member, may_manage
from cometa.network.codes import AttendanceStatus, PathwayKind, SiteKind, StaffRole, Urbanisation
from cometa.network.models import (
    Attendance,
    Cohort,
    Enrolment,
    Member,
    Network,
    Pathway,
    Programme,
    Session,
    Site,
    Staff,
    TrainingModule,
    TrainingRecord,
)
from cometa.network.services.common import (
    TEACHING,
    choice,
    invalid,
    record,
    require,
    staff_of,
)


def _check_place(state_code: str, municipality_code: str) -> None:
    if not (state_code.isdigit() and len(state_code) == 2):
        raise invalid("state_code", _("The state is its two-digit INEGI code, such as 14."))
    if not (
        municipality_code.isdigit()
        and len(municipality_code) == 5
        and municipality_code.startswith(state_code)
    ):
        raise invalid(
            "municipality_code",
            _("The municipality is its five-digit INEGI code, starting with the state's."),
        )


def site_create(
    *,
    actor: Actor,
    member: Member,
    name: str,
    kind: str,
    state_code: str,
    municipality_code: str,
    urbanisation: str,
) -> Site:
    require(
        may_edit_member(actor, member) or may_manage(actor, member.network),
        _("Only the member running the site or the backbone adds it."),
    )
    choice("kind", kind, SiteKind, _("Unknown kind of site “%(value)s”."))
    choice(
        "urbanisation",
        urbanisation,
        Urbanisation,
        _("Use U (urban) or R (rural), not “%(value)s”."),
    )
    _check_place(state_code, municipality_code)
    with written_once("name", _("The network already has a site of this name.")):
        site = Site.objects.create(
            network=member.network,
            member=member,
            name=name.strip(),
            kind=kind,
            state_code=state_code,
            municipality_code=municipality_code,
            urbanisation=urbanisation,
        )
        record(
            actor=actor,
            action="site.create",
            target=site,
            organisation_id=member.organisation_id,
            changes={"name": [None, site.name]},
        )
    return site


def programme_create(
    *, actor: Actor, network: Network, code: str, name: str, pathways: Mapping[str, str]
) -> Programme:
    """A programme with its pathways ({pathway kind: name})."""
    require(may_manage(actor, network), _("Only the backbone's coordinators define programmes."))
    for kind in pathways:
        choice("pathways", kind, PathwayKind, _("Unknown pathway “%(value)s”."))
    if not code.strip() or not name.strip():
        raise invalid("code", _("A programme has a code and a name."))
    with written_once("code", _("The network already has a programme with this code.")):
        programme = Programme.objects.create(
            network=network, code=code.strip().upper(), name=name.strip()
        )
        Pathway.objects.bulk_create(
            Pathway(programme=programme, kind=kind, name=label.strip())
            for kind, label in pathways.items()
        )
        record(
            actor=actor,
            action="programme.create",
            target=programme,
            organisation_id=network.backbone_id,
            changes={"code": [None, programme.code], "pathways": [None, sorted(pathways)]},
        )
    return programme


def staff_create(
    *,
    actor: Actor,
    member: Member,
    name: str,
    role: str,
    person: Person | None = None,
    mentor_limit: int | None = None,
) -> Staff:
    require(may_edit_member(actor, member), _("Only this member's editors add its staff."))
    choice("role", role, StaffRole, _("Unknown staff role “%(value)s”."))
    if not name.strip():
        raise invalid("name", _("A name is required."))
    if mentor_limit is not None and mentor_limit < 1:
        raise invalid("mentor_limit", _("A mentor follows at least one woman."))
    if (
        person is not None
        and not person.memberships.filter(organisation_id=member.organisation_id).exists()
    ):
        raise invalid("person", _("This account does not belong to the member's organisation."))
    with transaction.atomic():
        staff = Staff.objects.create(
            member=member, name=name.strip(), role=role, person=person, mentor_limit=mentor_limit
        )
        record(
            actor=actor,
            action="staff.create",
            target=staff,
            organisation_id=member.organisation_id,
            changes={"role": [None, role]},
        )
    return staff


def training_module_create(
    *, actor: Actor, network: Network, code: str, name: str, refresher_months: int | None
) -> TrainingModule:
    """A module of the baseline training schema every staff member takes."""
    require(
        may_manage(actor, network), _("Only the backbone's coordinators set the training schema.")
    )
    if refresher_months is not None and refresher_months < 1:
        raise invalid("refresher_months", _("A refresher interval is at least one month."))
    with written_once("code", _("The schema already has a module with this code.")):
        module = TrainingModule.objects.create(
            network=network,
            code=code.strip().upper(),
            name=name.strip(),
            refresher_months=refresher_months,
        )
        record(
            actor=actor,
            action="training.module",
            target=module,
            organisation_id=network.backbone_id,
            changes={"code": [None, module.code]},
        )
    return module


def training_record(
    *, actor: Actor, staff: Staff, module: TrainingModule, completed_on: date, today: date
) -> TrainingRecord:
    require(
        may_edit_member(actor, staff.member) or may_manage(actor, staff.member.network),
        _("Only the staff member's organisation or the backbone records training."),
    )
    if module.network_id != staff.member.network_id:
        raise invalid("module", _("This module belongs to another network."))
    if completed_on > today:
        raise invalid("completed_on", _("Training cannot be recorded before it happens."))
    with transaction.atomic():
        done = TrainingRecord.objects.create(staff=staff, module=module, completed_on=completed_on)
        record(
            actor=actor,
            action="training.record",
            target=done,
            organisation_id=staff.member.organisation_id,
            changes={
                "module": [None, module.code],
                "completed_on": [None, completed_on.isoformat()],
            },
        )
    return done


def cohort_create(
    *,
    actor: Actor,
    site: Site,
    pathway: Pathway,
    code: str,
    starts_on: date,
    ends_on: date,
    capacity: int,
    instructor: Staff | None = None,
) -> Cohort:
    require(
        may_edit_member(actor, site.member), _("Only the member running the site opens cohorts.")
    )
    if pathway.programme.network_id != site.network_id:
        raise invalid("pathway", _("This pathway belongs to another network."))
    if ends_on < starts_on:
        raise invalid("ends_on", _("The cohort ends before it starts."))
    if capacity < 1:
        raise invalid("capacity", _("A cohort has at least one place."))
    staff_of(
        "instructor",
        instructor,
        member_id=site.member_id,
        roles=TEACHING,
        message=_("The instructor must be an instructor of the member running the site."),
    )
    with written_once("code", _("The network already has a cohort with this code.")):
        cohort = Cohort.objects.create(
            network=site.network,
            member=site.member,
            site=site,
            pathway=pathway,
            code=code.strip().upper(),
            starts_on=starts_on,
            ends_on=ends_on,
            capacity=capacity,
            instructor=instructor,
        )
        record(
            actor=actor,
            action="cohort.create",
            target=cohort,
            organisation_id=site.member.organisation_id,
            changes={"code": [None, cohort.code]},
        )
    return cohort


def session_create(
    *,
    actor: Actor,
    cohort: Cohort,
    held_on: date,
    topic: str = "",
    instructor: Staff | None = None,
) -> Session:
    require(may_edit_member(actor, cohort.member), _("Only the cohort's member records sessions."))
    if not cohort.starts_on <= held_on <= cohort.ends_on:
        raise invalid("held_on", _("The session falls outside the cohort's dates."))
    staff_of(
        "instructor",
        instructor,
        member_id=cohort.member_id,
        roles=TEACHING,
        message=_("The instructor must be an instructor of the member running the site."),
    )
    with transaction.atomic():
        session = Session.objects.create(
            cohort=cohort,
            held_on=held_on,
            topic=topic.strip(),
            instructor=instructor or cohort.instructor,
        )
        record(
            actor=actor,
            action="session.create",
            target=session,
            organisation_id=cohort.member.organisation_id,
        )
    return session


def attendance_record(*, actor: Actor, session: Session, marks: Mapping[int, str]) -> int:
    """Marks attendance ({enrolment id: status}) for a session; a second mark of the same
    woman replaces the first. Returns how many were marked."""
    cohort = session.cohort
    require(
        may_edit_member(actor, cohort.member), _("Only the cohort's member records attendance.")
    )
    for status in marks.values():
        choice("marks", status, AttendanceStatus, _("Unknown attendance mark “%(value)s”."))
    enrolled = set(
        Enrolment.objects.filter(cohort=cohort, pk__in=marks).values_list("pk", flat=True)
    )
    stray = sorted(set(marks) - enrolled)
    if stray:
        raise invalid("marks", _("Enrolment %(id)s is not in this cohort.") % {"id": stray[0]})
    with transaction.atomic():
        Attendance.objects.filter(session=session, enrolment_id__in=marks).delete()
        Attendance.objects.bulk_create(
            Attendance(session=session, enrolment_id=pk, status=status)
            for pk, status in marks.items()
        )
        record(
            actor=actor,
            action="attendance.record",
            target=session,
            organisation_id=cohort.member.organisation_id,
            changes={"marked": len(marks)},
        )
    return len(marks)


def mentor_limit_set(*, actor: Actor, network: Network, mentor_limit: int) -> Network:
    """The network's limit of women followed per mentor (a mentor's own limit wins)."""
    require(may_manage(actor, network), _("Only the backbone's coordinators set the limit."))
    if mentor_limit < 1:
        raise invalid("mentor_limit", _("A mentor follows at least one woman."))
    with transaction.atomic():
        before = network.mentor_limit
        network.mentor_limit = mentor_limit
        network.save(update_fields=["mentor_limit"])
        record(
            actor=actor,
            action="mentor_limit",
            target=network,
            organisation_id=network.backbone_id,
            changes={"mentor_limit": [before, mentor_limit]},
        )
    return network
