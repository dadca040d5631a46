"""The review workflow: one form per step the person may take now. A step that the person
cannot take back (submit, approve, publish) first shows a page that says what will happen
and what the quality checks found; only the button on that page takes the step."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from cometa.accounts.acting import person_of
from cometa.core.errors import ServiceError
from cometa.core.web.pages import form_error
from cometa.scorecards.assessments import access
from cometa.scorecards.assessments.workflow import transition
from cometa.scorecards.models import Assessment
from cometa.scorecards.web import pages, summary
from cometa.scorecards.web.forms import WorkflowForm
from cometa.scorecards.web.views import language
from cometa.scorecards.web.views.assessments import (
    STEP_LABELS,
    page_progress,
    redirect_to,
    render_assessment,
)

DONE = {
    "submit": _("The assessment was submitted for review."),
    "start_review": _("The review has started."),
    "return": _("The assessment was returned to the team with your comment."),
    "approve": _("The assessment was approved."),
    "unapprove": _("The approval was withdrawn."),
    "publish": _("The assessment was published."),
}
# What a step does, said before it is taken.
WHAT_HAPPENS = {
    "submit": _(
        "The assessment goes to the reviewers. Nobody in the team can change it until a "
        "reviewer returns it with comments."
    ),
    "approve": _(
        "The assessment is approved and counts in the view across country teams. It can be "
        "changed again only if a reviewer withdraws the approval, with a reason."
    ),
    "publish": _(
        "The assessment and its report are published. Nobody can change it afterwards, and "
        "publishing cannot be undone."
    ),
}
CONFIRM_LABELS = {
    "submit": _("Yes, submit for review"),
    "approve": _("Yes, approve"),
    "publish": _("Yes, publish"),
}
CONFIRMED = "yes"  # the value of ``confirmed`` that the summary page's button sends


@login_required
@require_POST
def assessment_step(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    assessment = access.assessment_get(person, pk)
    step = request.POST.get("step", "")
    form = WorkflowForm(request.POST, auto_id=f"id_{step}_%s")
    if form.is_valid():
        page = pages.assessment_page(person, assessment, language())
        if _asks_first(step, page, request.POST.get("confirmed", "")):
            return _confirmation(request, page, step)
        try:
            comment = form.cleaned_data["comment"]
            transition(actor=person, assessment=assessment, step_name=step, comment=comment)
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, DONE[step])
            return redirect_to(assessment, "workflow")
    return render_assessment(request, assessment, status=400, step=step, workflow_form=form)


def _asks_first(step: str, page: pages.AssessmentPage, confirmed: str) -> bool:
    """Whether the step shows its summary page first: a step that needs confirming, not
    yet confirmed, and open to the person (a refusal is shown at once, as it would be
    after confirming)."""
    if step not in summary.CONFIRMED_STEPS or confirmed == CONFIRMED:
        return False
    return step in page.steps and not (step == "submit" and page.blocking)


def _confirmation(request: HttpRequest, page: pages.AssessmentPage, step: str) -> HttpResponse:
    assessment: Assessment = page.assessment
    context = {
        "assessment": assessment,
        "page": page,
        "step": step,
        "label": STEP_LABELS[step],
        "what": WHAT_HAPPENS[step],
        "confirm_label": CONFIRM_LABELS[step],
        "confirmed": CONFIRMED,
        "progress": page_progress(page),
        "warnings": [item for item in page.findings if item.severity != "error"],
    }
    return render(request, "scorecards/assessment_confirm.html", context)
