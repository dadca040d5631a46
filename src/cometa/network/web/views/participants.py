"""A partner's participants: the list (searchable by code), her page, the state changes
of her enrolments, and removal, restoring and erasure (with a confirmation step)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.errors import NotPermitted, ServiceError
from cometa.core.web.pages import paginate
from cometa.network import selectors, selectors_network
from cometa.network.access import may_coordinate_member, reach
from cometa.network.models import Network, Participant
from cometa.network.services import erasure, progress
from cometa.network.web.forms import EnrolmentChangeForm, RemoveForm, SearchForm
from cometa.network.web.pages import participant_page
from cometa.network.web.views.registering import enrol_form


@login_required
@require_GET
def participant_list(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    search = SearchForm(request.GET)
    rows = selectors.participants_for(person, network).select_related("member__organisation")
    if search.is_valid() and search.cleaned_data["q"]:
        rows = rows.filter(code__icontains=search.cleaned_data["q"])
    page = paginate(request, rows.order_by("code"))
    identities = selectors.identities_for(person, page.object_list)
    since = timezone.now() - timedelta(days=erasure.UNDO_DAYS)
    context = {
        "network": network,
        "search": search,
        "page": page,
        "rows": [(her, identities.get(her.pk)) for her in page.object_list],
        "named": bool(identities),
        "removed": selectors.removed_for(person, network, since)[:50],
        "partner": bool(reach(person, network).member_ids),
    }
    template = "network/_participant_rows.html" if request.htmx else "network/participants.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def _detail(request: HttpRequest, pk: int, code: str, status: int = 200) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    participant = selectors.participant_get(person, network, code)
    page = participant_page(person, network, participant)
    context = {
        "network": network,
        "page": page,
        "change_form": EnrolmentChangeForm(),
        "enrol_form": enrol_form(person, network, participant) if page.may_edit else None,
    }
    return render(request, "network/participant.html", context, status=status)


@login_required
@require_GET
def participant_detail(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    return _detail(request, pk, code)


@login_required
@require_POST
def enrolment_change(request: HttpRequest, pk: int, enrolment_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    enrolment = selectors.enrolment_get(person, network, enrolment_pk)
    code = enrolment.participant.code
    form = EnrolmentChangeForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return _detail(request, pk, code, status=400)
    try:
        progress.enrolment_change(actor=person, enrolment=enrolment, **form.cleaned_data)
    except NotPermitted:
        raise
    except ServiceError as error:
        messages.error(request, error.message)
        return _detail(request, pk, code, status=error.status)
    messages.success(request, _("The enrolment's state was changed."))
    return redirect("network:participant", pk, code)


def _her(person: Person, network: Network, code: str, *, erase: bool) -> Participant:
    """Her record; for an erasure, a removed record too (the coordinators' own)."""
    try:
        return selectors.participant_get(person, network, code)
    except Http404:
        if not erase:
            raise
        return selectors.removed_participant_get(person, network, code)


def _confirm(request: HttpRequest, pk: int, code: str, *, erase: bool) -> HttpResponse:
    """The confirmation page (GET) and the change (POST) of a removal or an erasure."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    participant = _her(person, network, code, erase=erase)
    if not may_coordinate_member(person, participant.member):
        raise PermissionDenied
    form = RemoveForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        service = erasure.participant_erase if erase else erasure.participant_remove
        try:
            service(actor=person, participant=participant, reason=form.cleaned_data["reason"])
        except NotPermitted:
            raise
        except ServiceError as error:
            form.add_error(None, error.message)
            status = error.status
        else:
            done = _("Her record was erased.") if erase else _("Her record was removed.")
            messages.success(request, done)
            return redirect(reverse("network:participants", args=[pk]))
    elif request.method == "POST":
        status = 400
    context = {"network": network, "participant": participant, "form": form, "erase": erase}
    return render(request, "network/participant_confirm.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def participant_remove(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    return _confirm(request, pk, code, erase=False)


@login_required
@require_http_methods(["GET", "POST"])
def participant_erase(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    return _confirm(request, pk, code, erase=True)


@login_required
@require_POST
def participant_restore(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    participant = selectors.removed_participant_get(person, network, code)
    try:
        erasure.participant_restore(actor=person, participant=participant)
    except NotPermitted:
        raise
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("network:participants", pk)
    messages.success(request, _("Her record was put back."))
    return redirect("network:participant", pk, participant.code)
