"""Psychosocial follow-up: restricted to the people a member designates.

Only the flag's existence and timeliness may ever reach an indicator; its notes, trigger
and referrals stay with the designated staff of the partner holding the participant.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.network.codes import (
    CODE_LENGTH,
    FlagSeverity,
    FlagStatus,
    FlagTrigger,
    ReferralService,
)
from cometa.network.models.network import Member
from cometa.network.models.participants import Participant

_PERSON = settings.AUTH_USER_MODEL


class PsychosocialFlag(models.Model):
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="flags")
    trigger = models.CharField(_("trigger"), max_length=CODE_LENGTH, choices=FlagTrigger.choices)
    severity = models.CharField(_("severity"), max_length=CODE_LENGTH, choices=FlagSeverity.choices)
    status = models.CharField(
        _("status"), max_length=CODE_LENGTH, choices=FlagStatus.choices, default=FlagStatus.OPEN
    )
    raised_on = models.DateField(_("raised on"))
    raised_by = models.ForeignKey(_PERSON, null=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(_("note"), blank=True)
    first_action_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_on"]
        indexes = [models.Index(fields=["member", "status"], name="flag_member_status")]

    def __str__(self) -> str:
        return f"flag {self.pk}"  # no trigger, no note: this string reaches the audit trail


class Referral(models.Model):
    flag = models.ForeignKey(PsychosocialFlag, on_delete=models.CASCADE, related_name="referrals")
    service = models.CharField(
        _("service"), max_length=CODE_LENGTH, choices=ReferralService.choices
    )
    referred_on = models.DateField(_("referred on"))
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)

    class Meta:
        ordering = ["-referred_on"]

    def __str__(self) -> str:
        return f"referral {self.pk}"
