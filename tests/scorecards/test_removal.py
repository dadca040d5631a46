"""Undo: what editors remove from an assessment can be put back, as it was, for 30 days."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.files.storage import default_storage
from django.http import Http404
from django.utils import timezone

from cometa.accounts.models import AuditEntry
from cometa.core.errors import Conflict, NotPermitted
from cometa.scorecards.assessments.workflow import transition
from cometa.scorecards.models import ActionPoint, Evidence, Removed, TeamMember
from cometa.scorecards.records import evidence, removal
from cometa.scorecards.records import selectors as record_selectors
from cometa.scorecards.records import services as record_services
from tests.pdf import PDF


def _action(world, assessment) -> ActionPoint:
    return record_services.action_save(
        actor=world.bolat,
        assessment=assessment,
        content=record_services.ActionContent(
            indicator_code="4.3",
            text="Survey gender parity across the agencies",
            responsible="UN Women, UNDP",
            due_date=date(2023, 6, 30),
            status="in_progress",
            progress={"2022": "Survey designed."},
        ),
    )


def _file(world, assessment) -> Evidence:
    return evidence.evidence_upload(
        actor=world.bolat,
        assessment=assessment,
        file=io.BytesIO(PDF),
        filename="parity.pdf",
        title="Parity survey",
        indicator_code="4.3",
    )


def _removed(assessment) -> Removed:
    return Removed.objects.get(assessment=assessment)


def test_an_action_point_removed_comes_back_as_it_was(world, assessment):
    action = _action(world, assessment)
    pk = action.pk  # delete() forgets it
    before = {f.attname: getattr(action, f.attname) for f in ActionPoint._meta.concrete_fields}
    record_services.action_delete(actor=world.bolat, action=action)
    assert not ActionPoint.objects.filter(pk=pk).exists()
    kept = _removed(assessment)
    assert (kept.kind, kept.label, kept.removed_by) == ("action", action.text, world.bolat)

    back = removal.removed_restore(actor=world.aisha, removed=kept)
    again = ActionPoint.objects.get(pk=pk)
    assert back.pk == pk
    assert {f.attname: getattr(again, f.attname) for f in ActionPoint._meta.concrete_fields} == (
        before
    )
    assert not Removed.objects.exists()
    actions = list(AuditEntry.objects.order_by("seq").values_list("action", flat=True))
    assert actions[-2:] == ["assessment.action.delete", "assessment.action.restore"]


def test_a_removed_file_stays_until_it_is_put_back_or_expires(world, assessment, settings):
    item = _file(world, assessment)
    pk, made, stored = item.pk, item.created_at, evidence.storage_name(item.stored_name)
    evidence.evidence_delete(actor=world.bolat, evidence=item)
    assert default_storage.exists(stored)  # kept for the undo
    with pytest.raises(Http404):
        record_selectors.evidence_file(world.bolat, pk)

    removal.removed_restore(actor=world.bolat, removed=_removed(assessment))
    again, stored_file = record_selectors.evidence_file(world.bolat, pk)
    with stored_file:
        assert stored_file.read() == PDF and again.created_at == made  # not stamped anew

    evidence.evidence_delete(actor=world.bolat, evidence=again)
    assert removal.removed_purge(now=timezone.now() + timedelta(days=29)) == 0
    assert default_storage.exists(stored)
    assert removal.removed_purge(now=timezone.now() + timedelta(days=31)) == 1
    assert not default_storage.exists(stored) and not Removed.objects.exists()


def test_a_team_member_removed_comes_back(world, assessment):
    member = record_services.team_member_add(
        actor=world.aisha, assessment=assessment, name="Nina Henke", entity="UNAIDS"
    )
    pk = member.pk
    record_services.team_member_remove(actor=world.aisha, member=member)
    removal.removed_restore(actor=world.aisha, removed=_removed(assessment))
    assert TeamMember.objects.get(pk=pk).name == "Nina Henke"


def test_only_the_teams_editors_see_and_restore_what_was_removed(world, assessment):
    record_services.action_delete(actor=world.bolat, action=_action(world, assessment))
    kept = _removed(assessment)
    assert list(removal.removed_for(world.aisha, assessment)) == [kept]
    assert not removal.removed_for(world.sara, assessment).exists()  # a viewer
    with pytest.raises(NotPermitted):
        removal.removed_restore(actor=world.sara, removed=removal.removed_get(world.sara, kept.pk))
    with pytest.raises(Http404):
        removal.removed_get(world.oscar, kept.pk)  # another team: not even its existence
    assert Removed.objects.filter(pk=kept.pk).exists()


def test_nothing_is_put_back_into_a_submitted_assessment(world, assessment):
    record_services.action_delete(actor=world.bolat, action=_action(world, assessment))
    transition(actor=world.aisha, assessment=assessment, step_name="submit")
    with pytest.raises(Conflict) as refused:
        removal.removed_restore(actor=world.aisha, removed=_removed(assessment))
    assert refused.value.code == "not_editable"
    assert not ActionPoint.objects.exists()


def test_putting_back_twice_or_too_late_is_refused_with_a_reason(world, assessment):
    record_services.action_delete(actor=world.bolat, action=_action(world, assessment))
    kept = _removed(assessment)
    removal.removed_restore(actor=world.aisha, removed=kept)
    with pytest.raises(Conflict) as twice:
        removal.removed_restore(actor=world.aisha, removed=kept)
    assert twice.value.code == "already_restored"
    assert ActionPoint.objects.count() == 1

    record_services.action_delete(actor=world.bolat, action=ActionPoint.objects.get())
    old = _removed(assessment)
    Removed.objects.filter(pk=old.pk).update(removed_at=timezone.now() - timedelta(days=31))
    assert not removal.removed_for(world.aisha, assessment).exists()
    with pytest.raises(Conflict) as late:
        removal.removed_restore(actor=world.aisha, removed=old)
    assert late.value.code == "too_late" and "30 days" in late.value.message
    assert not ActionPoint.objects.exists()
