"""Psychosocial flags: raising one (her partner's editors, so that a mentor's concern
does not wait, and the designated people), and following it up — reading it, referring
her, moving its status — for the people her partner designated only. For everyone else a
flag's page and its forms answer 404, as if there were none."""

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
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cometa.accounts.acting import person_of
from cometa.core.errors import ServiceError
from cometa.core.web.pages import form_error
from cometa.network import selectors, selectors_network
from cometa.network.access import may_edit_member, may_read_psychosocial
from cometa.network.codes import FlagStatus
from cometa.network.models import PsychosocialFlag
from cometa.network.services import psychosocial
from cometa.network.services.psychosocial import STEPS
from cometa.network.web.forms_care import FlagForm, FlagMoveForm, ReferralForm
from cometa.network.web.views.care import page, summary


@login_required
@require_http_methods(["GET", "POST"])
def flag_raise(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    her = selectors.participant_get(person, network, code)
    if not (may_edit_member(person, her.member) or may_read_psychosocial(person, her.member)):
        raise PermissionDenied
    form = FlagForm(request.POST or None, initial={"raised_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            psychosocial.flag_raise(actor=person, participant=her, **form.cleaned_data)
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, _("The flag was raised; the designated staff will see it."))
            return redirect("network:participant", pk, her.code)
    return page(request, "network/flag_raise.html", {"network": network, "her": her}, form)


def _steps(flag: PsychosocialFlag) -> list[tuple[str, str]]:
    labels = dict(FlagStatus.choices)
    return [(s, str(labels[s])) for s in sorted(STEPS[FlagStatus(flag.status)])]


def _flag_page(
    request: HttpRequest, flag: PsychosocialFlag, refer: Form, move: Form, status: int = 200
) -> HttpResponse:
    sent = refer if refer.is_bound else move
    context = {
        "network": flag.member.network,
        "flag": flag,
        "her": flag.participant,
        "referrals": list(flag.referrals.order_by("referred_on", "pk")),
        "refer": refer,
        "move": move if _steps(flag) else None,
        "errors": summary(sent) if sent.is_bound else [],
    }
    return render(request, "network/flag.html", context, status=status)


def _forms(flag: PsychosocialFlag, data: Any = None, which: str = "") -> tuple[Form, Form]:
    today = timezone.localdate()
    refer = ReferralForm(
        data if which == "refer" else None, prefix="refer", initial={"referred_on": today}
    )
    move = FlagMoveForm(
        data if which == "move" else None, prefix="move", steps=_steps(flag), initial={"on": today}
    )
    return refer, move


@login_required
@require_GET
def flag_detail(request: HttpRequest, pk: int, flag_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    flag = selectors.flag_read(person, network, flag_pk)
    return _flag_page(request, flag, *_forms(flag))


def _change(request: HttpRequest, pk: int, flag_pk: int, which: str) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    flag = selectors.flag_read(person, network, flag_pk)
    refer, move = _forms(flag, request.POST, which)
    form = refer if which == "refer" else move
    if form.is_valid():
        try:
            if which == "refer":
                psychosocial.referral_add(actor=person, flag=flag, **form.cleaned_data)
            else:
                psychosocial.flag_move(actor=person, flag=flag, **form.cleaned_data)
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, _("The flag was updated."))
            return redirect("network:flag", pk, flag.pk)
    return _flag_page(request, flag, refer, move, status=400)


@login_required
@require_POST
def flag_refer(request: HttpRequest, pk: int, flag_pk: int) -> HttpResponse:
    return _change(request, pk, flag_pk, "refer")


@login_required
@require_POST
def flag_move(request: HttpRequest, pk: int, flag_pk: int) -> HttpResponse:
    return _change(request, pk, flag_pk, "move")
