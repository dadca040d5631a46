"""The follow-up worklist of field staff: who is due, overdue or unreachable, with her
name and phone for those who may read them; recording an attempt and her answers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cometa.accounts.acting import person_of
from cometa.core.errors import NotPermitted, ServiceError
from cometa.core.web.pages import paginate
from cometa.network import selectors, selectors_network
from cometa.network.access import reach
from cometa.network.services import progress
from cometa.network.web.forms import AttemptForm, ResponseForm, WorklistForm
from cometa.network.web.pages import worklist_rows


@login_required
@require_GET
def worklist(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    today = timezone.localdate()
    form = WorklistForm(request.GET)
    wanted = form.cleaned_data["standing"] if form.is_valid() else ""
    page = paginate(request, selectors.worklist_for(person, network, today, wanted))
    identities = selectors.identities_for(
        person, [task.enrolment.participant for task in page.object_list]
    )
    now = timezone.localtime().replace(second=0, microsecond=0)
    # Every row's two forms are the same but for their ids: rendered once, then copied
    # with the task's id (rendering 50 forms' widgets took most of the page's time).
    attempt = _once(request, AttemptForm(auto_id="a__task__-%s", initial={"attempted_at": now}))
    response = _once(request, ResponseForm(auto_id="r__task__-%s", initial={"responded_on": today}))
    forms = [(row, _copy(attempt, row.task.pk), _copy(response, row.task.pk)) for row in
             worklist_rows(page.object_list, today, identities)]  # fmt: skip
    context = {
        "network": network,
        "form": form,
        "page": page,
        "may_record": bool(reach(person, network).editor_of),
        "rows": forms,
    }
    return render(request, "network/worklist.html", context)


def _once(request: HttpRequest, form: Any) -> str:
    """A form's fields as HTML, with ``__task__`` where each row puts its task's id."""
    return render_to_string("_form_fields.html", {"form": form}, request=request)


def _copy(html: str, task_pk: int) -> str:
    """The rendered fields with the task's id: our own template's output (escaped when it
    was rendered) with an integer put in, so it stays safe."""
    return mark_safe(html.replace("__task__", str(task_pk)))  # noqa: S308  # nosec


def _record(request: HttpRequest, pk: int, task_pk: int, form: Any, save: Any) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    task = selectors.followup_get(person, network, task_pk)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("network:worklist", pk)
    try:
        save(person, task, form.cleaned_data)
    except NotPermitted:
        raise
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("network:worklist", pk)
    messages.success(
        request, _("Recorded for %(code)s.") % {"code": task.enrolment.participant.code}
    )
    return redirect("network:worklist", pk)


@login_required
@require_POST
def followup_attempt(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    def save(person: Any, task: Any, data: dict[str, Any]) -> None:
        progress.followup_attempt(actor=person, task=task, **data)

    return _record(request, pk, task_pk, AttemptForm(request.POST), save)


@login_required
@require_POST
def followup_respond(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    def save(person: Any, task: Any, data: dict[str, Any]) -> None:
        progress.followup_respond(actor=person, task=task, **data)

    return _record(request, pk, task_pk, ResponseForm(request.POST), save)
