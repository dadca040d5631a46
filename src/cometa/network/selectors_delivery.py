"""Reads behind the pages of the network's running: a member's membership periods and
exit survey, meetings and their decisions, sites, cohorts and sessions with attendance,
staff with their training and mentor load.

The rule is the one of the participants, one level up: a partner's staff reach their
own member's sites, cohorts, sessions and staff; the backbone (and platform
administrators) reach every member's, as aggregates where women are concerned; anything
else is "not found" (404), another partner's row included. Meetings are read by everyone
inside the network (the log is shared on purpose)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TypeVar

from django.db.models import Count, Model, Q, QuerySet

from cometa.accounts.models import Person
from cometa.network import states
from cometa.network.access import reach
from cometa.network.codes import EnrolmentStatus
from cometa.network.models import (
    Attendance,
    Cohort,
    Decision,
    Enrolment,
    Meeting,
    Member,
    MemberPeriod,
    Network,
    Session,
    Site,
    Staff,
    TrainingModule,
    TrainingRecord,
)
from cometa.network.rules import Module, ModuleStanding, training_standing
from cometa.network.selectors_network import meetings_for, row_or_404

_Row = TypeVar("_Row", bound=Model)


def _run_by_mine(
    rows: QuerySet[_Row], person: Person, network: Network, to_member: str
) -> QuerySet[_Row]:
    """``rows`` of members the person belongs to; every row for the backbone."""
    where = reach(person, network)
    if where.sees_network:
        return rows
    if not where.member_ids:
        return rows.none()
    return rows.filter(**{f"{to_member}__in": where.member_ids})


def member_running_get(person: Person, network: Network, pk: object) -> Member:
    """A member whose running (periods, exit survey) the person reads: its own staff and
    the backbone; another partner's staff are told it is not found."""
    rows = Member.objects.filter(network=network).select_related("organisation", "network")
    return row_or_404(_run_by_mine(rows, person, network, "pk"), pk, "No such member.")


def periods_of(member: Member) -> QuerySet[MemberPeriod]:
    """A member's periods, newest first, with their exit surveys (read by the caller only
    after ``member_running_get`` let the person in)."""
    return member.periods.select_related("survey").order_by("-starts_on")


def meeting_get(person: Person, network: Network, pk: object) -> Meeting:
    return row_or_404(meetings_for(person, network), pk, "No such meeting.")


def decision_get(person: Person, network: Network, pk: object) -> Decision:
    rows = Decision.objects.filter(meeting__in=meetings_for(person, network))
    return row_or_404(rows.select_related("meeting__network", "owner"), pk, "No such decision.")


def decisions_open_for(person: Person, network: Network) -> QuerySet[Decision]:
    """Follow-ups of meetings not yet done, the earliest due first (no date last)."""
    rows = Decision.objects.filter(meeting__in=meetings_for(person, network), done_on=None)
    return rows.select_related("meeting", "owner__organisation").order_by(
        "due_on", "meeting__held_on", "pk"
    )


def sites_run_for(person: Person, network: Network) -> QuerySet[Site]:
    rows = Site.objects.filter(network=network).select_related("member__organisation")
    return _run_by_mine(rows, person, network, "member_id")


def site_get(person: Person, network: Network, pk: object) -> Site:
    return row_or_404(sites_run_for(person, network), pk, "No such site.")


def cohorts_run_for(person: Person, network: Network) -> QuerySet[Cohort]:
    rows = Cohort.objects.filter(network=network).select_related(
        "site", "pathway", "instructor", "member__organisation"
    )
    counted = rows.annotate(
        current=Count(
            "enrolments",
            filter=Q(
                enrolments__status__in=states.CURRENT,
                enrolments__participant__deleted_at__isnull=True,
            ),
        )
    )
    return _run_by_mine(counted, person, network, "member_id")


def cohort_get(person: Person, network: Network, pk: object) -> Cohort:
    return row_or_404(cohorts_run_for(person, network), pk, "No such cohort.")


def sessions_of(cohort: Cohort) -> QuerySet[Session]:
    """A cohort's sessions with the number of women marked present or late at each."""
    present = Q(attendance__status__in=("present", "late"))
    return cohort.sessions.select_related("instructor").annotate(
        attended=Count("attendance", filter=present), marked=Count("attendance")
    )


def session_get(person: Person, network: Network, pk: object) -> Session:
    cohorts = _run_by_mine(Cohort.objects.filter(network=network), person, network, "member_id")
    rows = Session.objects.filter(cohort__in=cohorts).select_related(
        "cohort__member__network", "cohort__site", "instructor"
    )
    return row_or_404(rows, pk, "No such session.")


def attendance_counts(session: Session) -> Counter[str]:
    """How many women have each mark at the session: what the backbone reads."""
    rows = Attendance.objects.filter(session=session, enrolment__participant__deleted_at=None)
    return Counter(dict(rows.values_list("status").annotate(n=Count("pk")).order_by()))


def attendance_marks(session: Session) -> dict[int, str]:
    """The marks given at the session, by enrolment id."""
    return dict(Attendance.objects.filter(session=session).values_list("enrolment_id", "status"))


def sheet_enrolments(visible: QuerySet[Enrolment], session: Session) -> QuerySet[Enrolment]:
    """The women on a session's attendance sheet: enrolled in its cohort by that day and
    still in it that day (so a sheet taken late still lists those who have left since),
    or already marked for it; among the enrolments the person may see."""
    day = session.held_on
    marked = Attendance.objects.filter(session=session).values("enrolment_id")
    still_in = (
        Q(status__in=states.CURRENT)
        | Q(exited_on__gte=day)
        | Q(status=EnrolmentStatus.TRANSFERRED, status_on__gte=day)
    )
    rows = visible.filter(cohort_id=session.cohort_id, enrolled_on__lte=day)
    rows = rows.filter(still_in | Q(pk__in=marked))
    return rows.select_related("participant__member").order_by("participant__code")


def staff_run_for(person: Person, network: Network) -> QuerySet[Staff]:
    rows = Staff.objects.filter(member__network=network).select_related("member__organisation")
    return _run_by_mine(rows, person, network, "member_id")


def staff_run_get(person: Person, network: Network, pk: object) -> Staff:
    return row_or_404(staff_run_for(person, network), pk, "No such staff member.")


def schema_of(network: Network) -> list[Module]:
    """The network's baseline training schema (readable by everyone inside it)."""
    rows = TrainingModule.objects.filter(network=network).order_by("code")
    return [Module(code, months) for code, months in rows.values_list("code", "refresher_months")]


def training_of_staff(
    staff: list[Staff], modules: list[Module], today: date
) -> dict[int, list[ModuleStanding]]:
    """Where each of ``staff`` (already read through ``staff_run_for``) stands against the
    schema: one query for all of them."""
    taken: dict[int, list[tuple[str, date]]] = {s.pk: [] for s in staff}
    rows = TrainingRecord.objects.filter(staff__in=[s.pk for s in staff])
    for staff_id, code, on in rows.values_list("staff_id", "module__code", "completed_on"):
        taken[staff_id].append((code, on))
    return {pk: training_standing(modules, done, today) for pk, done in taken.items()}


def training_records_of(staff: Staff) -> QuerySet[TrainingRecord]:
    return staff.training.select_related("module").order_by("-completed_on", "-pk")
