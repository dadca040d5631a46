"""One indicator of an assessment: its criteria, the team's answers, and the rating."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cometa.accounts.acting import person_of
from cometa.core.errors import Conflict, ServiceError, ValidationFailed
from cometa.scorecards.assessments import selectors as assessment_selectors
from cometa.scorecards.assessments import services
from cometa.scorecards.frameworks.rating import trace_data
from cometa.scorecards.web import pages
from cometa.scorecards.web.forms import CommentForm
from cometa.scorecards.web.indicator_form import IndicatorForm
from cometa.scorecards.web.views import error_summary, language


def _form(page: pages.IndicatorPage, data: Any = None) -> IndicatorForm:
    return IndicatorForm(
        data,
        indicator=page.indicator,
        levels=page.levels,
        level_labels=page.level_labels,
        row=page.row,
        language=page.language,
    )


def _render(
    request: HttpRequest,
    page: pages.IndicatorPage,
    form: IndicatorForm,
    panel: pages.RatingPanel,
    *,
    status: int = 200,
    conflict: str = "",
) -> HttpResponse:
    context = {
        "page": page,
        "assessment": page.assessment,
        "row": page.row,
        "form": form,
        "panel": panel,
        "conflict": conflict,
        "errors": error_summary(form) if form.is_bound else [],
        "comment_form": CommentForm(
            initial={"indicator_code": page.row.code},
            indicators=[(page.row.code, page.title)],
        ),
    }
    return render(request, "scorecards/indicator_detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_detail(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    person = person_of(request)
    row = assessment_selectors.indicator_get(person, pk, code)
    page = pages.indicator_page(person, row, language())
    form = _form(page, request.POST if request.method == "POST" else None)
    conflict = ""
    if request.method == "POST" and form.is_valid():
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
    status = 409 if conflict else 400 if form.errors else 200
    panel = pages.rating_panel(page)
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
    panel = _preview(page, form, data is not None)
    if getattr(request, "htmx", False):
        return render(request, "scorecards/_rating_panel.html", {"panel": panel})
    return _render(request, page, form, panel)


def _preview(page: pages.IndicatorPage, form: IndicatorForm, sent: bool) -> Any:
    answers, inputs = dict(page.row.answers), dict(page.row.inputs)
    problems: list[str] = []
    if sent:
        form.is_valid()
        answers, inputs = form.answers(), form.inputs()
        problems = [
            f"{form[name].label}: {message}"
            for name, errors in form.errors.items()
            if name.startswith(("answer-", "input-"))
            for message in errors
        ]
    try:
        rating = pages.rating_preview(page.row, answers, inputs)
    except ValidationFailed as error:
        problems += [m for messages_ in error.errors.values() for m in messages_]
        return pages.rating_panel(page, level="", trace={}, preview=True, problems=problems)
    return pages.rating_panel(
        page, level=rating.level, trace=trace_data(rating), preview=True, problems=problems
    )
