"""The learning pages: notes on frozen snapshots of the indicator values (searched,
filtered, paged), one note with its values as they were frozen and its actions (owners,
due dates, status), and the review of notes and actions at a meeting. Everyone inside
the network reads them; the backbone's coordinators and editors write; an action's owner
or a coordinator closes it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.web.pages import paginate
from cometa.network import selectors_delivery, selectors_network
from cometa.network import selectors_learning as sel
from cometa.network.indicators.definitions import COMMON
from cometa.network.models import LearningAction, LearningNote, Network
from cometa.network.services import learning as services
from cometa.network.web.forms_learning import (
    ActionForm,
    NoteFilterForm,
    NoteForm,
    ReviewForm,
    StatusForm,
)
from cometa.network.web.saving import allowed_or_403, labelled, saved


def _indicators(short: bool = False) -> list[tuple[str, str]]:
    """The common indicators as choices; ``short`` cuts the titles so that a select fits
    a phone's width (a select is as wide as its longest option)."""
    language = (get_language() or "en")[:2]
    found = []
    for common in COMMON:
        title = common.definition.title.get(language)
        if short and len(title) > 24:
            title = title[:23].rstrip() + "…"
        found.append((common.code, f"{common.code} {title}"))
    return found


@login_required
@require_GET
def learning_list(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    today = timezone.localdate()
    form = NoteFilterForm(request.GET, indicators=_indicators(short=True))
    wanted = form.cleaned_data if form.is_valid() else {}
    notes = sel.notes_for(
        person, network, search=wanted.get("q", ""), code=wanted.get("code", ""),
        status=wanted.get("status", ""), today=today,
    )  # fmt: skip
    context = {
        "network": network,
        "form": form,
        "page": paginate(request, notes),
        "due": sel.actions_due(person, network, today, within=14)[:20],
        "today": today,
        "may_write": services.may_write_notes(person, network),
    }
    return render(request, "network/learning/list.html", context)


def _note_form(person: Person, network: Network, data: Any = None) -> NoteForm:
    snapshots = labelled(
        sel.snapshots_for(person, network),
        lambda run: f"{run.label or run.period} ({run.period})",
    )
    members = labelled(
        selectors_network.members_for(person, network).order_by("organisation__name"),
        lambda m: m.organisation.name,
    )
    return NoteForm(
        data, choices={"snapshot": snapshots, "member": members}, indicators=_indicators()
    )


@login_required
@require_http_methods(["GET", "POST"])
def learning_new(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    allowed_or_403(services.may_write_notes(person, network))
    form = _note_form(person, network, request.POST or None)
    made: list[LearningNote] = []

    def call(data: dict[str, Any]) -> None:
        snapshot = sel.snapshots_for(person, network).get(pk=data.pop("snapshot"))
        member_pk = data.pop("member")
        member = selectors_network.member_get(person, network, member_pk) if member_pk else None
        made.append(
            services.note_write(
                actor=person, network=network, snapshot=snapshot, member=member, **data
            )
        )

    if request.method == "POST" and saved(form, call):
        messages.success(request, _("The note was written. Add what is to be done."))
        return redirect("network:learning-note", pk, made[0].pk)
    context = {
        "network": network,
        "form": form,
        "has_snapshots": sel.snapshots_for(person, network).exists(),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "network/learning/new.html", context, status=status)


def _action_form(person: Person, network: Network, data: Any = None) -> ActionForm:
    return ActionForm(data, choices={"owner": sel.owners_for(person, network)}, auto_id="action-%s")


def _note_page(
    request: HttpRequest, person: Person, note: LearningNote, bound: Form | None = None
) -> HttpResponse:
    network, today = note.network, timezone.localdate()
    actions = []
    for action in note.actions.select_related("owner").order_by("due_on", "pk"):
        may_close = services.may_close_action(person, action)
        moves = may_close and action.status in services.MOVES
        form = StatusForm(auto_id=f"status{action.pk}-%s", current=action.status) if moves else None
        actions.append((action, sel.is_overdue(action, today), form))
    may_write = services.may_write_notes(person, network)
    context = {
        "network": network,
        "note": note,
        "values": sel.note_values(person, note),
        "actions": actions,
        "reviews": sel.reviews_of(note),
        "action_form": (bound or _action_form(person, network)) if may_write else None,
        "today": today,
    }
    return render(request, "network/learning/note.html", context, status=400 if bound else 200)


@login_required
@require_GET
def learning_note(request: HttpRequest, pk: int, note_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    return _note_page(request, person, sel.note_get(person, network, note_pk))


@login_required
@require_POST
def learning_action_add(request: HttpRequest, pk: int, note_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    note = sel.note_get(person, network, note_pk)
    allowed_or_403(services.may_write_notes(person, network))
    form = _action_form(person, network, request.POST)

    def call(data: dict[str, Any]) -> None:
        owner = Person.objects.get(pk=data.pop("owner"))
        services.action_add(actor=person, note=note, owner=owner, **data)

    if not saved(form, call):
        return _note_page(request, person, note, form)
    messages.success(request, _("The action was added."))
    return redirect("network:learning-note", pk, note.pk)


def _errors_to_messages(request: HttpRequest, form: Form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, str(error))


@login_required
@require_POST
def learning_action_status(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    action: LearningAction = sel.action_get(person, network, action_pk)
    allowed_or_403(services.may_close_action(person, action))
    form = StatusForm(request.POST)

    def call(data: dict[str, Any]) -> None:
        services.action_status(actor=person, action=action, **data)

    if saved(form, call):
        messages.success(request, _("The action's status was changed."))
    else:
        _errors_to_messages(request, form)
    return redirect("network:learning-note", pk, action.note_id)


@login_required
@require_POST
def learning_review(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    meeting = selectors_delivery.meeting_get(person, network, meeting_pk)
    allowed_or_403(services.may_review(person, meeting))
    form = ReviewForm(request.POST)

    def call(data: dict[str, Any]) -> None:
        note_pk, action_pk = data.pop("note"), data.pop("action")
        note = sel.note_get(person, network, note_pk) if note_pk else None
        action = sel.action_get(person, network, action_pk) if action_pk else None
        services.learning_review(actor=person, meeting=meeting, note=note, action=action, **data)

    if saved(form, call):
        messages.success(request, _("The review was recorded."))
    else:
        _errors_to_messages(request, form)
    return redirect("network:meeting", pk, meeting.pk)
