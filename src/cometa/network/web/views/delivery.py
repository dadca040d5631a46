"""Where the programme is delivered: sites (community and learning centres) run by a
member, programmes and their pathways, cohorts at a site, their sessions. A partner's
staff see their own member's; the backbone sees every member's; another partner's site,
cohort or session is "not found". The attendance sheet is in ``attendance``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.network import selectors_delivery, selectors_network
from cometa.network.access import may_edit_member, may_manage, reach
from cometa.network.codes import StaffRole
from cometa.network.models import Cohort, Network, Pathway, Site
from cometa.network.services import delivery
from cometa.network.services.common import TEACHING
from cometa.network.web.forms_running import CohortForm, ProgrammeForm, SessionForm, SiteForm
from cometa.network.web.saving import allowed_or_403, labelled, saved


def _site_members(person: Person, network: Network) -> list[tuple[int, str]]:
    """Members the person may add a site for: those they edit; every one for the backbone."""
    rows = selectors_network.members_for(person, network).order_by("organisation__name")
    if not may_manage(person, network):
        rows = rows.filter(pk__in=reach(person, network).editor_of)
    return labelled(rows, lambda m: m.organisation.name)


@login_required
@require_http_methods(["GET", "POST"])
def site_list(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    members = _site_members(person, network)
    form = SiteForm(request.POST or None, choices={"member": members}, initial={"state_code": "14"})
    if request.method == "POST":
        allowed_or_403(bool(members))

        def call(data: dict[str, Any]) -> None:
            member = selectors_network.member_get(person, network, data.pop("member"))
            delivery.site_create(actor=person, member=member, **data)

        if saved(form, call):
            messages.success(request, _("The centre was added."))
            return redirect("network:sites", pk)
    sites = selectors_delivery.sites_run_for(person, network).order_by("name")
    context = {"network": network, "sites": sites, "form": form if members else None}
    return render(request, "network/sites.html", context, status=400 if form.errors else 200)


def _cohort_form(person: Person, site: Site, data: object = None) -> CohortForm:
    network = site.network
    pathways = Pathway.objects.filter(programme__network=network).select_related("programme")
    teachers = selectors_delivery.staff_run_for(person, network).filter(
        member=site.member, role__in=TEACHING, is_active=True
    )
    choices = {
        "pathway": labelled(pathways, lambda p: f"{p.programme.name}: {p.name}"),
        "instructor": labelled(teachers.order_by("name")),
    }
    return CohortForm(data, choices=choices, auto_id="cohort-%s")


def _site_page(
    request: HttpRequest, person: Person, site: Site, bound: Form | None = None
) -> HttpResponse:
    cohorts = selectors_delivery.cohorts_run_for(person, site.network).filter(site=site)
    editable = may_edit_member(person, site.member)
    context = {
        "network": site.network,
        "site": site,
        "cohorts": cohorts.order_by("-starts_on", "code"),
        "form": (bound or _cohort_form(person, site)) if editable else None,
    }
    return render(request, "network/site.html", context, status=400 if bound else 200)


@login_required
@require_GET
def site_detail(request: HttpRequest, pk: int, site_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    return _site_page(request, person, selectors_delivery.site_get(person, network, site_pk))


@login_required
@require_POST
def cohort_new(request: HttpRequest, pk: int, site_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    site = selectors_delivery.site_get(person, network, site_pk)
    allowed_or_403(may_edit_member(person, site.member))
    form = _cohort_form(person, site, request.POST)
    made: list[Cohort] = []

    def call(data: dict[str, Any]) -> None:
        data["pathway"] = Pathway.objects.get(pk=data["pathway"])
        if data["instructor"] is not None:
            data["instructor"] = selectors_delivery.staff_run_get(
                person, network, data["instructor"]
            )
        made.append(delivery.cohort_create(actor=person, site=site, **data))

    if not saved(form, call):
        return _site_page(request, person, site, form)
    messages.success(request, _("The cohort was opened."))
    return redirect("network:cohort", pk, made[0].pk)


@login_required
@require_http_methods(["GET", "POST"])
def programme_list(request: HttpRequest, pk: int) -> HttpResponse:
    """Programmes and their pathways: read by everyone inside, defined by the backbone."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    manages = may_manage(person, network)
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST":
        allowed_or_403(manages)

        def call(data: dict[str, Any]) -> None:
            delivery.programme_create(
                actor=person, network=network, code=data["code"], name=data["name"],
                pathways=form.pathway_names(),
            )  # fmt: skip

        if saved(form, call):
            messages.success(request, _("The programme was added."))
            return redirect("network:programmes", pk)
    programmes = network.programmes.prefetch_related("pathways").order_by("code")
    context = {"network": network, "programmes": programmes, "form": form if manages else None}
    return render(request, "network/programmes.html", context, status=400 if form.errors else 200)


def _session_form(person: Person, cohort: Cohort, data: object = None) -> SessionForm:
    teachers = selectors_delivery.staff_run_for(person, cohort.network).filter(
        member_id=cohort.member_id, role__in=TEACHING, is_active=True
    )
    return SessionForm(
        data,
        choices={"instructor": labelled(teachers.order_by("name"))},
        auto_id="session-%s",
        initial={"held_on": timezone.localdate()},
    )


def _cohort_page(
    request: HttpRequest, person: Person, cohort: Cohort, bound: Form | None = None
) -> HttpResponse:
    editable = may_edit_member(person, cohort.member)
    mentors = selectors_delivery.staff_run_for(person, cohort.network).filter(
        member_id=cohort.member_id, role=StaffRole.MENTOR, is_active=True
    )
    context = {
        "network": cohort.network,
        "cohort": cohort,
        "sessions": selectors_delivery.sessions_of(cohort).order_by("held_on", "pk"),
        "mentors": mentors.order_by("name"),
        "form": (bound or _session_form(person, cohort)) if editable else None,
    }
    return render(request, "network/cohort.html", context, status=400 if bound else 200)


@login_required
@require_GET
def cohort_detail(request: HttpRequest, pk: int, cohort_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    return _cohort_page(request, person, selectors_delivery.cohort_get(person, network, cohort_pk))


@login_required
@require_POST
def session_new(request: HttpRequest, pk: int, cohort_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    cohort = selectors_delivery.cohort_get(person, network, cohort_pk)
    allowed_or_403(may_edit_member(person, cohort.member))
    form = _session_form(person, cohort, request.POST)
    made = []

    def call(data: dict[str, Any]) -> None:
        if data["instructor"] is not None:
            data["instructor"] = selectors_delivery.staff_run_get(
                person, network, data["instructor"]
            )
        made.append(delivery.session_create(actor=person, cohort=cohort, **data))

    if not saved(form, call):
        return _cohort_page(request, person, cohort, form)
    messages.success(request, _("The session was added. Take attendance now."))
    return redirect("network:attendance", pk, made[0].pk)
