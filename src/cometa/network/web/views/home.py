"""The networks a person reaches, and one network: its members, centres and cohorts."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cometa.accounts.acting import person_of
from cometa.network import selectors_network
from cometa.network.access import reach


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
        "field_staff": bool(where.editor_of),
    }
    return render(request, "network/network_home.html", context)
