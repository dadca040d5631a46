"""Following a woman in her cohort: her mentoring contacts, and graduation judged
criterion by criterion. Both are recorded by her cohort's partner (its editors); another
partner's enrolment answers 404 like every other path."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cometa.accounts.acting import person_of
from cometa.core.errors import ServiceError
from cometa.core.web.pages import form_error
from cometa.network import selectors, selectors_network
from cometa.network.access import may_edit_member
from cometa.network.codes import StaffRole
from cometa.network.models import Enrolment, Network
from cometa.network.services import progress
from cometa.network.web.forms_care import GraduationForm, MentoringForm


def summary(form: Form) -> list[tuple[str, str]]:
    """The error summary's lines: each message with the id of the field it is about."""
    lines: list[tuple[str, str]] = []
    for name, errors in form.errors.items():
        target = form[name].id_for_label if name in form.fields else ""
        lines.extend((str(error), target) for error in errors)
    return lines


def page(request: HttpRequest, template: str, context: dict[str, Any], form: Form) -> HttpResponse:
    status = 400 if request.method == "POST" else 200
    return render(
        request, template, {**context, "form": form, "errors": summary(form)}, status=status
    )


def _editable(request: HttpRequest, pk: int, enrolment_pk: int) -> tuple[Network, Enrolment]:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    enrolment = selectors.enrolment_get(person, network, enrolment_pk)
    if not may_edit_member(person, enrolment.member):
        raise PermissionDenied
    return network, enrolment


@login_required
@require_http_methods(["GET", "POST"])
def mentoring_record(request: HttpRequest, pk: int, enrolment_pk: int) -> HttpResponse:
    network, enrolment = _editable(request, pk, enrolment_pk)
    person = person_of(request)
    mentors = selectors_network.staff_for(person, network).filter(
        member=enrolment.member, role=StaffRole.MENTOR, is_active=True
    )
    form = MentoringForm(
        request.POST or None,
        mentors=[(m.pk, m.name) for m in mentors.order_by("name")],
        initial={"contacted_on": timezone.localdate(), "mentor": enrolment.mentor_id},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["mentor"] = mentors.get(pk=data["mentor"])
        try:
            progress.mentoring_contact_record(actor=person, enrolment=enrolment, **data)
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, _("The mentoring contact was recorded."))
            return redirect("network:participant", pk, enrolment.participant.code)
    context = {"network": network, "enrolment": enrolment, "her": enrolment.participant}
    return page(request, "network/mentoring_form.html", context, form)


@login_required
@require_http_methods(["GET", "POST"])
def graduation_assess(request: HttpRequest, pk: int, enrolment_pk: int) -> HttpResponse:
    network, enrolment = _editable(request, pk, enrolment_pk)
    person = person_of(request)
    criteria = list(selectors.criteria_in_use(network))
    form = GraduationForm(
        request.POST or None, criteria=criteria, initial={"assessed_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            done = progress.graduation_assess(
                actor=person,
                enrolment=enrolment,
                assessed_on=form.cleaned_data["assessed_on"],
                results=form.results(),
            )
        except ServiceError as error:
            form_error(form, error)
        else:
            if done.passed:
                messages.success(request, _("She meets the graduation criteria."))
            else:
                messages.warning(request, _("She does not meet the graduation criteria yet."))
            return redirect("network:participant", pk, enrolment.participant.code)
    assessments = enrolment.assessments.prefetch_related("results__criterion")
    context = {
        "network": network,
        "enrolment": enrolment,
        "her": enrolment.participant,
        "criteria": criteria,
        "assessments": assessments,
    }
    return page(request, "network/graduation_form.html", context, form)
