"""Psychosocial flags and referrals. A partner's editor may raise a flag (a mentor's
concern must not wait for a psychologist to sign in); only designated people read,
refer and close. Audit entries never carry the note, the trigger or the provider."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor, is_system, person_or_none
from cometa.core.errors import Conflict
from cometa.network.access import may_edit_member, may_read_psychosocial
from cometa.network.codes import FlagSeverity, FlagStatus, FlagTrigger, ReferralService
from cometa.network.models import Participant, PsychosocialFlag, Referral
from cometa.network.services.common import choice, record, require

STEPS = {
    FlagStatus.OPEN: {
        FlagStatus.CONTACTED,
        FlagStatus.REFERRED,
        FlagStatus.CLOSED,
        FlagStatus.DECLINED,
    },
    FlagStatus.CONTACTED: {FlagStatus.REFERRED, FlagStatus.CLOSED, FlagStatus.DECLINED},
    FlagStatus.REFERRED: {FlagStatus.CLOSED},
    FlagStatus.CLOSED: set(),
    FlagStatus.DECLINED: set(),
}


def flag_raise(
    *,
    actor: Actor,
    participant: Participant,
    trigger: str,
    severity: str,
    raised_on: date,
    note: str = "",
) -> PsychosocialFlag:
    member = participant.member
    require(
        may_edit_member(actor, member) or may_read_psychosocial(actor, member),
        _("Only the partner holding her record raises a flag."),
    )
    choice("trigger", trigger, FlagTrigger, _("Unknown trigger “%(value)s”."))
    choice("severity", severity, FlagSeverity, _("Unknown severity “%(value)s”."))
    with transaction.atomic():
        flag = PsychosocialFlag.objects.create(
            member=member,
            participant=participant,
            trigger=trigger,
            severity=severity,
            raised_on=raised_on,
            raised_by=person_or_none(actor),
            note=note.strip(),
        )
        record(
            actor=actor,
            action="psychosocial.raise",
            target=flag,
            organisation_id=member.organisation_id,
        )
    return flag


def referral_add(
    *,
    actor: Actor,
    flag: PsychosocialFlag,
    service: str,
    referred_on: date,
    provider: str = "",
    outcome: str = "",
) -> Referral:
    require(
        is_system(actor) or may_read_psychosocial(actor, flag.member),
        _("Only people designated for psychosocial follow-up refer."),
    )
    choice("service", service, ReferralService, _("Unknown service “%(value)s”."))
    with transaction.atomic():
        referral = Referral.objects.create(
            flag=flag,
            service=service,
            referred_on=referred_on,
            provider=provider.strip(),
            outcome=outcome.strip(),
        )
        if flag.status in (FlagStatus.OPEN, FlagStatus.CONTACTED):
            _move(flag, FlagStatus.REFERRED, referred_on)
        record(
            actor=actor,
            action="psychosocial.refer",
            target=flag,
            organisation_id=flag.member.organisation_id,
        )
    return referral


def flag_move(*, actor: Actor, flag: PsychosocialFlag, status: str, on: date) -> PsychosocialFlag:
    require(
        is_system(actor) or may_read_psychosocial(actor, flag.member),
        _("Only people designated for psychosocial follow-up change a flag."),
    )
    choice("status", status, FlagStatus, _("Unknown status “%(value)s”."))
    if status not in STEPS[FlagStatus(flag.status)]:
        raise Conflict("step_not_allowed", _("The flag cannot move to this status from its own."))
    with transaction.atomic():
        before = flag.status
        _move(flag, status, on)
        record(
            actor=actor,
            action="psychosocial.move",
            target=flag,
            organisation_id=flag.member.organisation_id,
            changes={"status": [before, status]},
        )
    return flag


def _move(flag: PsychosocialFlag, status: str, on: date) -> None:
    flag.status = status
    if flag.first_action_on is None:
        flag.first_action_on = on
    if status in (FlagStatus.CLOSED, FlagStatus.DECLINED):
        flag.closed_on = on
    flag.save(update_fields=["status", "first_action_on", "closed_on"])
