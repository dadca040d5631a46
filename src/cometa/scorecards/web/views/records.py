"""The records of an assessment: its team, review comments, action plan and evidence."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cometa.accounts.acting import person_of
from cometa.core.errors import NotPermitted, ServiceError
from cometa.core.web.pages import form_error
from cometa.scorecards.assessments import access
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import ActionPoint, Assessment, RemovedKind
from cometa.scorecards.records import evidence, filetypes, removal
from cometa.scorecards.records import selectors as record_selectors
from cometa.scorecards.records import services as record_services
from cometa.scorecards.web import pages
from cometa.scorecards.web.forms import (
    ActionForm,
    CommentForm,
    EvidenceLinkForm,
    EvidenceUploadForm,
    TeamMemberForm,
)
from cometa.scorecards.web.views import error_summary, language
from cometa.scorecards.web.views.assessments import form_on_page, redirect_to, render_assessment


def _change(
    request: HttpRequest,
    assessment: Assessment,
    operation: Callable[[], object],
    *,
    done: str,
    section: str,
) -> HttpResponse:
    """A change that has no form (a removal, putting one back). Made: the message ``done``
    and the page's ``section``. A refusal (other than a missing permission, which answers
    403) is shown on the assessment page, with its status (409 for a state the assessment
    is in, 400 otherwise)."""
    try:
        operation()
    except NotPermitted:
        raise
    except ServiceError as error:
        messages.error(request, error.message)
        return render_assessment(request, assessment, status=error.status)
    messages.success(request, done)
    return redirect_to(assessment, section)


# --- the inter-agency assessment team -----------------------------------------------------------


@login_required
@require_POST
def team_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    assessment = access.assessment_get(person, pk)
    form = TeamMemberForm(request.POST)
    return form_on_page(
        request,
        assessment,
        form,
        name="member_form",
        save=lambda: record_services.team_member_add(
            actor=person, assessment=assessment, **form.cleaned_data
        ),
        done=_("The member was added to the team."),
        then="team",
    )


@login_required
@require_POST
def team_remove(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    member = record_selectors.team_member_get(person, pk)
    removed = _("%(name)s was removed from the team.") % {"name": member.name}
    return _change(
        request,
        member.assessment,
        lambda: record_services.team_member_remove(actor=person, member=member),
        done=_with_undo_hint(removed),
        section="team",
    )


# --- review comments ----------------------------------------------------------------------------


@login_required
@require_POST
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    assessment = access.assessment_get(person, pk)
    indicators = pages.indicator_choices(framework_of(assessment.framework), language())
    form = CommentForm(request.POST, indicators=indicators)

    def back() -> HttpResponse:
        code = form.cleaned_data["indicator_code"]
        if code and request.POST.get("back") == "indicator":
            return redirect(reverse("scorecards:indicator", args=[assessment.pk, code]))
        return redirect_to(assessment, "comments")

    return form_on_page(
        request,
        assessment,
        form,
        name="comment_form",
        save=lambda: record_services.comment_add(
            actor=person, assessment=assessment, **form.cleaned_data
        ),
        done=_("Your comment was added."),
        then=back,
    )


# --- the action plan ----------------------------------------------------------------------------


def _action_form(
    request: HttpRequest, assessment: Assessment, action: ActionPoint | None = None
) -> ActionForm:
    framework = framework_of(assessment.framework)
    actions = [action] if action is not None else []
    return ActionForm(
        request.POST if request.method == "POST" else None,
        indicators=pages.indicator_choices(framework, language()),
        years=pages.progress_years(assessment, actions),
        action=action,
    )


@login_required
@require_POST
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    assessment = access.assessment_get(person, pk)
    form = _action_form(request, assessment)
    return form_on_page(
        request,
        assessment,
        form,
        name="action_form",
        save=lambda: record_services.action_save(
            actor=person, assessment=assessment, content=form.values()
        ),
        done=_("The action point was added."),
        then="actions",
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    action = record_selectors.action_get(person, pk)
    if not access.may_edit(person, action.assessment):
        raise NotPermitted(_("Only editors and coordinators of this country team may change it."))
    form = _action_form(request, action.assessment, action)
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            record_services.action_save(
                actor=person,
                assessment=action.assessment,
                action=action,
                expected_version=form.cleaned_data["version"],
                content=form.values(),
            )
        except ServiceError as error:
            form_error(form, error)
            conflict = error.code == "edit_conflict"
        else:
            messages.success(request, _("The action point was saved."))
            return redirect_to(action.assessment, f"action-{action.pk}")
    context = {
        "form": form,
        "action": action,
        "assessment": action.assessment,
        "errors": error_summary(form) if form.is_bound else [],
        "reload_url": request.path if conflict else "",
    }
    status = 409 if conflict else 400 if form.errors else 200
    return render(request, "scorecards/action_form.html", context, status=status)


@login_required
@require_POST
def action_delete(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    action = record_selectors.action_get(person, pk)
    return _change(
        request,
        action.assessment,
        lambda: record_services.action_delete(actor=person, action=action),
        done=_with_undo_hint(_("The action point was deleted.")),
        section="actions",
    )


# --- evidence -----------------------------------------------------------------------------------


@login_required
@require_POST
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    assessment = access.assessment_get(person, pk)
    if not access.may_edit(person, assessment):
        raise NotPermitted(
            _("Only editors and coordinators of this country team may add evidence.")
        )
    indicators = pages.indicator_choices(framework_of(assessment.framework), language())
    form = EvidenceUploadForm(request.POST, request.FILES, indicators=indicators)

    def upload() -> object:
        data = dict(form.cleaned_data)
        file = data.pop("file")
        return evidence.evidence_upload(
            actor=person, assessment=assessment, file=file, filename=file.name, **data
        )

    return form_on_page(
        request,
        assessment,
        form,
        name="upload_form",
        save=upload,
        done=_("The file was added to the evidence."),
        then="evidence",
    )


@login_required
@require_POST
def evidence_link(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    assessment = access.assessment_get(person, pk)
    indicators = pages.indicator_choices(framework_of(assessment.framework), language())
    form = EvidenceLinkForm(request.POST, indicators=indicators)
    return form_on_page(
        request,
        assessment,
        form,
        name="link_form",
        save=lambda: evidence.evidence_link(
            actor=person, assessment=assessment, **form.cleaned_data
        ),
        done=_("The link was added to the evidence."),
        then="evidence",
    )


@login_required
@require_POST
def evidence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    item = record_selectors.evidence_get(person, pk)
    removed = _("“%(title)s” was removed from the evidence.") % {"title": item.title}
    return _change(
        request,
        item.assessment,
        lambda: evidence.evidence_delete(actor=person, evidence=item),
        done=_with_undo_hint(removed),
        section="evidence",
    )


@login_required
@require_GET
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    item, stored = record_selectors.evidence_file(person_of(request), pk)
    return FileResponse(
        stored,
        as_attachment=True,
        filename=filetypes.safe_name(item.original_name or item.title, item.content_type),
        content_type=item.content_type or "application/octet-stream",
    )


# --- undo -----------------------------------------------------------------------------------

SECTION_OF: dict[str, str] = {
    RemovedKind.TEAM_MEMBER: "team",
    RemovedKind.ACTION: "actions",
    RemovedKind.EVIDENCE: "evidence",
}


def _with_undo_hint(removed: str) -> str:
    """The message after a removal, with where to undo it."""
    hint = _("You can put it back under “Recently removed” for %(days)s days.") % {
        "days": removal.UNDO_DAYS
    }
    return f"{removed} {hint}"


@login_required
@require_POST
def removed_restore(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    kept = removal.removed_get(person, pk)
    return _change(
        request,
        kept.assessment,
        lambda: removal.removed_restore(actor=person, removed=kept),
        done=_("“%(label)s” is back.") % {"label": kept.label},
        section=SECTION_OF[kept.kind],
    )
