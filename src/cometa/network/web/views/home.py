"""The networks a person reaches; one network (its members, centres and cohorts); a
member's shared page; the meetings log."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cometa.accounts.acting import person_of
from cometa.core.errors import ServiceError
from cometa.core.web.pages import form_error, paginate
from cometa.network import selectors_delivery, selectors_network
from cometa.network.access import may_edit_member, may_manage, reach
from cometa.network.services import network as network_services
from cometa.network.web.forms import MemberPageForm


@login_required
@require_GET
def network_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    networks = list(selectors_network.networks_for(person).order_by("name"))
    return render(request, "network/network_list.html", {"networks": networks})


@login_required
@require_GET
def network_home(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    where = reach(person, network)
    members = selectors_network.members_for(person, network).order_by("organisation__name")
    context = {
        "network": network,
        "members": members,
        "mine": [m for m in members if m.pk in where.member_ids],
        "sites": selectors_network.sites_for(person, network).order_by("name"),
        "cohorts": selectors_network.cohorts_for(person, network).order_by("-starts_on", "code"),
        "sees_network": where.sees_network,
        "manages": where.manages,
        "field_staff": bool(where.editor_of),
    }
    return render(request, "network/network_home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def member_page(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    """A member's shared page (objectives, targets, initiatives, resources lacking):
    readable by everyone in the network, written by the member's own editors."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    member = selectors_network.member_get(person, network, member_pk)
    may_write = may_edit_member(person, member)
    initial = {name: getattr(member, name) for name in MemberPageForm.base_fields}
    form = MemberPageForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if not may_write:
            raise PermissionDenied
        status = 400
        if form.is_valid():
            try:
                network_services.member_page_update(
                    actor=person, member=member, **form.cleaned_data
                )
            except ServiceError as error:
                form_error(form, error)
            else:
                messages.success(request, _("The shared page was saved."))
                return redirect("network:member", pk, member.pk)
    where = reach(person, network)
    context = {
        "network": network,
        "member": member,
        "form": form,
        "may_write": may_write,
        "sees_running": where.sees_network or member.pk in where.member_ids,
    }
    return render(request, "network/member.html", context, status=status)


@login_required
@require_GET
def meeting_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The meetings log: partner and centre meetings with their decisions and follow-ups."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    meetings = selectors_network.meetings_for(person, network).order_by("-held_on", "-pk")
    page = paginate(request, meetings)
    context = {
        "network": network,
        "page": page,
        "open_decisions": selectors_delivery.decisions_open_for(person, network)[:50],
        "may_record": may_manage(person, network) or bool(reach(person, network).editor_of),
        "today": timezone.localdate(),
    }
    return render(request, "network/meetings.html", context)
