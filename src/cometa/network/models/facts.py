"""Per-enrolment facts: one narrow row per enrolment of a woman who agreed to be counted,
with everything the common indicators count already worked out (her disaggregation codes,
sessions marked and attended, mentoring contacts, exit, graduation, the answers of each
follow-up round, the endline, psychosocial flags and their timeliness, graduation criteria
met). Rebuilt from the source tables by ``network.indicators.rebuild`` (the
``cometa network recompute`` job), so every indicator is one GROUP BY over one table.
See docs/network-indicators.md for why.

Women without an open consent to be counted in reports, and removed records, have no row:
they count nowhere.
"""

from __future__ import annotations

from django.db import models

from cometa.network.models.delivery import Cohort, Site
from cometa.network.models.network import Member, Network
from cometa.network.models.progress import Enrolment

_CODE = 16


def _flag() -> models.BooleanField[bool | None, bool | None]:
    return models.BooleanField(null=True)


class EnrolmentFact(models.Model):
    enrolment = models.OneToOneField(
        Enrolment, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="+")
    participant_id = models.IntegerField()
    first_enrolment = models.BooleanField(default=False)  # her first in the network
    # disaggregation codes, as the indicators floor's code lists spell them
    sex = models.CharField(max_length=_CODE)
    age = models.CharField(max_length=_CODE)
    disability = models.CharField(max_length=_CODE)
    indigenous = models.CharField(max_length=_CODE)
    migratory_status = models.CharField(max_length=_CODE)
    location = models.CharField(max_length=_CODE)
    # priority groups and baseline (None: not known)
    poor = _flag()
    low_education = _flag()
    works_baseline = _flag()
    # the programme
    enrolled_on = models.DateField()
    cohort_ends_on = models.DateField()
    status = models.CharField(max_length=24)
    drop_reason = models.CharField(max_length=24, blank=True)
    sessions_marked = models.PositiveIntegerField(default=0)
    sessions_attended = models.PositiveIntegerField(default=0)
    mentoring_contacts = models.PositiveIntegerField(default=0)
    # psychosocial flags raised from her enrolment to her cohort's end, and of those the
    # ones acted on (first action or referral) within 14 days (``rebuild.FLAG_DAYS``):
    # their existence and timeliness only, nothing of their trigger or notes
    flags = models.PositiveIntegerField(default=0)
    flags_in_time = models.PositiveIntegerField(default=0)
    # her latest graduation assessment: every criterion of a method met (None: none judged)
    criteria_computed = _flag()
    criteria_verified = _flag()
    criteria_self_report = _flag()
    criteria_observed = _flag()
    # the endline survey, answered from her enrolment to 30 days after her cohort's end
    # (``rebuild.ENDLINE_DAYS``); works: employed or self-employed (ILO)
    endline_answered = models.BooleanField(default=False)
    endline_works = _flag()
    # follow-up rounds: due date, answered within the window, her answers
    fu3_due = models.DateField(null=True)
    fu3_answered = models.BooleanField(default=False)
    fu3_works = _flag()
    fu3_business = _flag()
    fu3_education = _flag()
    fu6_due = models.DateField(null=True)
    fu6_answered = models.BooleanField(default=False)
    fu6_works = _flag()
    fu6_business = _flag()
    fu6_education = _flag()
    fu12_due = models.DateField(null=True)
    fu12_answered = models.BooleanField(default=False)
    fu12_works = _flag()
    fu12_business = _flag()
    fu12_education = _flag()
    computed_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["network", "enrolled_on"], name="fact_net_enrolled"),
            models.Index(fields=["network", "cohort_ends_on"], name="fact_net_ended"),
        ]

    def __str__(self) -> str:
        return f"facts of enrolment {self.enrolment_id}"
