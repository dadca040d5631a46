"""Isolation between partners, no identities for the backbone, psychosocial data only for
designated people, every identity read audited."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core import serializers
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from cometa.accounts.models import AuditEntry
from cometa.core.errors import NotPermitted
from cometa.network import selectors
from cometa.network.codes import ConsentPurpose as Purpose
from cometa.network.models import Participant
from cometa.network.services import participants, progress, psychosocial

MARKER = "ZEBRA-7f3c-violence-disclosed-in-confidence"


def test_a_partner_sees_only_its_own_participants(net):
    own = net.register(net.cemex)
    other = net.register(net.promexico, name="Guadalupe Pérez")
    assert list(selectors.participants_for(net.pablo, net.network)) == [own]
    assert list(selectors.participants_for(net.quim, net.network)) == [other]
    for key in (other.pk, other.code):
        with pytest.raises(Http404):
            selectors.participant_get(net.pablo, net.network, key)
    assert selectors.participant_get(net.pablo, net.network, own.code.lower()) == own


def test_another_partner_s_participant_cannot_be_read_or_changed(net):
    other = net.register(net.promexico, name="Guadalupe Pérez")
    enrolment = progress.enrol(
        actor=net.quim, participant=other, cohort=net.cohort_b, enrolled_on=date(2024, 2, 6)
    )
    with pytest.raises(Http404):
        selectors.identity_get(net.pablo, other)
    with pytest.raises(Http404):
        selectors.enrolment_get(net.pablo, net.network, enrolment.pk)
    with pytest.raises(NotPermitted):
        participants.identity_update(actor=net.pablo, participant=other, phone="+52 000")
    with pytest.raises(NotPermitted):
        progress.enrolment_change(
            actor=net.pablo, enrolment=enrolment, to_status="active", on=date(2024, 2, 7)
        )
    with pytest.raises(NotPermitted):
        progress.enrol(
            actor=net.pablo, participant=other, cohort=net.cohort_b, enrolled_on=date(2024, 2, 6)
        )
    assert other.identity.phone == "+52 33 1234 5678"


def test_an_outsider_sees_nothing_of_the_network(net, world):
    from cometa.network import selectors_network

    woman, *_ = _transferred(net)  # an enrolment, follow-ups and a flag to find
    reads = {
        "participants": lambda person: selectors.participants_for(person, net.network),
        "enrolments": lambda person: selectors.enrolments_for(person, net.network),
        "followups": lambda person: selectors.followups_for(person, net.network),
        "members": lambda person: selectors_network.members_for(person, net.network),
        "cohorts": lambda person: selectors_network.cohorts_for(person, net.network),
        "mentor load": lambda person: selectors.mentor_load_for(person, net.network),
    }
    for what, read in reads.items():
        assert list(read(net.bea)), f"the backbone should see {what}"
        assert not list(read(world.oscar)), what
    assert selectors.flags_for(world.oscar, woman) == []
    assert selectors.identities_for(world.oscar, [woman]) == {}
    with pytest.raises(Http404):
        selectors_network.network_get(world.oscar, net.network.pk)


def test_the_backbone_sees_consented_records_and_no_identity(net):
    shared = net.register(net.cemex)
    private = net.register(
        net.cemex, name="Rosa Díaz", consents={Purpose.TAKE_PART: date(2024, 2, 1)}
    )
    assert list(selectors.participants_for(net.bea, net.network)) == [shared]
    with pytest.raises(Http404):
        selectors.participant_get(net.bea, net.network, private.code)
    with pytest.raises(Http404):
        selectors.identity_get(net.bea, shared)
    assert selectors.identities_for(net.bea, [shared]) == {}


def test_withdrawing_consent_to_share_hides_her_from_the_backbone(net):
    woman = net.register(net.cemex)
    consent = woman.consents.get(purpose=Purpose.SHARE_BACKBONE)
    participants.consent_withdraw(actor=net.pablo, consent=consent, withdrawn_on=date(2024, 3, 1))
    assert not selectors.participants_for(net.bea, net.network).exists()
    assert selectors.participants_for(net.pablo, net.network).get() == woman


def test_a_viewer_of_the_partner_sees_the_record_but_not_her_name(net):
    woman = net.register(net.cemex)
    assert selectors.participant_get(net.vera, net.network, woman.pk) == woman
    with pytest.raises(Http404):
        selectors.identity_get(net.vera, woman)


def test_every_identity_read_is_audited_without_the_identity(net):
    woman = net.register(net.cemex, name="Ximena Ñúñez")
    before = AuditEntry.objects.filter(action="network.identity.read").count()
    identity = selectors.identity_get(net.pablo, woman)
    assert identity.given_names == "Ximena Ñúñez"
    selectors.identities_for(net.pablo, [woman])
    reads = AuditEntry.objects.filter(action="network.identity.read")
    assert reads.count() == before + 2
    entry = reads.order_by("-seq").first()
    assert entry.actor == net.pablo and entry.changes == {"participants": [woman.code]}
    everything = json.dumps(list(AuditEntry.objects.values()), default=str)
    assert "Ximena" not in everything and "1234 5678" not in everything


def _flagged(net) -> Participant:  # type: ignore[no-untyped-def]
    woman = net.register(net.cemex)
    flag = psychosocial.flag_raise(
        actor=net.pablo,
        participant=woman,
        trigger="violence",
        severity="urgent",
        raised_on=date(2024, 3, 1),
        note=MARKER,
    )
    psychosocial.referral_add(
        actor=net.sofia,
        flag=flag,
        service="gbv_shelter",
        referred_on=date(2024, 3, 1),
        provider=MARKER,
        outcome=MARKER,
    )
    return woman


def _everything_seen_by(person, net) -> str:  # type: ignore[no-untyped-def]
    """Every record the person's selectors return, serialised, with what the flags read
    gives them."""
    seen: list = []
    for rows in (
        selectors.participants_for(person, net.network),
        selectors.enrolments_for(person, net.network),
        selectors.followups_for(person, net.network),
    ):
        seen.extend(rows)
    text = serializers.serialize("json", seen)
    for woman in selectors.participants_for(person, net.network):
        flags = selectors.flags_for(person, woman)
        text += serializers.serialize("json", flags)
        for flag in flags:
            text += serializers.serialize("json", flag.referrals.all())
        text += serializers.serialize(
            "json", list(selectors.identities_for(person, [woman]).values())
        )
    return text


def test_psychosocial_data_reach_only_the_designated_person(net):
    woman = _flagged(net)
    seen_by_sofia = _everything_seen_by(net.sofia, net)
    assert seen_by_sofia.count(MARKER) == 3  # the note, the provider and the outcome
    flags = selectors.flags_for(net.sofia, woman)
    assert [f.note for f in flags] == [MARKER] and flags[0].status == "referred"
    for person in (net.pablo, net.vera, net.bea, net.quim):
        assert MARKER not in _everything_seen_by(person, net), person
        assert selectors.flags_for(person, woman) == []
        with pytest.raises(Http404):
            selectors.flag_get(person, net.network, flags[0].pk)
    everything = json.dumps(list(AuditEntry.objects.values()), default=str)
    assert MARKER not in everything


def test_only_designated_people_refer_or_close(net):
    woman = _flagged(net)
    flag = woman.flags.get()
    with pytest.raises(NotPermitted):
        psychosocial.flag_move(actor=net.pablo, flag=flag, status="closed", on=date(2024, 4, 1))
    psychosocial.flag_move(actor=net.sofia, flag=flag, status="closed", on=date(2024, 4, 1))
    flag.refresh_from_db()
    assert flag.closed_on == date(2024, 4, 1) and flag.first_action_on == date(2024, 3, 1)
    assert AuditEntry.objects.filter(action="network.psychosocial.read").count() == 0
    selectors.flags_for(net.sofia, woman)
    assert (
        AuditEntry.objects.filter(action="network.psychosocial.read", actor=net.sofia).count() == 1
    )


def test_a_designation_needs_membership_of_the_partner(net):
    from cometa.core.errors import ValidationFailed
    from cometa.network.services import network as network_services

    with pytest.raises(ValidationFailed):
        network_services.designation_grant(
            actor=net.pablo, member=net.cemex, person=net.quim, kind="psychosocial"
        )
    with pytest.raises(NotPermitted):
        network_services.designation_grant(
            actor=net.sofia, member=net.cemex, person=net.vera, kind="psychosocial"
        )


def _transferred(net):  # type: ignore[no-untyped-def]
    """A woman who completed with CEMEX (so has follow-ups), with a flag, then moved to
    ProMéxico."""
    woman = net.register(net.cemex)
    enrolment = progress.enrol(
        actor=net.pablo, participant=woman, cohort=net.cohort_a, enrolled_on=date(2024, 2, 5)
    )
    progress.enrolment_change(
        actor=net.pablo, enrolment=enrolment, to_status="active", on=date(2024, 2, 6)
    )
    progress.enrolment_change(
        actor=net.pablo, enrolment=enrolment, to_status="completed", on=date(2024, 8, 30)
    )
    flag = psychosocial.flag_raise(
        actor=net.sofia,
        participant=woman,
        trigger="self_request",
        severity="routine",
        raised_on=date(2024, 9, 1),
        note=MARKER,
    )
    participants.participant_transfer(
        actor=net.pablo,
        participant=woman,
        to_member=net.promexico,
        on=date(2024, 9, 10),
        override_reason="She moved to Tonalá",
    )
    return woman, enrolment, enrolment.followups.order_by("due_on").first(), flag


def test_after_a_transfer_her_former_partner_finds_nothing_of_her(net):
    woman, enrolment, task, flag = _transferred(net)
    for person in (net.pablo, net.vera, net.sofia):
        assert not selectors.participants_for(person, net.network).filter(pk=woman.pk).exists()
        assert not selectors.enrolments_for(person, net.network).exists()
        assert not selectors.followups_for(person, net.network).exists()
        for read, pk in (
            (selectors.participant_get, woman.pk),
            (selectors.enrolment_get, enrolment.pk),
            (selectors.followup_get, task.pk),
            (selectors.flag_get, flag.pk),
        ):
            with pytest.raises(Http404):
                read(person, net.network, pk)
        assert MARKER not in _everything_seen_by(person, net), person


def test_her_open_follow_ups_and_flags_go_with_her_to_the_new_partner(net):
    woman, _enrolment, task, flag = _transferred(net)
    assert set(selectors.followups_for(net.quim, net.network)) == set(
        woman.enrolments.get().followups.all()
    )
    answered = progress.followup_respond(
        actor=net.quim,
        task=selectors.followup_get(net.quim, net.network, task.pk),
        responded_on=date(2024, 11, 30),
    )
    assert answered.status == "completed" and answered.member == net.promexico
    with pytest.raises(NotPermitted):
        progress.followup_respond(actor=net.pablo, task=task, responded_on=date(2024, 11, 30))
    flag.refresh_from_db()
    assert flag.member == net.promexico
    entry = AuditEntry.objects.get(action="network.participant.transfer")
    assert entry.changes["followups_moved"] == 3 and entry.changes["flags_moved"] == 1


def test_identities_of_a_page_cost_the_same_few_queries_however_long_the_page(net):
    def queries_for(count: int) -> int:
        for number in range(count):
            net.register(net.cemex, name=f"Mujer {number}")
        page = list(selectors.participants_for(net.pablo, net.network))
        with CaptureQueriesContext(connection) as seen:
            found = selectors.identities_for(net.pablo, page)
        assert set(found) == {woman.pk for woman in page}
        return len(seen)

    assert queries_for(2) == queries_for(8)


def test_a_key_that_is_not_a_number_or_a_row_outside_the_network_is_not_found(net, world):
    from cometa.network import selectors_network

    for read in (selectors.enrolment_get, selectors.followup_get, selectors.flag_get):
        with pytest.raises(Http404):
            read(net.pablo, net.network, "1 OR 1=1")
    with pytest.raises(Http404):
        selectors_network.network_get(net.pablo, "first")
    assert selectors_network.network_get(net.pablo, str(net.network.pk)) == net.network
    assert selectors_network.staff_get(net.quim, net.network, net.mentor_a.pk) == net.mentor_a
    with pytest.raises(Http404):
        selectors_network.staff_get(world.oscar, net.network, net.mentor_a.pk)
    with pytest.raises(Http404):
        selectors_network.training_standing_for(world.oscar, net.mentor_a, date(2024, 9, 1))
