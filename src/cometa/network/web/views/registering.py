"""Registering a woman with a partner, and enrolling her in one of its cohorts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.errors import ServiceError
from cometa.core.web.pages import form_error
from cometa.network import selectors, selectors_network
from cometa.network.access import may_edit_member, reach
from cometa.network.codes import StaffRole
from cometa.network.models import Network, Participant
from cometa.network.services import participants, progress
from cometa.network.web.forms import EnrolForm, RegisterForm


@login_required
@require_http_methods(["GET", "POST"])
def participant_register(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    members = selectors_network.members_for(person, network).filter(
        pk__in=reach(person, network).editor_of
    )
    if not members:
        raise PermissionDenied
    choices = [(m.pk, m.organisation.name) for m in members.order_by("organisation__name")]
    today = timezone.localdate()
    form = RegisterForm(request.POST or None, members=choices, initial={"registered_on": today})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            member = members.get(pk=form.cleaned_data["member"])
            try:
                her = participants.participant_register(
                    actor=person, member=member, **form.service_arguments()
                )
            except ServiceError as error:
                form_error(form, error)
            else:
                messages.success(request, _("She was registered as %(code)s.") % {"code": her.code})
                return redirect("network:participant", pk, her.code)
    context = {"network": network, "form": form}
    return render(request, "network/participant_register.html", context, status=status)


def enrol_form(
    person: Person, network: Network, her: Participant, data: object = None
) -> EnrolForm:
    cohorts = selectors_network.cohorts_for(person, network).filter(member=her.member)
    mentors = selectors_network.staff_for(person, network).filter(
        member=her.member, role=StaffRole.MENTOR, is_active=True
    )
    return EnrolForm(
        data,
        cohorts=[(c.pk, f"{c.code}, {c.site.name}") for c in cohorts.order_by("-starts_on")],
        mentors=[(s.pk, s.name) for s in mentors.order_by("name")],
        auto_id="enrol-%s",
        initial={"enrolled_on": timezone.localdate()},
    )


@login_required
@require_POST
def participant_enrol(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    her = selectors.participant_get(person, network, code)
    if not may_edit_member(person, her.member):
        raise PermissionDenied
    form = enrol_form(person, network, her, request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("network:participant", pk, her.code)
    data = form.cleaned_data
    cohort = selectors_network.cohorts_for(person, network).get(pk=data["cohort"])
    mentor = None
    if data["mentor"] is not None:
        mentor = selectors_network.staff_get(person, network, data["mentor"])
    try:
        progress.enrol(
            actor=person, participant=her, cohort=cohort, enrolled_on=data["enrolled_on"],
            mentor=mentor,
        )  # fmt: skip
    except ServiceError as error:
        if error.status == 403:
            raise
        messages.error(request, error.message)
    else:
        messages.success(request, _("She was enrolled."))
    return redirect("network:participant", pk, her.code)
