"""One outcome: its statement, outputs with their budgets, indicators with their values by
year, the narrative of a year with its assessment and facts, and partners. The office's
editors change them here; each change is one service call, audited by the service."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.errors import Conflict, ServiceError, ValidationFailed
from cometa.core.web.pages import form_error
from cometa.results import selectors
from cometa.results.models import Narrative, Outcome
from cometa.results.services import framework, registers, reporting
from cometa.results.web.forms import BudgetForm, FactForm, NarrativeForm, PartnerForm
from cometa.results.web.pages import OutcomePage, outcome_page
from cometa.results.web.views.common import error_summary, language, require_edit


def _year(outcome: Outcome, asked: object) -> int:
    plan = outcome.plan
    try:
        wanted = int(str(asked))
    except ValueError:
        wanted = timezone.localdate().year - 1
    return min(max(wanted, plan.start_year), plan.end_year)


def _url(outcome: Outcome, year: int, anchor: str = "") -> str:
    found = reverse("results:outcome", args=[outcome.pk]) + f"?year={year}"
    return found + (f"#{anchor}" if anchor else "")


def _narrative_form(page: OutcomePage) -> NarrativeForm:
    narrative = page.narrative
    text = narrative.text_of() if narrative else None
    return NarrativeForm(
        initial={
            "progress": narrative.progress if narrative else "not_assessed",
            "text_en": text.en if text else "",
            "text_es": text.es if text else "",
            "text_ru": text.ru if text else "",
            "version": narrative.version if narrative else 0,
        },
        auto_id="narrative-%s",
    )


def fact_form(page: OutcomePage, data: Any = None) -> FactForm:
    choices = [
        (row.attached.pk, f"{row.attached.version.indicator.code}: {row.title}")
        for row in page.indicators
    ]
    return FactForm(data, indicators=choices)


def _render(
    request: HttpRequest,
    person: Person,
    outcome: Outcome,
    year: int,
    *,
    sent: dict[str, Form] | None = None,
    status: int = 200,
    theirs: Narrative | None = None,
    conflict: str = "",
) -> HttpResponse:
    page = outcome_page(person, outcome, year, language())
    sent = sent or {}
    forms = {
        "narrative_form": sent.get("narrative_form") or _narrative_form(page),
        "fact_form": sent.get("fact_form") or fact_form(page),
        "partner_form": sent.get("partner_form") or PartnerForm(),
    }
    budget_sent = sent.get("budget_form")
    outputs = [
        (output, statement, lines, _budget_form(output.pk, year, budget_sent))
        for output, statement, lines in page.outputs
    ]
    context = {
        "page": page,
        "outcome": outcome,
        "plan": outcome.plan,
        "errors": error_summary(*sent.values()),
        "theirs": theirs,
        "theirs_text": theirs.text_of().get(language()) if theirs else "",
        "conflict": conflict,
        "reload_url": _url(outcome, year, "narrative"),
        "outputs": outputs,
        **forms,
    }
    return render(request, "results/outcome_detail.html", context, status=status)


def _budget_form(output: int, year: int, sent: Form | None) -> Form:
    if sent is not None and sent.auto_id == f"budget-{output}-%s":
        return sent
    return BudgetForm(initial={"year": year}, auto_id=f"budget-{output}-%s")


@login_required
@require_GET
def outcome_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    outcome = selectors.outcome_get(person, pk)
    return _render(request, person, outcome, _year(outcome, request.GET.get("year")))


def _renamed(errors: dict[str, list[str]], names: dict[str, str]) -> dict[str, list[str]]:
    return {names.get(name, name): messages for name, messages in errors.items()}


@login_required
@require_POST
def narrative_save(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    person = person_of(request)
    outcome = selectors.outcome_get(person, pk)
    require_edit(person, outcome.plan.office)
    form = NarrativeForm(request.POST, auto_id="narrative-%s")
    if form.is_valid():
        try:
            reporting.narrative_save(
                actor=person,
                outcome=outcome,
                year=year,
                content=form.content(),
                expected_version=form.cleaned_data["version"],
            )
        except Conflict as error:
            theirs = outcome.narratives.filter(year=year).first()
            return _render(
                request, person, outcome, year, sent={"narrative_form": form},
                status=409, theirs=theirs, conflict=error.message,
            )  # fmt: skip
        except ValidationFailed as error:  # the English text is the form's text_en
            form_error(form, ValidationFailed(_renamed(error.errors, {"text": "text_en"})))
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, _("The %(year)s narrative was saved.") % {"year": year})
            return redirect(_url(outcome, year, "narrative"))
    return _render(request, person, outcome, year, sent={"narrative_form": form}, status=400)


@login_required
@require_POST
def fact_add(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    person = person_of(request)
    outcome = selectors.outcome_get(person, pk)
    require_edit(person, outcome.plan.office)
    narrative = selectors.narrative_of(person, pk, year)
    page = outcome_page(person, outcome, year, language())
    form = fact_form(page, request.POST)
    if form.is_valid():
        try:
            reporting.fact_add(actor=person, narrative=narrative, content=form.content())
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, _("The fact was added."))
            return redirect(_url(outcome, year, "facts"))
    return _render(request, person, outcome, year, sent={"fact_form": form}, status=400)


@login_required
@require_POST
def fact_remove(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    fact = selectors.fact_get(person, pk)
    outcome = fact.narrative.outcome
    require_edit(person, outcome.plan.office)
    reporting.fact_remove(actor=person, fact=fact)
    messages.success(request, _("The fact was removed."))
    return redirect(_url(outcome, fact.narrative.year, "facts"))


@login_required
@require_POST
def partner_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    outcome = selectors.outcome_get(person, pk)
    require_edit(person, outcome.plan.office)
    year = _year(outcome, request.GET.get("year"))
    form = PartnerForm(request.POST)
    if form.is_valid():
        try:
            framework.partner_add(actor=person, outcome=outcome, **form.cleaned_data)
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, _("The partner was added."))
            return redirect(_url(outcome, year, "partners"))
    return _render(request, person, outcome, year, sent={"partner_form": form}, status=400)


@login_required
@require_POST
def partner_remove(request: HttpRequest, pk: int, partner_pk: int) -> HttpResponse:
    person = person_of(request)
    outcome = selectors.outcome_get(person, pk)
    partner = selectors.partner_get(person, outcome.pk, partner_pk)
    require_edit(person, outcome.plan.office)
    framework.partner_remove(actor=person, partner=partner)
    messages.success(request, _("The partner was removed."))
    return redirect(_url(outcome, _year(outcome, request.GET.get("year")), "partners"))


@login_required
@require_POST
def budget_save(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    output = selectors.output_get(person, pk)
    outcome = output.outcome
    require_edit(person, outcome.plan.office)
    form = BudgetForm(request.POST, auto_id=f"budget-{output.pk}-%s")
    year = _year(outcome, request.POST.get("year"))
    if form.is_valid():
        try:
            registers.budget_line_save(actor=person, output=output, content=form.content())
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(
                request, _("The budget of %(code)s was saved.") % {"code": output.code}
            )
            return redirect(_url(outcome, year, f"output-{output.pk}"))
    return _render(request, person, outcome, year, sent={"budget_form": form}, status=400)
