"""Removing a woman's record (undoable for 30 days), erasing it for good, and the purge
of records past their retention period."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.http import Http404
from django.utils import timezone

from cometa.accounts.models import AuditEntry
from cometa.core.errors import Conflict, NotPermitted, ValidationFailed
from cometa.network import selectors
from cometa.network.models import FollowUpTask, Identity, Participant, PsychosocialFlag
from cometa.network.services import erasure, progress, psychosocial, retention

NAME, PHONE, NOTE, STEP, PROVIDER = (
    "Zenaida Quetzalli Marker",
    "+52 33 9999 1234",
    "note-marker-7f3a",
    "next-step-marker-19bc",
    "provider-marker-c0de",
)


def _woman_with_everything(net):  # type: ignore[no-untyped-def]
    """A CEMEX woman who completed, answered her first follow-up, had a mentoring contact
    and a psychosocial flag with a referral: marker strings in every free-text field."""
    woman = net.register(net.cemex, name=NAME)
    Identity.objects.filter(participant=woman).update(phone=PHONE, address="Calle Marker 1")
    enrolment = progress.enrol(
        actor=net.pablo, participant=woman, cohort=net.cohort_a, enrolled_on=date(2024, 2, 5),
        mentor=net.mentor_a,
    )  # fmt: skip
    progress.enrolment_change(
        actor=net.pablo, enrolment=enrolment, to_status="active", on=date(2024, 2, 6)
    )
    progress.mentoring_contact_record(
        actor=net.pablo, enrolment=enrolment, mentor=net.mentor_a, contacted_on=date(2024, 3, 1),
        mode="phone", next_step=STEP,
    )  # fmt: skip
    progress.enrolment_change(
        actor=net.pablo, enrolment=enrolment, to_status="completed", on=date(2024, 8, 30)
    )
    task = FollowUpTask.objects.get(enrolment=enrolment, round="fu3")
    progress.followup_respond(
        actor=net.pablo, task=task, responded_on=date(2024, 11, 30), work_status="employed",
        income_band="above_lpi", has_business=True,
    )  # fmt: skip
    flag = psychosocial.flag_raise(
        actor=net.sofia, participant=woman, trigger="violence", severity="urgent",
        raised_on=date(2024, 3, 1), note=NOTE,
    )  # fmt: skip
    psychosocial.referral_add(
        actor=net.sofia, flag=flag, service="legal", referred_on=date(2024, 3, 2),
        provider=PROVIDER,
    )  # fmt: skip
    return Participant.objects.get(pk=woman.pk)


def _everything_of(net, person, woman):  # type: ignore[no-untyped-def]
    network = net.network
    return {
        "listed": woman in selectors.participants_for(person, network),
        "enrolments": selectors.enrolments_for(person, network).filter(participant=woman).exists(),
        "followups": selectors.followups_for(person, network)
        .filter(enrolment__participant=woman)
        .exists(),
        "identities": woman.pk in selectors.identities_for(person, [woman]),
        "flags": bool(selectors.flags_for(person, woman)),
    }


def test_a_removed_record_disappears_from_every_path_and_comes_back(net):
    woman = _woman_with_everything(net)
    for person in (net.pablo, net.sofia):
        assert any(_everything_of(net, person, woman).values())
    erasure.participant_remove(actor=net.pablo, participant=woman, reason="duplicate")
    woman.refresh_from_db()
    for person in (net.pablo, net.sofia, net.bea):
        assert not any(_everything_of(net, person, woman).values()), person
        with pytest.raises(Http404):
            selectors.participant_get(person, net.network, woman.code)
    with pytest.raises(Http404):
        selectors.identity_get(net.pablo, woman)
    flag = PsychosocialFlag.objects.get(participant=woman)
    with pytest.raises(Http404):
        selectors.flag_get(net.sofia, net.network, flag.pk)
    loads = {
        load.mentor_id: load.followed for load in selectors.mentor_load_for(net.pablo, net.network)
    }
    assert loads.get(net.mentor_a.pk, 0) == 0
    erasure.participant_restore(actor=net.pablo, participant=woman)
    assert selectors.participant_get(net.pablo, net.network, woman.code) == woman
    assert selectors.identity_get(net.pablo, woman).given_names == NAME
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert "network.participant.remove" in actions and "network.participant.restore" in actions


def test_only_her_partner_s_coordinators_remove_and_only_for_thirty_days_back(net):
    woman = net.register(net.cemex)
    for outsider in (net.sofia, net.quim, net.bea):
        with pytest.raises((NotPermitted, Http404)):
            erasure.participant_remove(actor=outsider, participant=woman, reason="duplicate")
    with pytest.raises(ValidationFailed):
        erasure.participant_remove(actor=net.pablo, participant=woman, reason="bored")
    erasure.participant_remove(actor=net.pablo, participant=woman, reason="entered_in_error")
    with pytest.raises(Conflict):
        erasure.participant_remove(actor=net.pablo, participant=woman, reason="duplicate")
    later = timezone.now() + timedelta(days=erasure.UNDO_DAYS + 1)
    with time_machine.travel(later), pytest.raises(Conflict) as refused:
        erasure.participant_restore(actor=net.pablo, participant=woman)
    assert refused.value.code == "too_late"


def _database_text() -> str:
    out = StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def test_erasure_leaves_no_trace_of_her_and_the_audit_chain_holds(net):
    woman = _woman_with_everything(net)
    before = _database_text()
    assert all(marker in before for marker in (NAME, PHONE, NOTE, STEP, PROVIDER))
    erasure.participant_erase(actor=net.pablo, participant=woman, reason="her_request")
    after = _database_text()
    assert not any(marker in after for marker in (NAME, PHONE, NOTE, STEP, PROVIDER))
    woman.refresh_from_db()
    assert woman.erased_at and woman.deleted_at and woman.birth_year is None
    assert woman.education == "" and woman.wg_see is None
    task = FollowUpTask.objects.get(enrolment__participant=woman, round="fu3")
    assert (task.work_status, task.income_band, task.has_business) == ("", "", None)
    assert task.status == "completed"  # the skeleton stays: counts already reported add up
    with pytest.raises(Conflict):
        erasure.participant_erase(actor=net.pablo, participant=woman, reason="her_request")
    with pytest.raises(Conflict):
        erasure.participant_restore(actor=net.pablo, participant=woman)
    call_command("audit", "verify", stdout=StringIO())


def test_the_purge_erases_what_is_due_and_nothing_else(net):
    left = _woman_with_everything(net)  # last window closes 2025-11-28 (fu12 + 90 days)
    current = net.register(net.cemex, name="Still Here")
    progress.enrol(
        actor=net.pablo, participant=current, cohort=net.cohort_a, enrolled_on=date(2024, 2, 5)
    )
    removed = net.register(net.promexico, name="Removed Long Ago")
    erasure.participant_remove(actor=net.quim, participant=removed, reason="duplicate")
    months = retention.months()
    day = date(2025, 11, 28) + timedelta(days=31 * months + 5)
    with time_machine.travel(timezone.now() + timedelta(days=erasure.UNDO_DAYS + 1)):
        dry = retention.purge(today=day, dry_run=True)
        assert (dry.removed, dry.expired) == (1, 1)
        assert Participant.objects.filter(erased_at__isnull=False).count() == 0
        done = retention.purge(today=day)
    assert (done.removed, done.expired) == (1, 1)
    erased = set(Participant.objects.filter(erased_at__isnull=False).values_list("pk", flat=True))
    assert erased == {left.pk, removed.pk}
    assert Identity.objects.filter(participant=current).exists()
    early = retention.purge(today=date(2025, 12, 1))
    assert (early.removed, early.expired) == (0, 0)


def test_the_purge_command_says_what_it_did(net):
    out = StringIO()
    call_command("network", "purge", "--dry-run", stdout=out)
    assert "Removed records would be erased: 0." in out.getvalue()
    assert "36-month retention would be erased: 0." in out.getvalue()
