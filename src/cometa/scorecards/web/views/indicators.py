"""One indicator of an assessment: its criteria, the team's answers, the rating beside them
as the answers change, and evidence added from the indicator itself."""

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
from django.views.decorators.http import require_http_methods, require_POST

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.errors import Conflict, NotPermitted, ServiceError, ValidationFailed
from cometa.core.web.pages import form_error
from cometa.scorecards.assessments import access, services
from cometa.scorecards.assessments import selectors as assessment_selectors
from cometa.scorecards.frameworks.rating import trace_data
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.records import evidence
from cometa.scorecards.records.categories import category_for
from cometa.scorecards.web import pages
from cometa.scorecards.web.forms import CommentForm, EvidenceLinkForm, EvidenceUploadForm
from cometa.scorecards.web.indicator_form import IndicatorForm
from cometa.scorecards.web.rating_panel import Drop, RatingPanel, rating_drop, rating_panel
from cometa.scorecards.web.suggestion_panel import suggestion_panel
from cometa.scorecards.web.views import language


def _form(page: pages.IndicatorPage, data: Any = None) -> IndicatorForm:
    return IndicatorForm(
        data,
        indicator=page.indicator,
        levels=page.levels,
        level_labels=page.level_labels,
        row=page.row,
        language=page.language,
    )


def _evidence_forms(page: pages.IndicatorPage, sent: dict[str, Form]) -> dict[str, Form]:
    """The evidence forms of the assessment page, started with this indicator and the
    category its evidence usually falls in (a form that was sent comes back as it was)."""
    choices = pages.indicator_choices(framework_of(page.assessment.framework), page.language)
    initial = {
        "indicator_code": page.row.code,
        "category": category_for(page.assessment.framework.identifier, page.row.code),
    }
    return {
        "upload_form": sent.get("upload_form")
        or EvidenceUploadForm(initial=initial, indicators=choices),
        "link_form": sent.get("link_form") or EvidenceLinkForm(initial=initial, indicators=choices),
    }


def _named_errors(*forms: Form) -> list[tuple[str, str]]:
    """(message naming its field, id of the field) for every error of these forms."""
    found = []
    for form in forms:
        for name, errors in form.errors.items():
            if name == "__all__":
                found += [(str(message), "") for message in errors]
            else:
                field = form[name]
                found += [(f"{field.label}: {message}", field.id_for_label) for message in errors]
    return found


def _render(
    request: HttpRequest,
    page: pages.IndicatorPage,
    form: IndicatorForm,
    panel: RatingPanel,
    *,
    status: int = 200,
    conflict: str = "",
    drop: Drop | None = None,
    sent: dict[str, Form] | None = None,
    refused: dict[str, Any] | None = None,
) -> HttpResponse:
    """The indicator page; ``refused`` is a decision on a suggestion that was refused:
    ``{"errors": [(message, field id)], "source": ..., "reason": ...}``."""
    evidence_forms = _evidence_forms(page, sent or {})
    errors = form.summary() if form.is_bound else []
    refused = refused or {}
    person = person_of(request)
    context = {
        "suggestions": suggestion_panel(
            person, page, may_edit=page.may_edit, labels=page.level_labels
        ),
        "refused": refused,
        "page": page,
        "assessment": page.assessment,
        "row": page.row,
        "form": form,
        "panel": panel,
        "conflict": conflict,
        "drop": drop,
        "errors": errors
        + _named_errors(*(f for f in evidence_forms.values() if f.is_bound))
        + refused.get("errors", []),
        "comment_form": CommentForm(
            initial={"indicator_code": page.row.code},
            indicators=[(page.row.code, page.title)],
        ),
        **evidence_forms,
    }
    return render(request, "scorecards/indicator_detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_detail(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """GET: the page. POST: saves the answers; a save that would lower the rating comes back
    first with what is about to happen, and saves once the person confirms it."""
    person = person_of(request)
    row = assessment_selectors.indicator_get(person, pk, code)
    page = pages.indicator_page(person, row, language())
    if request.method != "POST":
        return _render(request, page, _form(page), rating_panel(page))
    form = _form(page, request.POST)
    valid = form.is_valid()
    panel, rating = _preview(page, form, sent=True)
    conflict = ""
    if valid:
        # Against a version the person did not see, the save is refused as a conflict
        # first: a drop from a rating they never saw is not theirs to confirm.
        current = form.expected_version == row.version
        drop = rating_drop(page, form.values(), rating) if current else None
        if drop is not None and form.cleaned_data["confirm_drop"] != drop.level:
            return _render(request, page, form, panel, drop=drop)
        try:
            services.indicator_update(
                actor=person,
                indicator=row,
                expected_version=form.expected_version,
                values=form.values(),
            )
        except Conflict as error:
            conflict = error.message
        except ServiceError as error:
            form.refuse(error)
        else:
            messages.success(request, _("PI %(code)s was saved.") % {"code": row.code})
            return redirect(reverse("scorecards:indicator", args=[pk, code]) + "#rating")
    status = 409 if conflict else 400
    return _render(request, page, form, panel, status=status, conflict=conflict)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_preview(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """The rating the answers on the form would give, computed without saving (read-only:
    anyone who may see the assessment may ask). With htmx, only the rating panel."""
    person = person_of(request)
    row = assessment_selectors.indicator_get(person, pk, code)
    page = pages.indicator_page(person, row, language())
    data = request.POST if request.method == "POST" else request.GET or None
    form = _form(page, data)
    if data is not None:
        form.is_valid()
    panel, _rating = _preview(page, form, sent=data is not None)
    if getattr(request, "htmx", False):
        return render(request, "scorecards/_rating_preview.html", {"panel": panel})
    return _render(request, page, form, panel)


def _preview(page: pages.IndicatorPage, form: IndicatorForm, *, sent: bool) -> tuple[Any, Any]:
    """The panel of the rating the form's answers give (the stored answers when nothing was
    sent), and that rating (None when the answers do not fit the indicator)."""
    answers, inputs = dict(page.row.answers), dict(page.row.inputs)
    problems: list[str] = []
    if sent:
        answers, inputs = form.answers(), form.inputs()
        problems = [
            f"{form[name].label}: {message}"
            for name, errors in form.errors.items()
            if name.startswith("input-")
            for message in errors
        ]
    try:
        rating = pages.rating_preview(page.row, answers, inputs)
    except ValidationFailed as error:
        problems += [m for messages_ in error.errors.values() for m in messages_]
        panel = rating_panel(page, level="", trace={}, preview=True, problems=problems)
        return panel, None
    panel = rating_panel(
        page, level=rating.level, trace=trace_data(rating), preview=True, problems=problems
    )
    return panel, rating


# --- evidence, added from the indicator -------------------------------------------------------


def _add_evidence(
    request: HttpRequest,
    pk: int,
    code: str,
    *,
    name: str,
    make: Callable[[list[tuple[str, str]]], Form],
    save: Callable[[Person, Any, Form], object],
    done: str,
) -> HttpResponse:
    """An evidence form of the assessment page, sent from an indicator's page: saved by the
    same service; refused, the indicator's page again (400) with the form's problems."""
    person = person_of(request)
    row = assessment_selectors.indicator_get(person, pk, code)
    if not access.may_edit(person, row.assessment):
        raise NotPermitted(
            _("Only editors and coordinators of this country team may add evidence.")
        )
    page = pages.indicator_page(person, row, language())
    form = make(pages.indicator_choices(framework_of(row.assessment.framework), page.language))
    if form.is_valid():
        try:
            save(person, row.assessment, form)
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, done)
            return redirect(reverse("scorecards:indicator", args=[pk, code]) + "#evidence")
    return _render(request, page, _form(page), rating_panel(page), status=400, sent={name: form})


def _upload(person: Person, assessment: Any, form: Form) -> object:
    data = dict(form.cleaned_data)
    file = data.pop("file")
    return evidence.evidence_upload(
        actor=person, assessment=assessment, file=file, filename=file.name, **data
    )


@login_required
@require_POST
def indicator_evidence_upload(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    return _add_evidence(
        request,
        pk,
        code,
        name="upload_form",
        make=lambda choices: EvidenceUploadForm(request.POST, request.FILES, indicators=choices),
        save=_upload,
        done=_("The file was added to the evidence."),
    )


@login_required
@require_POST
def indicator_evidence_link(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    return _add_evidence(
        request,
        pk,
        code,
        name="link_form",
        make=lambda choices: EvidenceLinkForm(request.POST, indicators=choices),
        save=lambda person, assessment, form: evidence.evidence_link(
            actor=person, assessment=assessment, **form.cleaned_data
        ),
        done=_("The link was added to the evidence."),
    )
