"""Participants: the pseudonymous shared record with her baseline profile, her identity
in a separate restricted table, and her consent by purpose."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.network.codes import (
    CODE_LENGTH,
    ConsentPurpose,
    Difficulty,
    Education,
    IncomeBand,
    Migration,
    Sex,
    WorkStatus,
)
from cometa.network.models.network import Member, Network

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

_PERSON = settings.AUTH_USER_MODEL


def _difficulty(label: StrOrPromise) -> models.PositiveSmallIntegerField[int | None, int | None]:
    return models.PositiveSmallIntegerField(label, choices=Difficulty.choices, null=True)


def _code(label: StrOrPromise, choices: Any) -> models.CharField[str, str]:
    return models.CharField(label, max_length=CODE_LENGTH, choices=choices, blank=True)


class Participant(models.Model):
    """The shared record of one woman: a pseudonymous code and the baseline profile taken
    at registration. ``member`` is the partner that holds her identity. Values that change
    (work, income) are measured again at follow-ups; these are the baseline."""

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="participants")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="participants")
    code = models.CharField(_("code"), max_length=16, unique=True)
    registered_on = models.DateField(_("registered on"))
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True)
    sex = models.CharField(_("sex"), max_length=2, choices=Sex.choices, default=Sex.FEMALE)
    education = _code(_("highest education"), Education.choices)
    literate = models.BooleanField(_("reads and writes a simple message"), null=True)
    wg_see = _difficulty(_("difficulty seeing"))
    wg_hear = _difficulty(_("difficulty hearing"))
    wg_walk = _difficulty(_("difficulty walking or climbing steps"))
    wg_cognition = _difficulty(_("difficulty remembering or concentrating"))
    wg_selfcare = _difficulty(_("difficulty with self-care"))
    wg_communicate = _difficulty(_("difficulty communicating"))
    disability = models.BooleanField(_("disability (Washington Group cut-off)"), null=True)
    indigenous_self = models.BooleanField(_("considers herself indigenous"), null=True)
    indigenous_language = models.BooleanField(_("speaks an indigenous language"), null=True)
    migration = _code(_("migration"), Migration.choices)
    rural = models.BooleanField(_("lives in a rural locality"), null=True)
    household_size = models.PositiveSmallIntegerField(_("people in the household"), null=True)
    children_under_6 = models.PositiveSmallIntegerField(_("children under 6"), null=True)
    head_of_household = models.BooleanField(_("head of household"), null=True)
    income_band = _code(_("household income"), IncomeBand.choices)
    work_status = _code(_("work status"), WorkStatus.choices)
    created_by = models.ForeignKey(_PERSON, null=True, on_delete=models.SET_NULL, related_name="+")
    # Removed from every path (a duplicate, a record made in error); can be put back for
    # ``services.erasure.UNDO_DAYS`` days, then erased by the purge.
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        _PERSON, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Her identity and answers are gone for good; the pseudonymous skeleton (dates of
    # enrolment, attendance marks) stays so that counts already reported still add up.
    erased_at = models.DateTimeField(null=True, blank=True)
    # Where an imported record came from: importing the same file again finds her by these.
    source_system = models.CharField(_("source system"), max_length=40, blank=True)
    source_id = models.CharField(_("id in the source system"), max_length=100, blank=True)

    class Meta:
        ordering = ["code"]
        indexes = [
            models.Index(fields=["network", "member"], name="participant_net_member"),
            models.Index(fields=["network", "registered_on"], name="participant_net_day"),
            # an import finds her by source id (the unique index below is partial, and
            # databases use a partial index only when the query repeats its condition)
            models.Index(fields=["member", "source_id"], name="participant_member_source"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "source_system", "source_id"],
                condition=~models.Q(source_id=""),
                name="participant_source_once",
            )
        ]

    def __str__(self) -> str:
        return self.code  # never her name: this string ends up in the audit trail


class Identity(models.Model):
    """Her name and how to reach her. Read only by the holding partner's staff, each read
    audited; the backbone never reads it."""

    participant = models.OneToOneField(
        Participant, primary_key=True, on_delete=models.CASCADE, related_name="identity"
    )
    given_names = models.CharField(_("given names"), max_length=150)
    family_names = models.CharField(_("family names"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"identity of {self.participant_id}"


class Consent(models.Model):
    """Consent for one purpose: when it was given, who recorded it, and its withdrawal."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=CODE_LENGTH, choices=ConsentPurpose.choices)
    given_on = models.DateField(_("given on"))
    recorded_by = models.ForeignKey(_PERSON, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        _PERSON, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["participant", "purpose", "-given_on"]
        indexes = [models.Index(fields=["purpose", "withdrawn_on"], name="consent_purpose_open")]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "purpose"],
                condition=models.Q(withdrawn_on__isnull=True),
                name="consent_one_open_per_purpose",
            )
        ]

    def __str__(self) -> str:
        return f"{self.purpose} ({self.participant_id})"
