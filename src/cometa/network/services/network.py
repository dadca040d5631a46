"""The network and its members: joining with onboarding, leaving with an exit survey, the
shared member page, meetings and decisions, designations."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor, is_system, person_or_none
from cometa.accounts.models import Membership, Organisation, Person
from cometa.accounts.models.organisations import OrganisationKind
from cometa.core.writes import written_once
from cometa.network.access import may_coordinate_member, may_edit_member, may_manage
from cometa.network.codes import AgreementScope, DesignationKind, MeetingKind
from cometa.network.models import (
    Decision,
    Designation,
    ExitSurvey,
    Meeting,
    Member,
    MemberPeriod,
    Network,
)
from cometa.network.services.common import choice, invalid, record, require

PAGE_FIELDS = ("objectives", "targets", "initiatives", "resources_lacking")


def network_create(
    *, actor: Actor, name: str, backbone: Organisation, mentor_limit: int = 15
) -> Network:
    if not is_system(actor) and not actor.is_platform_admin:
        require(
            Membership.objects.filter(
                person=actor, organisation=backbone, role="coordinator"
            ).exists(),
            _("Only a coordinator of the backbone organisation may set up its network."),
        )
    if backbone.kind != OrganisationKind.BACKBONE:
        raise invalid("backbone", _("The organisation holding a network must be a backbone."))
    if not name.strip():
        raise invalid("name", _("A name is required."))
    if mentor_limit < 1:
        raise invalid("mentor_limit", _("A mentor follows at least one woman."))
    with written_once("name", _("This network or backbone already exists.")):
        network = Network.objects.create(
            name=name.strip(), backbone=backbone, mentor_limit=mentor_limit
        )
        record(
            actor=actor,
            action="create",
            target=network,
            organisation_id=backbone.pk,
            changes={"name": [None, network.name]},
        )
    return network


def member_join(
    *, actor: Actor, network: Network, organisation: Organisation, starts_on: date
) -> Member:
    """Adds an organisation (or brings it back) with a new membership period."""
    require(may_manage(actor, network), _("Only the backbone's coordinators add members."))
    with transaction.atomic():
        member, _created = Member.objects.get_or_create(network=network, organisation=organisation)
        if member.periods.filter(ends_on__isnull=True).exists():
            raise invalid("organisation", _("%(org)s is already a member.") % {"org": organisation})
        period = MemberPeriod.objects.create(member=member, starts_on=starts_on)
        record(
            actor=actor,
            action="member.join",
            target=member,
            organisation_id=organisation.pk,
            changes={"period": [None, period.pk], "starts_on": [None, starts_on.isoformat()]},
        )
    return member


def member_onboard(
    *,
    actor: Actor,
    period: MemberPeriod,
    orientation_on: date | None,
    agreement_signed_on: date | None,
    agreement_scope: str,
) -> MemberPeriod:
    """Records the orientation and the data-sharing agreement of a membership period."""
    require(may_manage(actor, period.member.network), _("Only the backbone records onboarding."))
    if agreement_scope:
        choice("agreement_scope", agreement_scope, AgreementScope, _("Unknown scope “%(value)s”."))
    if bool(agreement_scope) != (agreement_signed_on is not None):
        raise invalid("agreement_scope", _("An agreement has both a date and a scope."))
    for field, day in (
        ("orientation_on", orientation_on),
        ("agreement_signed_on", agreement_signed_on),
    ):
        if day is not None and day < period.starts_on:
            raise invalid(field, _("This date comes before the membership began."))
    with transaction.atomic():
        before = {
            "orientation_on": period.orientation_on,
            "agreement_signed_on": period.agreement_signed_on,
            "agreement_scope": period.agreement_scope,
        }
        period.orientation_on, period.agreement_signed_on = orientation_on, agreement_signed_on
        period.agreement_scope = agreement_scope
        period.save(update_fields=list(before))
        after = {k: getattr(period, k) for k in before}
        record(
            actor=actor,
            action="member.onboard",
            target=period,
            organisation_id=period.member.organisation_id,
            changes={k: [str(before[k] or ""), str(after[k] or "")] for k in before},
        )
    return period


def member_leave(*, actor: Actor, member: Member, ends_on: date, reason: str) -> MemberPeriod:
    require(may_manage(actor, member.network), _("Only the backbone ends a membership."))
    with transaction.atomic():
        period = member.periods.select_for_update().filter(ends_on__isnull=True).first()
        if period is None:
            raise invalid("member", _("%(org)s is not a member now.") % {"org": member})
        if ends_on < period.starts_on:
            raise invalid("ends_on", _("The membership cannot end before it began."))
        period.ends_on, period.exit_reason = ends_on, reason.strip()
        period.save(update_fields=["ends_on", "exit_reason"])
        record(
            actor=actor,
            action="member.leave",
            target=member,
            organisation_id=member.organisation_id,
            changes={"ends_on": [None, ends_on.isoformat()]},
        )
    return period


def exit_survey_submit(
    *,
    actor: Actor,
    period: MemberPeriod,
    answered_on: date,
    experience: int,
    felt_heard: bool,
    told_why: bool,
    what_worked: str = "",
    what_to_change: str = "",
) -> ExitSurvey:
    """The leaving member's own answers (its coordinator answers for it)."""
    require(
        may_coordinate_member(actor, period.member),
        _("Only a coordinator of the leaving member answers its exit survey."),
    )
    if period.ends_on is None:
        raise invalid("period", _("The exit survey comes when the membership has ended."))
    if not 1 <= experience <= 5:
        raise invalid("experience", _("Give a number from 1 to 5."))
    with written_once("period", _("This exit survey was already answered.")):
        survey = ExitSurvey.objects.create(
            period=period,
            answered_on=answered_on,
            experience=experience,
            felt_heard=felt_heard,
            told_why=told_why,
            what_worked=what_worked.strip(),
            what_to_change=what_to_change.strip(),
            answered_by=person_or_none(actor),
        )
        record(
            actor=actor,
            action="member.exit_survey",
            target=survey,
            organisation_id=period.member.organisation_id,
        )
    return survey


def member_page_update(*, actor: Actor, member: Member, **fields: str) -> Member:
    """The member's shared page: objectives, targets, initiatives, resources lacking."""
    require(may_edit_member(actor, member), _("Only this member's editors change its page."))
    unknown = set(fields) - set(PAGE_FIELDS)
    if unknown:
        raise invalid(sorted(unknown)[0], _("This field is not on the shared page."))
    with transaction.atomic():
        changed = {
            f: [getattr(member, f), v.strip()]
            for f, v in fields.items()
            if getattr(member, f) != v.strip()
        }
        for field, (_old, new) in changed.items():
            setattr(member, field, new)
        member.page_updated_at = timezone.now()
        member.save(update_fields=[*changed, "page_updated_at"])
        record(
            actor=actor,
            action="member.page",
            target=member,
            organisation_id=member.organisation_id,
            changes=changed,
        )
    return member


def meeting_record(
    *,
    actor: Actor,
    network: Network,
    kind: str,
    held_on: date,
    title: str,
    notes: str = "",
    attendees: list[Member] | None = None,
) -> Meeting:
    choice("kind", kind, MeetingKind, _("Unknown kind of meeting “%(value)s”."))
    require(
        may_manage(actor, network) or any(may_edit_member(actor, m) for m in attendees or []),
        _("Only the backbone or an attending member records a meeting."),
    )
    if not title.strip():
        raise invalid("title", _("A title is required."))
    if any(m.network_id != network.pk for m in attendees or []):
        raise invalid("attendees", _("Every attendee must be a member of this network."))
    with transaction.atomic():
        meeting = Meeting.objects.create(
            network=network,
            kind=kind,
            held_on=held_on,
            title=title.strip(),
            notes=notes.strip(),
            recorded_by=person_or_none(actor),
        )
        meeting.attendees.set(attendees or [])
        record(
            actor=actor,
            action="meeting.record",
            target=meeting,
            organisation_id=network.backbone_id,
            changes={"title": [None, meeting.title]},
        )
    return meeting


def decision_add(
    *,
    actor: Actor,
    meeting: Meeting,
    text: str,
    follow_up: str = "",
    owner: Member | None = None,
    due_on: date | None = None,
) -> Decision:
    require(
        may_manage(actor, meeting.network) or meeting.recorded_by == actor,
        _("Only the backbone or whoever recorded the meeting adds its decisions."),
    )
    if not text.strip():
        raise invalid("text", _("Say what was decided."))
    if owner is not None and owner.network_id != meeting.network_id:
        raise invalid("owner", _("The owner must be a member of this network."))
    with transaction.atomic():
        decision = Decision.objects.create(
            meeting=meeting,
            text=text.strip(),
            follow_up=follow_up.strip(),
            owner=owner,
            due_on=due_on,
        )
        record(
            actor=actor,
            action="meeting.decision",
            target=decision,
            organisation_id=meeting.network.backbone_id,
        )
    return decision


def decision_done(*, actor: Actor, decision: Decision, done_on: date) -> Decision:
    owner_edits = decision.owner is not None and may_edit_member(actor, decision.owner)
    require(
        may_manage(actor, decision.meeting.network) or owner_edits,
        _("Only the backbone or the decision's owner marks it done."),
    )
    with transaction.atomic():
        decision.done_on = done_on
        decision.save(update_fields=["done_on"])
        record(
            actor=actor,
            action="meeting.decision_done",
            target=decision,
            organisation_id=decision.meeting.network.backbone_id,
            changes={"done_on": [None, done_on.isoformat()]},
        )
    return decision


def designation_grant(*, actor: Actor, member: Member, person: Person, kind: str) -> Designation:
    """Names a person of the member for psychosocial follow-up (their coordinator does)."""
    require(
        may_coordinate_member(actor, member),
        _("Only a coordinator of this member designates its people."),
    )
    choice("kind", kind, DesignationKind, _("Unknown designation “%(value)s”."))
    if not Membership.objects.filter(
        person=person, organisation_id=member.organisation_id
    ).exists():
        raise invalid(
            "person",
            _("%(person)s does not belong to %(org)s.") % {"person": person, "org": member},
        )
    with written_once("person", _("%(person)s is already designated.") % {"person": person}):
        designation = Designation.objects.create(member=member, person=person, kind=kind)
        record(
            actor=actor,
            action="designation.grant",
            target=designation,
            organisation_id=member.organisation_id,
            changes={"person": [None, person.pk]},
        )
    return designation
