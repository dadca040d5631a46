"""A story for the network's pages and API: a CEMEX woman who completed her cohort, with
a mentoring contact, a follow-up due and a psychosocial flag (marker strings in her
identity and in the psychosocial text), and a ProMéxico woman, another partner's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from cometa.network.models import Enrolment, FollowUpTask, Identity, Participant
from cometa.network.services import progress, psychosocial

NAME = "Zenaida-name-marker-41ad"
PHONE = "+52 33 7777 4242"
ADDRESS = "address-marker-5e2b"
NOTE = "psy-note-marker-9c1f"
PROVIDER = "psy-provider-marker-77aa"
OUTCOME = "psy-outcome-marker-0b3e"
OTHER_NAME = "Other-partner-marker-d00d"
IDENTITY_MARKERS = (NAME, PHONE, ADDRESS, OTHER_NAME)
PSY_MARKERS = (NOTE, PROVIDER, OUTCOME)


@dataclass
class Story:
    woman: Participant  # CEMEX's
    enrolment: Enrolment
    task: FollowUpTask  # her 3-month follow-up
    other: Participant  # ProMéxico's
    other_enrolment: Enrolment
    other_task: FollowUpTask


def _completed(net, woman, cohort, mentor, actor):  # type: ignore[no-untyped-def]
    enrolment = progress.enrol(
        actor=actor, participant=woman, cohort=cohort, enrolled_on=date(2024, 2, 5), mentor=mentor
    )
    progress.enrolment_change(
        actor=actor, enrolment=enrolment, to_status="active", on=date(2024, 2, 6)
    )
    progress.mentoring_contact_record(
        actor=actor, enrolment=enrolment, mentor=mentor, contacted_on=date(2024, 3, 1),
        mode="phone", next_step="call again",
    )  # fmt: skip
    progress.enrolment_change(
        actor=actor, enrolment=enrolment, to_status="completed", on=date(2024, 8, 30)
    )
    return enrolment, FollowUpTask.objects.get(enrolment=enrolment, round="fu3")


@pytest.fixture
def story(net) -> Story:  # type: ignore[no-untyped-def]
    woman = net.register(net.cemex, name=NAME)
    Identity.objects.filter(participant=woman).update(phone=PHONE, address=ADDRESS)
    enrolment, task = _completed(net, woman, net.cohort_a, net.mentor_a, net.pablo)
    flag = psychosocial.flag_raise(
        actor=net.sofia, participant=woman, trigger="violence", severity="urgent",
        raised_on=date(2024, 3, 1), note=NOTE,
    )  # fmt: skip
    psychosocial.referral_add(
        actor=net.sofia, flag=flag, service="legal", referred_on=date(2024, 3, 2),
        provider=PROVIDER, outcome=OUTCOME,
    )  # fmt: skip
    other = net.register(net.promexico, name=OTHER_NAME)
    other_enrolment, other_task = _completed(net, other, net.cohort_b, net.mentor_b, net.quim)
    woman.refresh_from_db()
    return Story(woman, enrolment, task, other, other_enrolment, other_task)
