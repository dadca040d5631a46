"""The list of assessments, starting one, and the assessment page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.errors import ServiceError
from cometa.core.web.pages import form_error, paginate
from cometa.scorecards.assessments import access, services
from cometa.scorecards.assessments import selectors as assessment_selectors
from cometa.scorecards.frameworks import selectors as framework_selectors
from cometa.scorecards.models import Assessment
from cometa.scorecards.records import removal
from cometa.scorecards.web import pages, summary
from cometa.scorecards.web.forms import (
    ActionForm,
    AssessmentCreateForm,
    AssessmentFilterForm,
    CommentForm,
    EvidenceLinkForm,
    EvidenceUploadForm,
    TeamMemberForm,
    TextForm,
    WorkflowForm,
)
from cometa.scorecards.web.views import error_summary, language

STEP_LABELS = dict(WorkflowForm.base_fields["step"].choices)  # type: ignore[attr-defined]
COMMENT_STEPS = ("return", "unapprove")


def create_form(person: Person, data: Any = None) -> AssessmentCreateForm:
    offered = assessment_selectors.editable_teams(person)
    return AssessmentCreateForm(
        data,
        teams=assessment_selectors.visible_teams(person),
        offered=offered,
        frameworks=framework_selectors.published_frameworks(),
        cycles=assessment_selectors.cycles_of(offered),
    )


def _list(request: HttpRequest, form: AssessmentCreateForm | None, status: int) -> HttpResponse:
    person = person_of(request)
    filters = AssessmentFilterForm(request.GET, years=assessment_selectors.assessment_years(person))
    page = paginate(request, assessment_selectors.assessment_list(person, **filters.filters()))
    rows = summary.list_rows(list(page.object_list), language())
    if getattr(request, "htmx", False) and request.method == "GET":
        return render(request, "scorecards/_assessment_rows.html", {"page": page, "rows": rows})
    form = form or create_form(person)
    may_start = bool(form.fields["organisation"].widget.choices[1:])
    context = {
        "page": page,
        "rows": rows,
        "filters": filters,
        "form": form,
        "may_start": may_start,
        "errors": error_summary(form) if form.is_bound else [],
    }
    return render(request, "scorecards/assessment_list.html", context, status=status)


@login_required
@require_GET
def assessment_list(request: HttpRequest) -> HttpResponse:
    return _list(request, None, 200)


@login_required
@require_POST
def assessment_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    form = create_form(person, request.POST)
    if form.is_valid():
        try:
            assessment = services.assessment_create(
                actor=person, new=services.NewAssessment(**form.cleaned_data)
            )
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, _("The assessment was started."))
            return redirect("scorecards:assessment", pk=assessment.pk)
    return _list(request, form, 400)


def page_forms(page: pages.AssessmentPage) -> dict[str, Any]:
    """The unbound forms of the assessment page, by name."""
    assessment, choices = page.assessment, page.indicator_choices
    return {
        "text_form": TextForm(
            initial={
                "process_text": assessment.process_text,
                "context_text": assessment.context_text,
                "text_version": assessment.text_version,
            }
        ),
        "member_form": TeamMemberForm(),
        "comment_form": CommentForm(indicators=choices),
        "action_form": ActionForm(indicators=choices, years=page.progress_years),
        "upload_form": EvidenceUploadForm(indicators=choices),
        "link_form": EvidenceLinkForm(indicators=choices),
    }


def render_assessment(
    request: HttpRequest,
    assessment: Assessment,
    *,
    status: int = 200,
    step: str = "",
    reload_url: str = "",
    **bound: Form,
) -> HttpResponse:
    """The assessment page, showing the section ``?section=`` names; ``bound`` replaces a
    form by the one the person sent (with its errors, in the section that holds it),
    ``step`` names the workflow step whose form that is, ``reload_url`` offers to reload
    after an edit conflict."""
    person = person_of(request)
    page = pages.assessment_page(person, assessment, language())
    forms = page_forms(page) | bound
    sent = [summary.FORM_SECTIONS[name] for name in bound if name in summary.FORM_SECTIONS]
    section = sent[0] if sent else summary.section_of(request.GET.get("section", ""))
    steps = [_step(name, forms["workflow_form"] if name == step else None) for name in page.steps]
    made = page_progress(page)
    context = {
        "page": page,
        "assessment": assessment,
        "section": section,
        "tabs": summary.tabs(section, removed=bool(page.removed)),
        "anchors": summary.anchors_json(),
        "progress": made,
        "quick_steps": [item for item in steps if not item["needs_comment"]],
        "comment_steps": [item for item in steps if item["needs_comment"]],
        "submit_blocked": summary.submit_blocked(
            assessment, page.steps, may_edit=page.may_edit, errors=made.errors
        ),
        "submit_label": STEP_LABELS["submit"],
        "errors": error_summary(*bound.values()),
        "undo_days": removal.UNDO_DAYS,
        "reload_url": reload_url,
        **forms,
    }
    return render(request, "scorecards/assessment_detail.html", context, status=status)


def page_progress(page: pages.AssessmentPage) -> summary.Progress:
    return summary.progress(
        page.assessment,
        reassessed=page.counts["reassessed"],
        total=len(page.framework.indicators),
        severities=[finding.severity for finding in page.findings],
        evidence=len(page.evidence),
        rated=sum(1 for dimension in page.dimensions for row in dimension.rows if row.level),
    )


def _step(name: str, sent: Form | None) -> dict[str, Any]:
    """A workflow step as the page offers it: its label, whether it asks for a comment
    (then its form sits in the review section) or a confirmation first."""
    return {
        "name": name,
        "label": STEP_LABELS[name],
        "needs_comment": name in COMMENT_STEPS,
        "confirm": name in summary.CONFIRMED_STEPS,
        "form": sent or WorkflowForm(initial={"step": name}, auto_id=f"id_{name}_%s"),
    }


@login_required
@require_GET
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_assessment(request, access.assessment_get(person_of(request), pk))


@login_required
@require_POST
def assessment_text(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    assessment = access.assessment_get(person, pk)
    form = TextForm(request.POST)
    return form_on_page(
        request,
        assessment,
        form,
        name="text_form",
        save=lambda: services.assessment_update_text(
            actor=person,
            assessment=assessment,
            process_text=form.cleaned_data["process_text"],
            context_text=form.cleaned_data["context_text"],
            expected_version=form.cleaned_data["text_version"],
        ),
        done=_("The process and context were saved."),
        then="process",
    )


def form_on_page(
    request: HttpRequest,
    assessment: Assessment,
    form: Form,
    *,
    name: str,
    save: Callable[[], object],
    done: str,
    then: str | Callable[[], HttpResponse],
) -> HttpResponse:
    """A form of the assessment page, sent to the service that ``save`` calls. Made: the
    message ``done`` and a redirect to the page's section ``then`` (or what ``then()``
    answers). Not valid, or refused by the service: the page again, answering 400, with
    the form (as ``name``) showing each problem next to its field. Based on an older
    version than the stored one: 409, what was typed kept, and a link to reload."""
    sent: dict[str, Any] = {name: form}
    if form.is_valid():
        try:
            save()
        except ServiceError as error:
            form_error(form, error)
            if error.code == "edit_conflict":
                return render_assessment(
                    request,
                    assessment,
                    status=409,
                    reload_url=_reload_url(assessment, then),
                    **sent,
                )
        else:
            messages.success(request, done)
            return redirect_to(assessment, then) if isinstance(then, str) else then()
    return render_assessment(request, assessment, status=400, step="", **sent)


def _reload_url(assessment: Assessment, then: object) -> str:
    """Where to read the latest version after an edit conflict: the page, at the section."""
    url = reverse("scorecards:assessment", args=[assessment.pk])
    return f"{url}#{then}" if isinstance(then, str) else url


def redirect_to(assessment: Assessment | int, anchor: str = "") -> HttpResponse:
    """The assessment page, at the section that holds ``anchor``."""
    pk = assessment if isinstance(assessment, int) else assessment.pk
    url = reverse("scorecards:assessment", kwargs={"pk": pk})
    if not anchor:
        return redirect(url)
    return redirect(f"{url}?section={summary.section_of(anchor)}#{anchor}")
