"""Reads of participant data, scoped by the acting person (rules in ``access``).

A row outside the person's reach answers 404 (``Http404``), never 403, so another
partner's participant is simply not found. Every read that returns an identity or a
psychosocial flag writes an audit entry.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import reduce
from typing import TypeVar

from django.db import transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    IntegerField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from cometa.accounts import audit
from cometa.accounts.models import Person
from cometa.network import states
from cometa.network.access import (
    may_coordinate_member,
    may_read_identity,
    may_read_psychosocial,
    reach,
)
from cometa.network.codes import AttemptResult, ConsentPurpose, FollowUpStatus, StaffRole
from cometa.network.models import (
    Consent,
    ContactAttempt,
    Enrolment,
    FollowUpTask,
    GraduationCriterion,
    Identity,
    Network,
    Participant,
    PsychosocialFlag,
    Staff,
)
from cometa.network.rules import MentorLoad, mentor_loads
from cometa.network.schedule import UNREACHABLE_AFTER, Standing
from cometa.network.selectors_network import row_or_404

_Row = TypeVar("_Row", bound=Model)


def _shared_with_backbone(participant_ref: str) -> Exists:
    return Exists(
        Consent.objects.filter(
            participant_id=OuterRef(participant_ref),
            purpose=ConsentPurpose.SHARE_BACKBONE,
            withdrawn_on__isnull=True,
        )
    )


def _visible(rows: QuerySet[_Row], person: Person, network: Network, to_her: str) -> QuerySet[_Row]:
    """``rows`` of ``network`` narrowed to what the person may see; ``to_her`` is the path
    from a row to its participant ("" for a participant itself).

    Partner staff see their member's rows about women their member holds *now*: after a
    transfer, her enrolments and follow-ups with the former partner are no longer its to
    read. The backbone sees the rows of women who consented to sharing with it."""
    where = reach(person, network)
    if not where.inside:
        return rows.none()
    rows = rows.filter(
        **{f"{to_her}__deleted_at__isnull" if to_her else "deleted_at__isnull": True}
    )
    shown = []
    if where.member_ids:
        own = Q(member_id__in=where.member_ids)
        if to_her:
            own &= Q(**{f"{to_her}__member_id__in": where.member_ids})
        shown.append(own)
    if where.sees_network:
        shown.append(Q(_shared_with_backbone(to_her or "pk")))
    return rows.filter(reduce(operator.or_, shown))


def participants_for(person: Person, network: Network) -> QuerySet[Participant]:
    """Pseudonymous records: never joined to identities here."""
    return _visible(Participant.objects.filter(network=network), person, network, "")


def participant_get(person: Person, network: Network, key: object) -> Participant:
    """By id or by code; 404 for anything the person may not see."""
    rows = participants_for(person, network).select_related("member__organisation", "network")
    text = str(key).strip()
    try:
        return rows.get(pk=int(text)) if text.isdigit() else rows.get(code=text.upper())
    except Participant.DoesNotExist:
        raise Http404("No such participant.") from None


def removed_participant_get(person: Person, network: Network, key: object) -> Participant:
    """A removed (not erased) record, for the coordinators of the partner holding her, who
    may put it back; "not found" for anyone else and for any record not removed."""
    rows = Participant.objects.filter(
        network=network, deleted_at__isnull=False, erased_at__isnull=True
    ).select_related("member__organisation", "member__network")
    text = str(key).strip()
    try:
        found = rows.get(pk=int(text)) if text.isdigit() else rows.get(code=text.upper())
    except Participant.DoesNotExist:
        raise Http404("No such participant.") from None
    if not may_coordinate_member(person, found.member):
        raise Http404("No such participant.")
    return found


def removed_for(person: Person, network: Network, since: datetime) -> QuerySet[Participant]:
    """Records removed after ``since`` (and not erased) that the person may put back: those
    of the partners the person coordinates."""
    where = reach(person, network)
    return Participant.objects.filter(
        network=network,
        member_id__in=where.coordinator_of,
        deleted_at__gte=since,
        erased_at__isnull=True,
    ).order_by("-deleted_at")


def enrolments_for(person: Person, network: Network) -> QuerySet[Enrolment]:
    return _visible(Enrolment.objects.filter(network=network), person, network, "participant")


def enrolment_get(person: Person, network: Network, pk: object) -> Enrolment:
    rows = enrolments_for(person, network).select_related("participant", "cohort", "member")
    return row_or_404(rows, pk, "No such enrolment.")


def followups_for(person: Person, network: Network) -> QuerySet[FollowUpTask]:
    rows = FollowUpTask.objects.filter(enrolment__network=network)
    return _visible(rows, person, network, "enrolment__participant")


def followup_get(person: Person, network: Network, pk: object) -> FollowUpTask:
    rows = followups_for(person, network).select_related("enrolment__participant", "member")
    return row_or_404(rows, pk, "No such follow-up.")


FAILED_ATTEMPTS = (AttemptResult.NO_ANSWER, AttemptResult.WRONG_NUMBER)


def _failed() -> Coalesce:
    """A task's failed contact attempts, counted by a correlated subquery (a join and a
    GROUP BY over every task would be slower and would turn the filters into HAVING)."""
    counted = (
        ContactAttempt.objects.filter(task_id=OuterRef("pk"), result__in=FAILED_ATTEMPTS)
        .order_by()
        .values("task_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def standing_case(today: date) -> Case:
    """``schedule.standing`` as a database expression over a task annotated with
    ``failed``: the same tests in the same order, so the database and Python agree."""
    return Case(
        When(~Q(status=FollowUpStatus.SCHEDULED), then=Value(Standing.CLOSED)),
        When(closes_on__lt=today, then=Value(Standing.MISSED)),
        When(failed__gte=UNREACHABLE_AFTER, then=Value(Standing.UNREACHABLE)),
        When(opens_on__gt=today, then=Value(Standing.NOT_YET)),
        When(due_on__gt=today, then=Value(Standing.OPEN)),
        When(closes_on__lt=today + timedelta(days=7), then=Value(Standing.OVERDUE)),
        default=Value(Standing.DUE),
        output_field=CharField(),
    )


def followups_with_failed(
    person: Person, network: Network, today: date | None = None
) -> QuerySet[FollowUpTask]:
    """``followups_for`` with ``failed``, each task's number of failed contact attempts,
    and, given ``today``, ``standing``: where the task stands that day."""
    rows = (
        followups_for(person, network)
        .annotate(failed=_failed())
        .select_related("enrolment__participant", "enrolment__cohort")
    )
    if today is not None:
        rows = rows.annotate(standing=standing_case(today))
    return rows


def worklist_for(
    person: Person, network: Network, today: date, standing: str = ""
) -> QuerySet[FollowUpTask]:
    """Open follow-ups whose window has opened by ``today`` (missed ones included), the
    oldest due first, each with its ``standing`` (due, overdue, unreachable, ...) worked
    out in the database; ``standing`` keeps only the tasks standing so."""
    rows = followups_with_failed(person, network, today).filter(
        status=FollowUpStatus.SCHEDULED, opens_on__lte=today
    )
    if standing:
        rows = rows.filter(Q(standing=standing))  # annotated by followups_with_failed
    return rows.order_by("due_on", "pk")


def criteria_in_use(network: Network) -> QuerySet[GraduationCriterion]:
    """The network's graduation criteria in use (not personal: anyone inside reads them)."""
    return GraduationCriterion.objects.filter(network=network, in_use=True).order_by("code")


def identity_get(person: Person, participant: Participant) -> Identity:
    """Her name and contact details, for the holding partner's editors; the read is
    audited. Anyone else (the backbone included) is told there is nothing here."""
    if participant.deleted_at is not None or not may_read_identity(person, participant.member):
        raise Http404("No such identity.")
    try:
        identity = Identity.objects.get(participant=participant)
    except Identity.DoesNotExist:
        raise Http404("No such identity.") from None
    _audit_read(person, "network.identity.read", [participant])
    return identity


def identities_for(person: Person, participants: Iterable[Participant]) -> dict[int, Identity]:
    """Identities of a list (a partner's page of participants), one audit entry for the
    lot; participants the person may not read are left out. The person's reach is read
    once per network, not once per participant."""
    listed = list(participants)
    networks = Network.objects.in_bulk({p.network_id for p in listed})
    editor_of = {pk for net in networks.values() for pk in reach(person, net).editor_of}
    readable = [p for p in listed if p.member_id in editor_of and p.deleted_at is None]
    if not readable:
        return {}
    found = Identity.objects.in_bulk([p.pk for p in readable])
    _audit_read(person, "network.identity.read", [p for p in readable if p.pk in found])
    return found


def flags_for(person: Person, participant: Participant) -> list[PsychosocialFlag]:
    """Psychosocial flags with their referrals, for the people the holding partner
    designated; for everyone else an empty list, whether or not flags exist."""
    if participant.deleted_at is not None or not may_read_psychosocial(person, participant.member):
        return []
    flags = list(
        PsychosocialFlag.objects.filter(participant=participant).prefetch_related("referrals")
    )
    if flags:
        _audit_read(person, "network.psychosocial.read", [participant])
    return flags


def flag_get(person: Person, network: Network, pk: object) -> PsychosocialFlag:
    """One flag, for the people designated by the partner holding her now (as ``flags_for``)."""
    rows = PsychosocialFlag.objects.filter(member__network=network).select_related(
        "participant__member__network", "member__network"
    )
    flag = row_or_404(rows, pk, "No such flag.")
    holder = flag.participant.member
    if flag.participant.deleted_at is not None:
        raise Http404("No such flag.")
    if holder.pk != flag.member_id or not may_read_psychosocial(person, holder):
        raise Http404("No such flag.")
    return flag


def flag_read(person: Person, network: Network, pk: object) -> PsychosocialFlag:
    """``flag_get`` for showing the flag (its note, referrals): the reading is audited."""
    flag = flag_get(person, network, pk)
    _audit_read(person, "network.psychosocial.read", [flag.participant])
    return flag


def _audit_read(person: Person, action: str, participants: list[Participant]) -> None:
    if not participants:
        return
    first = participants[0]
    with transaction.atomic():
        audit.record(
            actor=person,
            action=action,
            target=first if len(participants) == 1 else None,
            object_type="network.participant",
            changes={"participants": [p.code for p in participants]},
            organisation_id=first.member.organisation_id,
        )


def mentor_load_for(person: Person, network: Network) -> list[MentorLoad]:
    """Women currently followed by each active mentor the person may see (their own
    members' mentors; every mentor for the backbone), heaviest first."""
    where = reach(person, network)
    if not where.inside:
        return []
    mentors = Staff.objects.filter(member__network=network, role=StaffRole.MENTOR, is_active=True)
    if not where.sees_network:
        mentors = mentors.filter(member_id__in=where.member_ids)
    counted = mentors.annotate(
        followed=Count(
            "mentees",
            filter=Q(
                mentees__status__in=states.CURRENT,
                mentees__participant__deleted_at__isnull=True,
            ),
        )
    ).values_list("pk", "followed", "mentor_limit")
    followed = {pk: n for pk, n, _ in counted}
    overrides = {pk: limit for pk, _, limit in counted if limit}
    return mentor_loads(followed, network.mentor_limit, overrides)
