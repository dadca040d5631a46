"""The review workflow: one form per step the person may take now."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from cometa.accounts.acting import person_of
from cometa.core.errors import ServiceError
from cometa.core.web.pages import form_error
from cometa.scorecards.assessments import access
from cometa.scorecards.assessments.workflow import transition
from cometa.scorecards.web.forms import WorkflowForm
from cometa.scorecards.web.views.assessments import redirect_to, render_assessment

DONE = {
    "submit": _("The assessment was submitted for review."),
    "start_review": _("The review has started."),
    "return": _("The assessment was returned to the team with your comment."),
    "approve": _("The assessment was approved."),
    "unapprove": _("The approval was withdrawn."),
    "publish": _("The assessment was published."),
}


@login_required
@require_POST
def assessment_step(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    assessment = access.assessment_get(person, pk)
    step = request.POST.get("step", "")
    form = WorkflowForm(request.POST, auto_id=f"id_{step}_%s")
    if form.is_valid():
        try:
            comment = form.cleaned_data["comment"]
            transition(actor=person, assessment=assessment, step_name=step, comment=comment)
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, DONE[step])
            return redirect_to(assessment, "workflow")
    return render_assessment(request, assessment, status=400, step=step, workflow_form=form)
