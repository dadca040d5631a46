"""Evidence services: a document known by its name only."""

from __future__ import annotations

import pytest

from cometa.accounts.models import AuditEntry
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.scorecards.records import evidence


def test_a_named_document_is_recorded_with_its_audit_entry(world, assessment):
    item = evidence.evidence_document(
        actor=world.bolat,
        assessment=assessment,
        title="  Minutes of the Gender Theme Group  ",
        indicator_code="5.1",
        category="other",
    )
    assert (item.title, item.url, item.stored_name) == ("Minutes of the Gender Theme Group", "", "")
    entry = AuditEntry.objects.get(action="assessment.evidence.add", object_id=str(item.pk))
    assert entry.actor_id == world.bolat.pk
    assert entry.changes["title"] == [None, "Minutes of the Gender Theme Group"]


def test_a_named_document_needs_a_title_a_known_indicator_and_an_editor(world, assessment):
    with pytest.raises(ValidationFailed):
        evidence.evidence_document(actor=world.bolat, assessment=assessment, title="  ")
    with pytest.raises(ValidationFailed):
        evidence.evidence_document(
            actor=world.bolat, assessment=assessment, title="Memo", indicator_code="9.9"
        )
    with pytest.raises(NotPermitted):
        evidence.evidence_document(actor=world.sara, assessment=assessment, title="Memo")
    assert not assessment.evidence.exists()
