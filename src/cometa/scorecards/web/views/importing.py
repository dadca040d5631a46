"""Importing an annual progress report written before Cometa (text form)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cometa.accounts.acting import person_of
from cometa.core.errors import NotPermitted, ServiceError
from cometa.core.web.pages import form_error
from cometa.scorecards.assessments import selectors as assessment_selectors
from cometa.scorecards.report_import.importing import assessment_import
from cometa.scorecards.report_import.parser import ImportProblem, ReportImportError
from cometa.scorecards.web.forms import ImportForm


@login_required
@require_http_methods(["GET", "POST"])
def assessment_import_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    offered = assessment_selectors.editable_teams(person)
    if request.method == "POST" and not offered.exists():
        raise NotPermitted(_("Only editors and coordinators of a country team may import."))
    data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = ImportForm(*data, teams=assessment_selectors.visible_teams(person), offered=offered)
    problems: list[ImportProblem] = []
    if form.is_valid():
        source_name, text = form.cleaned_data["file"]
        try:
            result = assessment_import(
                actor=person,
                organisation=form.cleaned_data["organisation"],
                text=text,
                source_name=source_name,
            )
        except ReportImportError as error:
            problems = error.errors
        except ServiceError as error:
            form_error(form, error)
        else:
            if result.created:
                messages.success(
                    request,
                    _("The report was imported: %(n)s indicators.")
                    % {"n": result.assessment.indicators.count()},
                )
            else:
                messages.info(request, _("This file was imported before: no change."))
            return redirect("scorecards:assessment", pk=result.assessment.pk)
    status = 400 if problems or form.errors else 200
    context = {"form": form, "problems": problems, "may_import": offered.exists()}
    return render(request, "scorecards/assessment_import.html", context, status=status)
