"""Staff (instructors, mentors, facilitators, psychologists) of each member, their
training against the network's baseline schema (overdue training flagged), mentor load
against the network's limit (a warning when a mentor follows too many women), the
schema itself and the limit. A partner's staff see their own member's people; the
backbone sees everyone's; another partner's staff member is "not found"."""

from __future__ import annotations

from dataclasses import dataclass
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
from cometa.network import selectors, selectors_delivery, selectors_network
from cometa.network.access import may_edit_member, may_manage, reach
from cometa.network.models import Network, Staff, TrainingModule
from cometa.network.rules import MentorLoad, ModuleStanding, TrainingState
from cometa.network.services import delivery
from cometa.network.web.forms_running import MentorLimitForm, ModuleForm, StaffForm, TrainingForm
from cometa.network.web.saving import allowed_or_403, labelled, saved


@dataclass(frozen=True)
class StaffRow:
    staff: Staff
    behind: list[ModuleStanding]  # modules never taken or overdue
    due_soon: list[ModuleStanding]
    load: MentorLoad | None  # mentors only


BEHIND = frozenset({TrainingState.MISSING, TrainingState.OVERDUE})


def _editable_members(person: Person, network: Network) -> list[tuple[int, str]]:
    rows = selectors_network.members_for(person, network).filter(
        pk__in=reach(person, network).editor_of
    )
    return labelled(rows.order_by("organisation__name"), lambda m: m.organisation.name)


def _list_page(
    request: HttpRequest, person: Person, network: Network, bound: dict[str, Form]
) -> HttpResponse:
    today = timezone.localdate()
    staff = list(selectors_delivery.staff_run_for(person, network).order_by("name"))
    standing = selectors_delivery.training_of_staff(
        staff, selectors_delivery.schema_of(network), today
    )
    loads = {load.mentor_id: load for load in selectors.mentor_load_for(person, network)}
    rows = [
        StaffRow(
            staff=s,
            behind=[line for line in standing[s.pk] if line.state in BEHIND],
            due_soon=[line for line in standing[s.pk] if line.state == TrainingState.DUE_SOON],
            load=loads.get(s.pk),
        )
        for s in staff
    ]
    members = _editable_members(person, network)
    manages = may_manage(person, network)
    context = {
        "network": network,
        "rows": rows,
        "over": [row for row in rows if row.load is not None and row.load.over],
        "behind": sum(1 for row in rows if row.behind),
        "form": bound.get("staff") or (StaffForm(choices={"member": members}) if members else None),
        "limit_form": bound.get("limit")
        or (MentorLimitForm(initial={"mentor_limit": network.mentor_limit}) if manages else None),
    }
    return render(request, "network/staff.html", context, status=400 if bound else 200)


@login_required
@require_http_methods(["GET", "POST"])
def staff_list(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    if request.method == "GET":
        return _list_page(request, person, network, {})
    members = _editable_members(person, network)
    allowed_or_403(bool(members))
    form = StaffForm(request.POST, choices={"member": members})

    def call(data: dict[str, Any]) -> None:
        member = selectors_network.member_get(person, network, data.pop("member"))
        delivery.staff_create(actor=person, member=member, **data)

    if not saved(form, call):
        return _list_page(request, person, network, {"staff": form})
    messages.success(request, _("The staff member was added."))
    return redirect("network:staff", pk)


@login_required
@require_POST
def mentor_limit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    allowed_or_403(may_manage(person, network))
    form = MentorLimitForm(request.POST)

    def call(data: dict[str, Any]) -> None:
        delivery.mentor_limit_set(actor=person, network=network, **data)

    if not saved(form, call):
        return _list_page(request, person, network, {"limit": form})
    messages.success(request, _("The limit of women per mentor was saved."))
    return redirect("network:staff", pk)


def _modules(network: Network) -> list[TrainingModule]:
    return list(TrainingModule.objects.filter(network=network).order_by("code"))


def _may_train(person: Person, staff: Staff) -> bool:
    return may_edit_member(person, staff.member) or may_manage(person, staff.member.network)


def _detail_page(
    request: HttpRequest, person: Person, staff: Staff, bound: Form | None = None
) -> HttpResponse:
    network = staff.member.network
    today = timezone.localdate()
    names = {m.code: m.name for m in _modules(network)}
    standing = selectors_network.training_standing_for(person, staff, today)
    form = bound or TrainingForm(
        choices={"module": labelled(_modules(network), lambda m: m.name)},
        initial={"completed_on": today},
    )
    loads = {load.mentor_id: load for load in selectors.mentor_load_for(person, network)}
    context = {
        "network": network,
        "staff": staff,
        "standing": [(names.get(line.code, line.code), line) for line in standing],
        "records": selectors_delivery.training_records_of(staff),
        "load": loads.get(staff.pk),
        "form": form if _may_train(person, staff) else None,
    }
    return render(request, "network/staff_member.html", context, status=400 if bound else 200)


@login_required
@require_GET
def staff_detail(request: HttpRequest, pk: int, staff_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    staff = selectors_delivery.staff_run_get(person, network, staff_pk)
    return _detail_page(request, person, staff)


@login_required
@require_POST
def training_record(request: HttpRequest, pk: int, staff_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    staff = selectors_delivery.staff_run_get(person, network, staff_pk)
    allowed_or_403(_may_train(person, staff))
    modules = _modules(network)
    form = TrainingForm(request.POST, choices={"module": labelled(modules, lambda m: m.name)})

    def call(data: dict[str, Any]) -> None:
        module = next(m for m in modules if m.pk == data["module"])
        delivery.training_record(
            actor=person, staff=staff, module=module, completed_on=data["completed_on"],
            today=timezone.localdate(),
        )  # fmt: skip

    if not saved(form, call):
        return _detail_page(request, person, staff, form)
    messages.success(request, _("The training was recorded."))
    return redirect("network:staff-member", pk, staff.pk)


@login_required
@require_http_methods(["GET", "POST"])
def training_schema(request: HttpRequest, pk: int) -> HttpResponse:
    """The baseline training every staff member takes, with refresher intervals: read by
    everyone inside the network, set by the backbone."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    manages = may_manage(person, network)
    form = ModuleForm(request.POST or None)
    if request.method == "POST":
        allowed_or_403(manages)

        def call(data: dict[str, Any]) -> None:
            delivery.training_module_create(actor=person, network=network, **data)

        if saved(form, call):
            messages.success(request, _("The module was added to the schema."))
            return redirect("network:training", pk)
    context = {"network": network, "modules": _modules(network), "form": form if manages else None}
    return render(request, "network/training.html", context, status=400 if form.errors else 200)
