"""The checks every change to an assessment or its records goes through, shared by the
services of :mod:`cometa.scorecards.assessments` and :mod:`cometa.scorecards.records`.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cometa.accounts.acting import Actor, is_system
from cometa.core.errors import Conflict, NotPermitted, ValidationFailed
from cometa.scorecards.assessments import access
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import Assessment, AssessmentStatus

# Why an assessment cannot be changed, by its status: whole sentences, since the status
# agrees with "assessment" in Spanish and Russian.
NOT_EDITABLE: dict[str, Promise] = {
    AssessmentStatus.SUBMITTED: gettext_lazy(
        "The assessment is submitted: it cannot be changed until it is returned."
    ),
    AssessmentStatus.UNDER_REVIEW: gettext_lazy(
        "The assessment is under review: it cannot be changed until it is returned."
    ),
    AssessmentStatus.APPROVED: gettext_lazy(
        "The assessment is approved: it cannot be changed until it is returned."
    ),
    AssessmentStatus.PUBLISHED: gettext_lazy(
        "The assessment is published: it can no longer be changed."
    ),
}


def require_edit(actor: Actor, assessment: Assessment) -> None:
    """Checks permission and the stored state. Inside a transaction the assessment row is
    locked, so a workflow step cannot slip in between this check and the write. The
    system actor skips the permission check, never the state check."""
    if not is_system(actor) and not access.may_edit(actor, assessment):
        raise NotPermitted(_("Only editors and coordinators of this country team may change it."))
    rows = Assessment.objects.filter(pk=assessment.pk)
    if transaction.get_connection().in_atomic_block:
        rows = rows.select_for_update()
    assessment.status = rows.values_list("status", flat=True).get()
    if not assessment.is_editable:
        reason = NOT_EDITABLE.get(assessment.status)
        message = str(reason) if reason else _("The assessment cannot be changed now.")
        raise Conflict("not_editable", message)


def require_indicator(assessment: Assessment, code: str, field: str = "indicator_code") -> None:
    codes = {i.code for i in framework_of(assessment.framework).indicators}
    if code not in codes:
        raise ValidationFailed(
            {field: [_("“%(code)s” is not an indicator of this framework.") % {"code": code}]}
        )
