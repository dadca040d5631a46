"""Recording a meeting of partners or centres, its decisions with their follow-ups (who,
by when) and marking them done. The log is read by everyone inside the network; the
backbone records any meeting, a member's editors those their member attended."""

from __future__ import annotations

from datetime import date
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
from cometa.network.models import Decision, Meeting, Network
from cometa.network.services import network as network_services
from cometa.network.web.forms_running import DecisionForm, DoneForm, MeetingForm
from cometa.network.web.saving import allowed_or_403, labelled, saved


def _members(person: Person, network: Network) -> list[tuple[int, str]]:
    rows = selectors_network.members_for(person, network).order_by("organisation__name")
    return labelled(rows, lambda m: m.organisation.name)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_new(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    allowed_or_403(may_manage(person, network) or bool(reach(person, network).editor_of))
    members = selectors_network.members_for(person, network)
    initial = {"held_on": timezone.localdate(), "kind": "partners"}
    form = MeetingForm(request.POST or None, members=_members(person, network), initial=initial)
    made: list[Meeting] = []

    def call(data: dict[str, Any]) -> None:
        attendees = list(members.filter(pk__in=data.pop("attendees")))
        made.append(
            network_services.meeting_record(
                actor=person, network=network, attendees=attendees, **data
            )
        )

    if request.method == "POST" and saved(form, call):
        messages.success(request, _("The meeting was recorded. Add what was decided."))
        return redirect("network:meeting", pk, made[0].pk)
    status = 400 if request.method == "POST" else 200
    context = {"network": network, "form": form}
    return render(request, "network/meeting_new.html", context, status=status)


def _may_decide(person: Person, meeting: Meeting) -> bool:
    return may_manage(person, meeting.network) or meeting.recorded_by_id == person.pk


def _may_close(person: Person, decision: Decision) -> bool:
    owner = decision.owner
    return may_manage(person, decision.meeting.network) or (
        owner is not None and may_edit_member(person, owner)
    )


def _done_form(person: Person, decision: Decision, today: date) -> DoneForm | None:
    if decision.done_on is not None or not _may_close(person, decision):
        return None
    return DoneForm(initial={"done_on": today}, auto_id=f"done{decision.pk}-%s")


def _page(
    request: HttpRequest,
    person: Person,
    meeting: Meeting,
    bound: Form | None = None,
) -> HttpResponse:
    network = meeting.network
    today = timezone.localdate()
    decision_form = bound or DecisionForm(
        choices={"owner": _members(person, network)}, auto_id="decision-%s"
    )
    rows = meeting.decisions.select_related("owner__organisation").order_by("pk")
    decisions = [(d, _done_form(person, d, today)) for d in rows]
    context = {
        "network": network,
        "meeting": meeting,
        "decisions": decisions,
        "decision_form": decision_form if _may_decide(person, meeting) else None,
        "today": today,
    }
    return render(request, "network/meeting.html", context, status=400 if bound else 200)


@login_required
@require_GET
def meeting_detail(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    return _page(request, person, selectors_delivery.meeting_get(person, network, meeting_pk))


@login_required
@require_POST
def decision_add(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    meeting = selectors_delivery.meeting_get(person, network, meeting_pk)
    allowed_or_403(_may_decide(person, meeting))
    members = selectors_network.members_for(person, network)
    form = DecisionForm(
        request.POST, choices={"owner": _members(person, network)}, auto_id="decision-%s"
    )

    def call(data: dict[str, Any]) -> None:
        owner_pk = data.pop("owner")
        owner = members.get(pk=owner_pk) if owner_pk is not None else None
        network_services.decision_add(actor=person, meeting=meeting, owner=owner, **data)

    if not saved(form, call):
        return _page(request, person, meeting, form)
    messages.success(request, _("The decision was added."))
    return redirect("network:meeting", pk, meeting.pk)


@login_required
@require_POST
def decision_done(request: HttpRequest, pk: int, decision_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    decision = selectors_delivery.decision_get(person, network, decision_pk)
    allowed_or_403(_may_close(person, decision))
    form = DoneForm(request.POST)

    def call(data: dict[str, Any]) -> None:
        network_services.decision_done(actor=person, decision=decision, **data)

    if saved(form, call):
        messages.success(request, _("The follow-up was marked done."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect("network:meeting", pk, decision.meeting_id)
