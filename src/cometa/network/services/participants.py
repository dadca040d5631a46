"""Registering a participant (pseudonymous record, identity apart, consent by purpose),
changing her identity, consent and withdrawal, and passing her record to another member."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.acting import Actor, person_or_none
from cometa.core.errors import ValidationFailed
from cometa.network import schedule, states
from cometa.network.access import may_edit_member
from cometa.network.codes import (
    WG_DOMAINS,
    ConsentPurpose,
    Difficulty,
    Education,
    EnrolmentStatus,
    FollowUpStatus,
    IncomeBand,
    Migration,
    Sex,
    WorkStatus,
)
from cometa.network.models import (
    Consent,
    Enrolment,
    EnrolmentChange,
    FollowUpTask,
    Identity,
    Member,
    Participant,
    PsychosocialFlag,
)
from cometa.network.rules import disability_from
from cometa.network.services.common import choice, invalid, record, require

IDENTITY_FIELDS = ("given_names", "family_names", "phone", "address")
CODED: dict[str, type[models.Choices]] = {
    "sex": Sex,
    "education": Education,
    "migration": Migration,
    "income_band": IncomeBand,
    "work_status": WorkStatus,
}
COUNTS = ("household_size", "children_under_6")
FLAGS = ("literate", "indigenous_self", "indigenous_language", "rural", "head_of_household")
PROFILE_FIELDS = frozenset({"birth_year", *CODED, *COUNTS, *FLAGS, *WG_DOMAINS})
DIFFICULTIES = frozenset(Difficulty.values)
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


def new_code() -> str:
    """A pseudonymous code that says nothing about her: ``XXXX-XXXX`` drawn at random."""
    drawn = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{drawn[:4]}-{drawn[4:]}"


def _clean_profile(profile: Mapping[str, Any], registered_on: date) -> dict[str, Any]:
    unknown = sorted(set(profile) - PROFILE_FIELDS)
    if unknown:
        raise invalid(unknown[0], _("This is not a field of the baseline profile."))
    clean = dict(profile)
    for field, codes in CODED.items():
        if clean.get(field):
            choice(field, clean[field], codes, _("Unknown code “%(value)s”."))
    for field in WG_DOMAINS:
        if clean.get(field) is not None and clean[field] not in DIFFICULTIES:
            raise invalid(field, _("Answer with 1 (no difficulty) to 4 (cannot do at all)."))
    for field in COUNTS:
        if clean.get(field) is not None and not 0 <= clean[field] <= 40:
            raise invalid(field, _("Give a number from 0 to 40."))
    year = clean.get("birth_year")
    if year is not None and not registered_on.year - 100 <= year <= registered_on.year - 12:
        raise invalid("birth_year", _("The year of birth is not plausible for a participant."))
    clean["disability"] = disability_from({f: clean.get(f) for f in WG_DOMAINS})
    return clean


def _clean_identity(identity: Mapping[str, str]) -> dict[str, str]:
    unknown = sorted(set(identity) - set(IDENTITY_FIELDS))
    if unknown:
        raise invalid(unknown[0], _("This is not a field of the identity."))
    clean = {field: str(value).strip() for field, value in identity.items()}
    if not clean.get("given_names"):
        raise invalid("given_names", _("Her given names are required."))
    return clean


def registration_checked(
    *,
    registered_on: date,
    identity: Mapping[str, str],
    consents: Mapping[str, date],
    profile: Mapping[str, Any] | None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """The checks of a registration, shared by ``participant_register`` and the import:
    the profile and the identity as they are stored, or ``ValidationFailed`` naming what
    is wrong with the consents, the profile and the identity at once."""
    found: dict[str, list[str]] = {}
    clean: tuple[Any, ...] = ()
    for check in (
        lambda: _check_consents(consents, registered_on),
        lambda: _clean_profile(profile or {}, registered_on),
        lambda: _clean_identity(identity),
    ):
        try:
            clean += (check(),)
        except ValidationFailed as refusal:
            found |= refusal.errors
    if found:
        raise ValidationFailed(found)
    return clean[1], clean[2]


def _check_consents(consents: Mapping[str, date], registered_on: date) -> None:
    for purpose, given_on in consents.items():
        choice("consents", purpose, ConsentPurpose, _("Unknown consent purpose “%(value)s”."))
        if given_on > registered_on:
            raise invalid("consents", _("Consent is recorded on or before registration."))
    if ConsentPurpose.TAKE_PART not in consents:
        raise invalid("consents", _("She must consent to taking part before she is registered."))


def participant_register(
    *,
    actor: Actor,
    member: Member,
    registered_on: date,
    identity: Mapping[str, str],
    consents: Mapping[str, date],
    profile: Mapping[str, Any] | None = None,
) -> Participant:
    """Registers a woman with the member: her consent to take part is required; her
    identity goes to the restricted table, her profile to the shared record."""
    require(may_edit_member(actor, member), _("Only this member's editors register participants."))
    clean, who = registration_checked(
        registered_on=registered_on, identity=identity, consents=consents, profile=profile
    )
    with transaction.atomic():
        code = new_code()
        while Participant.objects.filter(code=code).exists():
            code = new_code()
        participant = Participant.objects.create(
            network=member.network,
            member=member,
            code=code,
            registered_on=registered_on,
            created_by=person_or_none(actor),
            **clean,
        )
        Identity.objects.create(participant=participant, **who)
        Consent.objects.bulk_create(
            Consent(
                participant=participant, purpose=p, given_on=d, recorded_by=person_or_none(actor)
            )
            for p, d in consents.items()
        )
        record(
            actor=actor,
            action="participant.register",
            target=participant,
            organisation_id=member.organisation_id,
            changes={
                "consents": [None, sorted(consents)],
                **audit.changes_between({}, who, sensitive=IDENTITY_FIELDS),
            },
        )
    return participant


def identity_update(*, actor: Actor, participant: Participant, **fields: str) -> Identity:
    """Changes her name or contact details; the audit entry says which, never to what."""
    require(
        may_edit_member(actor, participant.member),
        _("Only the partner holding her record changes her identity."),
    )
    who = _clean_identity(
        {**{f: getattr(participant.identity, f) for f in IDENTITY_FIELDS}, **fields}
    )
    with transaction.atomic():
        identity = Identity.objects.select_for_update().get(participant=participant)
        before = {f: getattr(identity, f) for f in IDENTITY_FIELDS}
        for field, value in who.items():
            setattr(identity, field, value)
        identity.save()
        record(
            actor=actor,
            action="identity.update",
            target=participant,
            organisation_id=participant.member.organisation_id,
            changes=audit.changes_between(before, who, sensitive=IDENTITY_FIELDS),
        )
    return identity


def consent_record(
    *, actor: Actor, participant: Participant, purpose: str, given_on: date
) -> Consent:
    require(
        may_edit_member(actor, participant.member),
        _("Only the partner holding her record records her consent."),
    )
    choice("purpose", purpose, ConsentPurpose, _("Unknown consent purpose “%(value)s”."))
    with transaction.atomic():
        if Consent.objects.filter(
            participant=participant, purpose=purpose, withdrawn_on__isnull=True
        ).exists():
            raise invalid("purpose", _("She has already given this consent."))
        consent = Consent.objects.create(
            participant=participant,
            purpose=purpose,
            given_on=given_on,
            recorded_by=person_or_none(actor),
        )
        record(
            actor=actor,
            action="consent.give",
            target=consent,
            organisation_id=participant.member.organisation_id,
            changes={"purpose": [None, purpose], "given_on": [None, given_on.isoformat()]},
        )
    return consent


def consent_withdraw(*, actor: Actor, consent: Consent, withdrawn_on: date) -> Consent:
    """Withdrawal; withdrawing consent to take part also stops her pending follow-ups."""
    participant = consent.participant
    require(
        may_edit_member(actor, participant.member),
        _("Only the partner holding her record records a withdrawal."),
    )
    if consent.withdrawn_on is not None:
        raise invalid("consent", _("This consent was already withdrawn."))
    if withdrawn_on < consent.given_on:
        raise invalid("withdrawn_on", _("Consent cannot be withdrawn before it was given."))
    with transaction.atomic():
        consent.withdrawn_on, consent.withdrawn_by = withdrawn_on, person_or_none(actor)
        consent.save(update_fields=["withdrawn_on", "withdrawn_by"])
        stopped = 0
        if consent.purpose == ConsentPurpose.TAKE_PART:
            stopped = FollowUpTask.objects.filter(
                enrolment__participant=participant, status=FollowUpStatus.SCHEDULED
            ).update(status=FollowUpStatus.CONSENT_WITHDRAWN)
        record(
            actor=actor,
            action="consent.withdraw",
            target=consent,
            organisation_id=participant.member.organisation_id,
            changes={"purpose": [consent.purpose, None], "followups_stopped": stopped},
        )
    return consent


def has_consent(participant: Participant, purpose: str) -> bool:
    return Consent.objects.filter(
        participant=participant, purpose=purpose, withdrawn_on__isnull=True
    ).exists()


def participant_transfer(
    *,
    actor: Actor,
    participant: Participant,
    to_member: Member,
    on: date,
    override_reason: str = "",
) -> Participant:
    """Passes her record (identity included) to another member. Needs her consent to the
    transfer, or an override whose reason goes into the audit trail. Her current
    enrolments end as transferred; she is enrolled anew by the receiving member, which
    also takes over her open follow-ups and her psychosocial flags (the former partner no
    longer reads her identity, so could not reach her, and must not find her)."""
    source = participant.member
    require(may_edit_member(actor, source), _("Only the partner holding her record transfers it."))
    if to_member.network_id != participant.network_id or to_member.pk == source.pk:
        raise invalid("to_member", _("Choose another member of the same network."))
    consented = has_consent(participant, ConsentPurpose.TRANSFER)
    if not consented and not override_reason.strip():
        raise invalid(
            "override_reason",
            _("She has not consented to the transfer: give the reason for overriding."),
        )
    with transaction.atomic():
        ended = _end_current_enrolments(actor, participant, on)
        followups_moved = FollowUpTask.objects.filter(
            enrolment__participant=participant, status__in=schedule.ANSWERABLE
        ).update(member=to_member)
        flags_moved = PsychosocialFlag.objects.filter(participant=participant).update(
            member=to_member
        )
        participant.member = to_member
        participant.save(update_fields=["member"])
        record(
            actor=actor,
            action="participant.transfer",
            target=participant,
            organisation_id=source.organisation_id,
            changes={
                "member": [source.pk, to_member.pk],
                "consented": consented,
                "override_reason": override_reason.strip(),
                "enrolments_ended": ended,
                "followups_moved": followups_moved,
                "flags_moved": flags_moved,
            },
        )
    return participant


def _end_current_enrolments(actor: Actor, participant: Participant, on: date) -> int:
    current = list(
        Enrolment.objects.select_for_update().filter(
            participant=participant, status__in=states.CURRENT
        )
    )
    for enrolment in current:
        EnrolmentChange.objects.create(
            enrolment=enrolment,
            from_status=enrolment.status,
            to_status=EnrolmentStatus.TRANSFERRED,
            on=on,
            recorded_by=person_or_none(actor),
        )
        enrolment.status, enrolment.status_on = EnrolmentStatus.TRANSFERRED, on
        enrolment.save(update_fields=["status", "status_on"])
    return len(current)
