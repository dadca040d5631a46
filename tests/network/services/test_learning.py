"""Learning notes: written by the backbone's coordinators and editors on a frozen
snapshot only, about the snapshot's indicators, with no participant named; actions owned
by people of the network, closed by their owner or a coordinator, dropped with a reason
and reopened; reviews at meetings that move due dates; every change audited."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db.models import RestrictedError
from django.http import Http404

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry, Organisation
from cometa.accounts.roles import Role
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.indicators.periods import custom
from cometa.network import selectors_learning as sel
from cometa.network.audit_words import ACTIONS
from cometa.network.indicators.stored import run_tables
from cometa.network.models import LearningAction, LearningNote, Network
from cometa.network.services import network as network_services
from cometa.network.services.indicator_runs import indicators_freeze, indicators_run
from cometa.network.services.indicators import recompute
from cometa.network.services.learning import (
    action_add,
    action_status,
    learning_review,
    note_write,
)
from tests.conftest import make_person
from tests.network.learning import backbone_person, snapshot

pytestmark = pytest.mark.django_db

DUE = date(2024, 9, 30)


@pytest.fixture
def run(net):
    return snapshot(net.network)


def _note(net, run, **kw):
    fields = {"title": "Attendance fell", "text": "Fewer women came after the summer.",
              "codes": ["CI-03"]} | kw  # fmt: skip
    return note_write(actor=net.bea, network=net.network, snapshot=run, **fields)


def test_a_coordinator_writes_a_note_on_a_frozen_snapshot_and_it_is_audited(net, run):
    note = _note(net, run, codes=["CI-03", "CI-01", "CI-03"], member=net.cemex)
    assert note.code_list == ["CI-01", "CI-03"] and note.written_by == net.bea
    entry = AuditEntry.objects.get(action="network.learning.note")
    assert entry.changes["snapshot"] == [None, run.pk]
    assert entry.organisation_id == net.network.backbone_id
    for code in ("note", "action", "status", "review"):
        assert f"network.learning.{code}" in ACTIONS


def test_an_unfrozen_run_or_another_networks_is_refused(net, run):
    with pytest.raises(ValidationFailed) as refused:
        _note(net, snapshot(net.network, frozen=False))
    assert "snapshot" in refused.value.errors
    backbone = Organisation.objects.create(name="Other backbone", kind="backbone")
    other = network_services.network_create(actor=SYSTEM, name="Other", backbone=backbone)
    with pytest.raises(ValidationFailed):
        _note(net, snapshot(other))


def test_codes_must_be_the_snapshots_and_a_participants_code_is_refused(net, run):
    with pytest.raises(ValidationFailed) as refused:
        _note(net, run, codes=["CI-99"])
    assert "CI-99" in str(refused.value.errors["codes"])
    woman = net.register(net.cemex)
    with pytest.raises(ValidationFailed) as refused:
        _note(net, run, text=f"Ask {woman.code.lower()} why she left.")
    assert "text" in refused.value.errors
    assert _note(net, run, text="Code ABCD-EFGH is nobody's.").pk  # only real codes


def test_who_writes_notes(net, run):
    editor = backbone_person(net.network, "ed", Role.EDITOR)
    viewer = backbone_person(net.network, "vi", Role.VIEWER)
    assert _note(net, run) and note_write(
        actor=editor, network=net.network, snapshot=run, title="T", text="X"
    )
    for refused in (viewer, net.pablo, net.sofia, make_person("out@example.org", "Out")):
        with pytest.raises(NotPermitted):
            note_write(actor=refused, network=net.network, snapshot=run, title="T", text="X")


def test_an_action_is_owned_by_someone_of_the_network(net, run):
    note = _note(net, run)
    action = action_add(actor=net.bea, note=note, text="Call the centres", owner=net.sofia,
                        due_on=DUE)  # fmt: skip
    assert action.status == "open" and action.owner == net.sofia
    with pytest.raises(ValidationFailed) as refused:
        action_add(actor=net.bea, note=note, text="x", owner=make_person("o@x.org", "O"),
                   due_on=DUE)  # fmt: skip
    assert "owner" in refused.value.errors
    with pytest.raises(NotPermitted):
        action_add(actor=net.pablo, note=note, text="x", owner=net.pablo, due_on=DUE)


def test_the_owner_or_a_coordinator_closes_drops_with_a_reason_and_reopens(net, run):
    note = _note(net, run)
    action = action_add(actor=net.bea, note=note, text="Call", owner=net.sofia, due_on=DUE)
    with pytest.raises(NotPermitted):
        action_status(actor=net.pablo, action=action, status="done")
    with pytest.raises(ValidationFailed) as refused:
        action_status(actor=net.sofia, action=action, status="dropped")
    assert "reason" in refused.value.errors
    action_status(actor=net.sofia, action=action, status="dropped", reason="No budget")
    assert (action.status, action.reason) == ("dropped", "No budget")
    action_status(actor=net.bea, action=action, status="open")  # undo
    assert (action.status, action.reason, action.done_at) == ("open", "", None)
    action_status(actor=net.sofia, action=action, status="done")
    assert action.done_at is not None
    with pytest.raises(ValidationFailed):  # done stays done
        action_status(actor=net.bea, action=action, status="open")
    statuses = AuditEntry.objects.filter(action="network.learning.status").order_by("pk")
    assert [e.changes["status"] for e in statuses] == [
        ["open", "dropped"],
        ["dropped", "open"],
        ["open", "done"],
    ]


def _meeting(net, on):
    return network_services.meeting_record(
        actor=net.bea, network=net.network, kind="partners", held_on=on, title=f"Meeting {on}"
    )


def test_a_review_at_a_meeting_moves_the_due_date(net, run):
    note = _note(net, run)
    action = action_add(actor=net.bea, note=note, text="Call", owner=net.sofia, due_on=DUE)
    meeting = _meeting(net, DUE)
    later = DUE + timedelta(30)
    review = learning_review(
        actor=net.bea, meeting=meeting, action=action, outcome="Half called", new_due_on=later
    )
    action.refresh_from_db()
    assert action.due_on == DUE + timedelta(30) and review.meeting == meeting
    entry = AuditEntry.objects.get(action="network.learning.review")
    assert entry.changes["due_on"] == [DUE.isoformat(), (DUE + timedelta(30)).isoformat()]
    with pytest.raises(ValidationFailed):
        learning_review(actor=net.bea, meeting=meeting, note=note, action=action, outcome="x")
    with pytest.raises(ValidationFailed):
        learning_review(actor=net.bea, meeting=meeting, note=note, outcome="x", new_due_on=DUE)
    with pytest.raises(NotPermitted):
        learning_review(actor=net.pablo, meeting=meeting, note=note, outcome="x")


def test_what_a_meeting_reviews_and_what_is_overdue(net, run):
    first, second = _meeting(net, date(2000, 1, 1)), _meeting(net, date(2100, 1, 1))
    note = _note(net, run)
    late = action_add(actor=net.bea, note=note, text="Late", owner=net.sofia, due_on=DUE)
    later = action_add(actor=net.bea, note=note, text="Later", owner=net.sofia,
                       due_on=date(2101, 1, 1))  # fmt: skip
    found = sel.to_review(net.vera, second)
    assert found.actions == [late] and found.notes == [note]
    assert sel.to_review(net.vera, first).notes == [] == sel.to_review(net.vera, first).actions
    today = date(2025, 1, 1)
    assert sel.is_overdue(late, today) and not sel.is_overdue(later, today)
    assert list(sel.actions_due(net.vera, net.network, today, within=30)) == [late]
    assert list(sel.notes_for(net.vera, net.network, status="overdue", today=today)) == [note]
    action_status(actor=net.sofia, action=late, status="done")
    assert list(sel.notes_for(net.vera, net.network, status="overdue", today=today)) == []
    action_status(actor=net.bea, action=later, status="dropped", reason="r")
    assert list(sel.notes_for(net.vera, net.network, status="settled")) == [note]
    assert sel.to_review(net.vera, second).actions == []


def test_notes_are_searched_filtered_and_read_by_partners_but_not_outsiders(net, run):
    attendance = _note(net, run)
    reach = _note(net, run, title="Reach", text="More rural women", codes=["CI-01"])
    assert list(sel.notes_for(net.quim, net.network, search="rural")) == [reach]
    assert list(sel.notes_for(net.quim, net.network, code="CI-03")) == [attendance]
    assert list(sel.notes_for(net.quim, net.network, code="CI-0")) == []
    with pytest.raises(Http404):
        sel.notes_for(make_person("out@example.org", "Out"), net.network)


def test_a_notes_values_are_the_snapshots_as_frozen(net, run):
    note = _note(net, run, codes=["CI-01", "CI-03"])
    values = {v.code: v for v in sel.note_values(net.vera, note)}
    assert values["CI-03"].total.rate == Decimal("40.0")
    assert values["CI-01"].total.hidden and values["CI-01"].title == "Participants enrolled"
    [(dimension, pairs)] = values["CI-01"].splits
    assert dimension == "Sex" and pairs[0][0] != "F"  # labelled in the reader's language
    assert pairs[0][1].n == 32 and all(cell.hidden for _, cell in pairs[1:])
    assert LearningAction.objects.count() == 0


def test_a_snapshot_under_a_note_stays_but_a_network_may_still_go(net, run):
    _note(net, run)
    with pytest.raises(RestrictedError):
        run.delete()
    backbone = Organisation.objects.create(name="Short-lived", kind="backbone")
    short = network_services.network_create(actor=SYSTEM, name="Short", backbone=backbone)
    note_write(actor=SYSTEM, network=short, snapshot=snapshot(short), title="T", text="X")
    Network.objects.filter(pk=short.pk).delete()  # the note and its snapshot go with it
    assert list(LearningNote.objects.values_list("network", flat=True)) == [net.network.pk]


def test_a_note_on_a_real_frozen_run_reads_its_stored_totals(net):
    recompute(actor=SYSTEM, network=net.network)
    period = custom(date(2024, 1, 1), date(2024, 12, 31))
    computed = indicators_run(actor=net.bea, network=net.network, period=period)
    with pytest.raises(ValidationFailed):  # not frozen yet
        _note(net, computed, codes=["CI-06"])
    indicators_freeze(actor=net.bea, run=computed, label="2024")
    note = _note(net, computed, codes=["CI-06"])
    [value] = sel.note_values(net.vera, note)
    stored = run_tables(net.vera, computed, by="network", codes=["CI-06"])
    assert value.total == stored[0].total and len(value.splits) == len(stored) == 6
