"""Marking evidence as a good practice of the knowledge hub.

Reviewers and platform administrators mark an evidence item as good practice, or take the
mark off; each change is in the audit trail. The mark does not depend on the assessment's
state (a published assessment keeps its evidence, and its good practices are what others
learn from). Only evidence that its team shared shows in the hub, marked or not.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts import access as accounts_access
from cometa.accounts import audit
from cometa.accounts.acting import Actor, is_system
from cometa.accounts.models import Person
from cometa.core.errors import NotPermitted
from cometa.scorecards.models import Evidence


def may_mark_good_practice(person: Person) -> bool:
    if not person.is_authenticated or not person.is_active:
        return False
    return bool(person.is_platform_admin or accounts_access.is_reviewer(person))


def evidence_good_practice_set(
    *, actor: Actor, evidence: Evidence, good_practice: bool
) -> Evidence:
    """Marks (``good_practice`` true) or unmarks the evidence (``acting.SYSTEM`` for the demo).
    Setting the mark it already has changes nothing and writes no audit entry."""
    if not is_system(actor) and not may_mark_good_practice(actor):
        raise NotPermitted(_("Only reviewers and platform administrators may mark good practices."))
    with transaction.atomic():
        row = Evidence.objects.select_for_update().select_related("assessment").get(pk=evidence.pk)
        if row.is_good_practice == good_practice:
            return row
        row.is_good_practice = good_practice
        row.save(update_fields=["is_good_practice"])
        audit.record(
            actor=actor,
            action="assessment.evidence.good_practice",
            target=row,
            changes={"is_good_practice": [not good_practice, good_practice]},
            organisation_id=row.assessment.organisation_id,
        )
    return row
